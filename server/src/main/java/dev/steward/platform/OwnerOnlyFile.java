package dev.steward.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a secret to a file only its owner can read, from the first byte: the content goes into
 * a fresh file created with mode 600 in the target's directory (never a file created readable and
 * narrowed afterwards), which is then renamed over the target. A rename replaces the directory
 * entry itself, so even a symbolic link put there after the check is replaced, never followed.
 *
 * <p>An existing regular file at the target is replaced (it is the file the operator named); a
 * symbolic link there is refused, since someone other than the operator may have placed it to
 * make the server write a secret somewhere else.
 */
public final class OwnerOnlyFile {

    private OwnerOnlyFile() {
    }

    /** Refuses a target that is a symbolic link; call it before acting on a secret the file will hold. */
    public static void checkTarget(Path file) {
        if (Files.isSymbolicLink(file)) {
            throw new IllegalStateException(file.toAbsolutePath() + " is a symbolic link: refusing to write a secret"
                    + " through it; remove it or name a regular file");
        }
    }

    public static void write(Path file, String content) {
        checkTarget(file);
        Path dir = file.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            Files.createDirectories(dir);
            temporary = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", ownerOnly());
            Files.writeString(temporary, content, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.toAbsolutePath(), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the failure above is the one to report
                }
            }
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) };
        }
        // Not POSIX (Windows): a temporary file there is private to its owner by default.
        return new FileAttribute<?>[0];
    }
}
