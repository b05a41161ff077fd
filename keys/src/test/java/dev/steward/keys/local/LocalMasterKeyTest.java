package dev.steward.keys.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.keys.MasterKeyUnavailable;
import dev.steward.keys.MasterKeyWrong;
import dev.steward.keys.WrappedKeyset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMasterKeyTest {

    private static final byte[] AAD = "tenant-1".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void firstStartCreatesTheFileAndLaterStartsOpenIt() {
        Path file = dir.resolve("keys/master.key");
        LocalMasterKey created = LocalMasterKey.openOrCreate(file, "s3cret passphrase".toCharArray());
        WrappedKeyset wrapped = created.wrap("kek keyset".getBytes(StandardCharsets.UTF_8), AAD);

        LocalMasterKey reopened = LocalMasterKey.openOrCreate(file, "s3cret passphrase".toCharArray());

        assertThat(created.file()).isEqualTo(file);
        assertThat(reopened.currentVersion()).isEqualTo(created.currentVersion());
        assertThat(new String(reopened.unwrapSecret(wrapped, AAD), StandardCharsets.UTF_8)).isEqualTo("kek keyset");
        assertThat(wrapped.masterVersion()).isEqualTo(created.currentVersion());
    }

    @Test
    void fileIsReadableByItsOwnerOnlyAndNamesItsKdf() throws Exception {
        Path file = dir.resolve("master.key");
        TestMasterKeys.create(file, "pw".toCharArray());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("kdf=PBKDF2WithHmacSHA256", "salt=", "sealed=");
        assertThat(LocalMasterKey.ITERATIONS).isGreaterThanOrEqualTo(600_000);
    }

    @Test
    void aChosenPassphraseIsStretchedAndAGeneratedOneIsNot() throws Exception {
        Path chosen = dir.resolve("chosen.key");
        Path generated = dir.resolve("generated.key");
        String random = "Qm9vdHN0cmFwcGVkIGZyb20gMjU2IHJhbmRvbSBiaXRz"; // 44 characters, like a generated one

        LocalMasterKey.openOrCreate(chosen, "s3cret passphrase".toCharArray());
        LocalMasterKey created = LocalMasterKey.openOrCreate(generated, random.toCharArray(),
                PassphraseOrigin.GENERATED);
        WrappedKeyset wrapped = created.wrap("kek".getBytes(StandardCharsets.UTF_8), AAD);

        assertThat(Files.readString(chosen)).contains("iterations=" + LocalMasterKey.ITERATIONS);
        assertThat(Files.readString(generated)).contains("iterations=" + LocalMasterKey.MIN_ITERATIONS + "\n");
        LocalMasterKey reopened = LocalMasterKey.open(generated, random.toCharArray());
        assertThat(reopened.unwrapSecret(wrapped, AAD)).isEqualTo("kek".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> LocalMasterKey.open(generated, (random + "x").toCharArray()))
                .isInstanceOf(MasterKeyWrong.class);
    }

    @Test
    void aShortPassphraseIsNeverSealedAsGenerated() {
        Path file = dir.resolve("master.key");

        assertThatThrownBy(() -> LocalMasterKey.openOrCreate(file, "short but typed".toCharArray(),
                PassphraseOrigin.GENERATED)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("generated passphrase");
        assertThat(file).doesNotExist();
    }

    @Test
    void theRecordedIterationCountCannotBeLoweredToCheapenAnAttack() throws Exception {
        Path file = dir.resolve("master.key");
        LocalMasterKey.create(file, "pw".toCharArray(), 5_000);
        String text = Files.readString(file);
        assertThat(text).contains("iterations=5000\n");

        Files.writeString(file, text.replace("iterations=5000", "iterations=" + LocalMasterKey.MIN_ITERATIONS));

        assertThatThrownBy(() -> LocalMasterKey.open(file, "pw".toCharArray())).isInstanceOf(MasterKeyWrong.class);
    }

    @Test
    void wrongPassphraseIsMasterKeyWrong() {
        Path file = dir.resolve("master.key");
        TestMasterKeys.create(file, "right".toCharArray());

        assertThatThrownBy(() -> LocalMasterKey.open(file, "wrong".toCharArray()))
                .isInstanceOf(MasterKeyWrong.class).hasMessageContaining("wrong passphrase")
                .hasMessageContaining(file.toAbsolutePath().toString());
    }

    @Test
    void alteredFileIsMasterKeyWrong() throws Exception {
        Path file = dir.resolve("master.key");
        TestMasterKeys.create(file, "pw".toCharArray());
        String text = Files.readString(file);
        int i = text.indexOf("sealed=") + 10;
        char flipped = text.charAt(i) == 'A' ? 'B' : 'A';
        Files.writeString(file, text.substring(0, i) + flipped + text.substring(i + 1));

        assertThatThrownBy(() -> LocalMasterKey.open(file, "pw".toCharArray())).isInstanceOf(MasterKeyWrong.class);
    }

    @Test
    void missingFileIsMasterKeyUnavailable() {
        Path file = dir.resolve("absent.key");

        assertThatThrownBy(() -> LocalMasterKey.open(file, "pw".toCharArray()))
                .isInstanceOf(MasterKeyUnavailable.class).hasMessageContaining("does not exist")
                .hasMessageContaining(file.toAbsolutePath().toString());
    }

    @Test
    void wrappedKeysetOnlyUnwrapsWithItsAssociatedData() {
        LocalMasterKey key = TestMasterKeys.create(dir.resolve("master.key"), "pw".toCharArray());
        WrappedKeyset wrapped = key.wrap(new byte[] {1, 2, 3}, AAD);

        assertThatThrownBy(() -> key.unwrapSecret(wrapped, "tenant-2".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MasterKeyWrong.class);
    }

    @Test
    void retiredVersionNoLongerUnwrapsAndTheCurrentOneCannotBeRetired() {
        Path file = dir.resolve("master.key");
        LocalMasterKey key = TestMasterKeys.create(file, "pw".toCharArray());
        String old = key.currentVersion();
        WrappedKeyset wrapped = key.wrap(new byte[] {1, 2, 3}, AAD);
        String current = key.rotate();

        assertThat(current).isNotEqualTo(old);
        assertThat(LocalMasterKey.open(file, "pw".toCharArray()).unwrapSecret(wrapped, AAD)).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> key.retire(current)).isInstanceOf(IllegalArgumentException.class);

        key.retire(old);

        assertThatThrownBy(() -> LocalMasterKey.open(file, "pw".toCharArray()).unwrapSecret(wrapped, AAD))
                .isInstanceOf(MasterKeyUnavailable.class).hasMessageContaining(old);
    }

    @Test
    void toStringShowsVersionsNotKeys() {
        LocalMasterKey key = TestMasterKeys.create(dir.resolve("master.key"), "pw".toCharArray());

        assertThat(key.toString()).startsWith("LocalMasterKey[file=").contains(key.currentVersion())
                .doesNotContain("pw");
        assertThat(key.wrap(new byte[16], AAD).toString()).matches("WrappedKeyset\\[masterVersion=.*, \\d+ bytes]");
    }

    @Test
    void rawMasterKeyNamesVersionsByFingerprintAndRefusesAnotherKey() {
        String k1 = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        byte[] other = new byte[32];
        other[0] = 1;
        String k2 = java.util.Base64.getEncoder().encodeToString(other);
        RawMasterKey first = RawMasterKey.fromBase64(k1);
        WrappedKeyset wrapped = first.wrap(new byte[] {9}, AAD);
        RawMasterKey rotated = RawMasterKey.fromBase64(k2, k1);

        assertThat(rotated.unwrapSecret(wrapped, AAD)).containsExactly(9);
        assertThat(rotated.currentVersion()).isNotEqualTo(first.currentVersion()).startsWith("raw-");
        assertThat(rotated.toString()).doesNotContain(k1, k2);
        assertThatThrownBy(() -> RawMasterKey.fromBase64(k2).unwrapSecret(wrapped, AAD))
                .isInstanceOf(MasterKeyUnavailable.class);
        assertThatThrownBy(() -> RawMasterKey.fromBase64(k2).unwrapSecret(
                new WrappedKeyset(RawMasterKey.fromBase64(k2).currentVersion(), wrapped.ciphertext()), AAD))
                .isInstanceOf(MasterKeyWrong.class);
        assertThatThrownBy(() -> RawMasterKey.fromBase64("c2hvcnQ=")).isInstanceOf(MasterKeyUnavailable.class);
    }
}
