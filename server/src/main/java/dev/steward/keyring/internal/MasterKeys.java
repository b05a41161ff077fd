package dev.steward.keyring.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.steward.keys.MasterKeyUnavailable;
import dev.steward.keys.local.LocalMasterKey;
import dev.steward.keys.local.PassphraseOrigin;

/**
 * Opens the local master key of the server: {@code <data-dir>/keys/master.keyset}, sealed by the
 * passphrase from {@code steward.keys.master-passphrase} (env {@code STEWARD_MASTER_PASSPHRASE}).
 * Only on the embedded default, and only when neither the key file nor any wrapped key exists yet,
 * a passphrase is generated into {@code <data-dir>/keys/master.passphrase} (mode 600). Production
 * supplies the passphrase from outside and keeps it, and the key file, apart from database backups.
 */
public final class MasterKeys {

    private static final Logger log = LoggerFactory.getLogger(MasterKeys.class);

    private MasterKeys() {
    }

    /**
     * @param configuredPassphrase the passphrase given from outside, or blank
     * @param generateIfMissing whether a passphrase may be generated on a first start (embedded default)
     * @param wrappedKeysExist whether the database already holds keys wrapped by some master key
     */
    public static LocalMasterKey open(Path keysDir, String configuredPassphrase, boolean generateIfMissing,
            boolean wrappedKeysExist) {
        Path keyFile = keysDir.resolve("master.keyset");
        Path passphraseFile = keysDir.resolve("master.passphrase");
        boolean keyFileExists = Files.exists(keyFile);
        if (!keyFileExists && wrappedKeysExist) {
            throw new MasterKeyUnavailable("master key file " + keyFile.toAbsolutePath() + " is missing, but the"
                    + " database holds keys wrapped by a master key. Restore the key file (and give its passphrase);"
                    + " a new master key would leave every stored personal value unreadable, so none is created");
        }
        char[] passphrase;
        // Only a passphrase generated right here is known to be random: it needs no stretching (see
        // PassphraseOrigin). One supplied from outside, or found in the file, may be guessable.
        PassphraseOrigin origin = PassphraseOrigin.CHOSEN;
        if (configuredPassphrase != null && !configuredPassphrase.isBlank()) {
            passphrase = configuredPassphrase.toCharArray();
        } else if (Files.exists(passphraseFile)) {
            passphrase = read(passphraseFile);
        } else if (!keyFileExists && generateIfMissing) {
            passphrase = generate(passphraseFile);
            origin = PassphraseOrigin.GENERATED;
        } else {
            throw new MasterKeyUnavailable("no passphrase for the master key file " + keyFile.toAbsolutePath()
                    + ": set STEWARD_MASTER_PASSPHRASE (property steward.keys.master-passphrase)"
                    + (keyFileExists ? "" : ", or allow steward.keys.generate-passphrase on the embedded default"));
        }
        LocalMasterKey key = LocalMasterKey.openOrCreate(keyFile, passphrase, origin);
        if (!keyFileExists) {
            // Shown once, at the first start: the operator must back this file up apart from the database.
            String notice = "Steward: created the master key " + keyFile.toAbsolutePath()
                    + (Files.exists(passphraseFile) ? " (passphrase in " + passphraseFile.toAbsolutePath() + ")" : "")
                    + ". Back it up apart from the database; without it no personal data can be read."
                    + " In production supply the passphrase from outside (STEWARD_MASTER_PASSPHRASE).";
            System.out.println(notice);
            log.info("created master key file {}", keyFile.toAbsolutePath());
        }
        return key;
    }

    private static char[] read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
        } catch (IOException e) {
            throw new MasterKeyUnavailable("cannot read the master key passphrase file " + file.toAbsolutePath(), e);
        }
    }

    private static char[] generate(Path file) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String passphrase = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, passphrase + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Set<java.nio.file.attribute.PosixFilePermission> mode = PosixFilePermissions.fromString("rw-------");
                Files.setPosixFilePermissions(file, mode);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the master key passphrase file " + file.toAbsolutePath(), e);
        }
        return passphrase.toCharArray();
    }
}
