package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bootstrap token file: owner-only from its first byte, and never written through a symbolic link. */
class OwnerOnlyFileTest {

    @TempDir
    Path dir;

    @Test
    void aNewFileIsOwnerOnlyAndHoldsTheSecret() throws Exception {
        Path file = dir.resolve("sub/bootstrap.token");

        OwnerOnlyFile.write(file, "stw_secret");

        assertThat(Files.readString(file)).isEqualTo("stw_secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var left = Files.list(file.getParent())) {
            assertThat(left).as("no temporary file is left behind").containsExactly(file);
        }
    }

    @Test
    void anExistingReadableFileIsReplacedByAFreshOwnerOnlyOneNotRewrittenInPlace() throws Exception {
        Path file = dir.resolve("bootstrap.token");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        // someone holding the old file open keeps reading the old content, never the secret
        Path otherName = dir.resolve("hard-link");
        Files.createLink(otherName, file);

        OwnerOnlyFile.write(file, "stw_new");

        assertThat(Files.readString(file)).isEqualTo("stw_new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(otherName)).as("the old inode never held the secret").isEqualTo("old");
    }

    @Test
    void aSymbolicLinkAtTheTargetIsRefusedAndItsTargetUntouched() throws Exception {
        Path elsewhere = dir.resolve("world-readable.txt");
        Files.writeString(elsewhere, "innocent");
        Path file = dir.resolve("bootstrap.token");
        Files.createSymbolicLink(file, elsewhere);
        Path dangling = dir.resolve("dangling.token");
        Files.createSymbolicLink(dangling, dir.resolve("not-there"));

        assertThatThrownBy(() -> OwnerOnlyFile.write(file, "stw_secret")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> OwnerOnlyFile.write(dangling, "stw_secret")).isInstanceOf(IllegalStateException.class);

        assertThat(Files.readString(elsewhere)).isEqualTo("innocent");
        assertThat(Files.exists(dir.resolve("not-there"))).isFalse();
        assertThat(Files.isSymbolicLink(file)).isTrue();
    }
}
