package dev.steward.keys.local;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.steward.keys.MasterKeyService;
import dev.steward.keys.MasterKeyUnavailable;
import dev.steward.keys.MasterKeyWrong;
import dev.steward.keys.WrappedKeyset;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Properties;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master key as a Tink AES-256-GCM keyset in a local file, sealed by a passphrase.
 *
 * <h2>Security guarantees</h2>
 * The file holds no key in clear: the keyset is encrypted with AES-256-GCM under a key derived
 * from the passphrase by PBKDF2-HMAC-SHA256 ({@value #ITERATIONS} iterations for a passphrase a
 * person chose, {@value #MIN_ITERATIONS} for a 256-bit one Steward generated: see
 * {@link PassphraseOrigin}; 16-byte random salt stored in the file), and the KDF parameters are
 * authenticated with it, so lowering the recorded iteration count makes the file unreadable rather
 * than cheaper to attack. A wrong passphrase or an altered file gives {@link MasterKeyWrong}; a
 * missing file where one is required gives
 * {@link MasterKeyUnavailable}. Rewrites (rotate, retire) replace the file atomically.
 * Keep the file out of database backups: a backup without it is unreadable, which is the point.
 * {@link #toString()} shows the path and versions only.
 */
public final class LocalMasterKey implements MasterKeyService {

    public static final int ITERATIONS = 600_000;
    /** Fewer than this, and a key file is refused as damaged or forged. */
    public static final int MIN_ITERATIONS = 1_000;
    private static final String FORMAT = "steward-master-key/1";
    private static final String KDF = "PBKDF2WithHmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final int iterations;
    private final byte[] salt;
    private final SecretKeySpec sealingKey;
    private KeysetHandle keyset;
    private Aead aead;

    private LocalMasterKey(Path file, int iterations, byte[] salt, SecretKeySpec sealingKey, KeysetHandle keyset) {
        this.file = file;
        this.iterations = iterations;
        this.salt = salt;
        this.sealingKey = sealingKey;
        use(keyset);
    }

    /**
     * Opens the key file, or creates it with a fresh master key when it does not exist yet (first
     * start). The caller tells the operator {@link #file()} so that it gets backed up apart from
     * the database.
     */
    public static LocalMasterKey openOrCreate(Path file, char[] passphrase) {
        return openOrCreate(file, passphrase, PassphraseOrigin.CHOSEN);
    }

    /** As {@link #openOrCreate(Path, char[])}; a new file's key derivation costs what {@code origin} needs. */
    public static LocalMasterKey openOrCreate(Path file, char[] passphrase, PassphraseOrigin origin) {
        return Files.exists(file) ? open(file, passphrase)
                : create(file, passphrase, origin.iterations(passphrase == null ? new char[0] : passphrase));
    }

    /** Opens an existing key file; {@link MasterKeyUnavailable} when there is none. */
    public static LocalMasterKey open(Path file, char[] passphrase) {
        register();
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            throw new MasterKeyUnavailable("master key file " + file.toAbsolutePath() + " does not exist", e);
        } catch (IOException e) {
            throw new MasterKeyUnavailable("master key file " + file.toAbsolutePath() + " cannot be read", e);
        }
        if (!FORMAT.equals(p.getProperty("format")) || !KDF.equals(p.getProperty("kdf"))) {
            throw new MasterKeyUnavailable("master key file " + file.toAbsolutePath() + " is not in format " + FORMAT);
        }
        int iterations = Integer.parseInt(p.getProperty("iterations", "0"));
        byte[] salt = decode(p, "salt");
        SecretKeySpec sealingKey = derive(passphrase, salt, iterations);
        byte[] serialized = null;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealingKey, new GCMParameterSpec(128, decode(p, "nonce")));
            cipher.updateAAD(header(iterations, salt));
            serialized = cipher.doFinal(decode(p, "sealed"));
            KeysetHandle handle = TinkProtoKeysetFormat.parseKeyset(serialized, InsecureSecretKeyAccess.get());
            return new LocalMasterKey(file, iterations, salt, sealingKey, handle);
        } catch (GeneralSecurityException e) {
            throw new MasterKeyWrong("wrong passphrase for master key file " + file.toAbsolutePath()
                    + " (or the file was altered)", e);
        } finally {
            if (serialized != null) {
                Arrays.fill(serialized, (byte) 0);
            }
        }
    }

    /** Creates a new key file; refuses to overwrite one. Tests may pass fewer iterations. */
    static LocalMasterKey create(Path file, char[] passphrase, int iterations) {
        register();
        if (passphrase == null || passphrase.length == 0) {
            throw new IllegalArgumentException("the master key passphrase must not be empty");
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        try {
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM,
                    RegistryConfiguration.get());
            LocalMasterKey key = new LocalMasterKey(file, iterations, salt, derive(passphrase, salt, iterations),
                    handle);
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            if (Files.exists(file)) {
                throw new IllegalStateException("master key file " + file.toAbsolutePath() + " already exists");
            }
            key.save();
            return key;
        } catch (GeneralSecurityException | IOException e) {
            throw new MasterKeyUnavailable("cannot create master key file " + file.toAbsolutePath(), e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized String currentVersion() {
        return version(keyset.getPrimary().getId());
    }

    @Override
    public synchronized WrappedKeyset wrap(byte[] secret, byte[] associatedData) {
        try {
            return new WrappedKeyset(currentVersion(), aead.encrypt(secret, associatedData));
        } catch (GeneralSecurityException e) {
            throw new MasterKeyUnavailable("master key cannot encrypt", e);
        }
    }

    @Override
    public synchronized byte[] unwrapSecret(WrappedKeyset wrapped, byte[] associatedData) {
        if (indexOf(wrapped.masterVersion()) < 0) {
            throw new MasterKeyUnavailable("master key version " + wrapped.masterVersion() + " is not in "
                    + file.toAbsolutePath() + " (retired, or another master key)");
        }
        try {
            return aead.decrypt(wrapped.ciphertext(), associatedData);
        } catch (GeneralSecurityException e) {
            throw new MasterKeyWrong("master key version " + wrapped.masterVersion()
                    + " does not open this wrapped key (altered, or bound to another tenant or version)", e);
        }
    }

    @Override
    public synchronized String rotate() {
        try {
            KeysetHandle rotated = KeysetHandle.newBuilder(keyset)
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId().makePrimary())
                    .build();
            KeysetHandle previous = keyset;
            use(rotated);
            try {
                save();
            } catch (IOException e) {
                use(previous);
                throw new MasterKeyUnavailable("cannot write master key file " + file.toAbsolutePath(), e);
            }
            return currentVersion();
        } catch (GeneralSecurityException e) {
            throw new MasterKeyUnavailable("cannot generate a new master key version", e);
        }
    }

    @Override
    public synchronized void retire(String version) {
        int index = indexOf(version);
        if (index < 0) {
            return;
        }
        if (version.equals(currentVersion())) {
            throw new IllegalArgumentException("the current master key version cannot be retired");
        }
        try {
            KeysetHandle previous = keyset;
            use(KeysetHandle.newBuilder(keyset).deleteAt(index).build());
            try {
                save();
            } catch (IOException e) {
                use(previous);
                throw new MasterKeyUnavailable("cannot write master key file " + file.toAbsolutePath(), e);
            }
        } catch (GeneralSecurityException e) {
            throw new MasterKeyUnavailable("cannot retire master key version " + version, e);
        }
    }

    @Override
    public String describe() {
        return "local master key file " + file.toAbsolutePath();
    }

    @Override
    public synchronized String toString() {
        StringBuilder versions = new StringBuilder();
        for (int i = 0; i < keyset.size(); i++) {
            versions.append(i == 0 ? "" : ",").append(version(keyset.getAt(i).getId()));
        }
        return "LocalMasterKey[file=" + file.toAbsolutePath() + ", current=" + currentVersion() + ", versions="
                + versions + "]";
    }

    private void use(KeysetHandle handle) {
        try {
            this.aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
            this.keyset = handle;
        } catch (GeneralSecurityException e) {
            throw new MasterKeyUnavailable("master keyset is not an AEAD keyset", e);
        }
    }

    private int indexOf(String version) {
        for (int i = 0; i < keyset.size(); i++) {
            if (version(keyset.getAt(i).getId()).equals(version)) {
                return i;
            }
        }
        return -1;
    }

    private void save() throws IOException, GeneralSecurityException {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        byte[] serialized = TinkProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        byte[] sealed;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealingKey, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(header(iterations, salt));
            sealed = cipher.doFinal(serialized);
        } finally {
            Arrays.fill(serialized, (byte) 0);
        }
        Base64.Encoder b64 = Base64.getEncoder();
        String text = "# Steward master key. Sealed by a passphrase. Back it up apart from the database;\n"
                + "# without it (and its passphrase) no encrypted personal data can be read.\n"
                + "format=" + FORMAT + "\nkdf=" + KDF + "\niterations=" + iterations + "\nsalt="
                + b64.encodeToString(salt) + "\nnonce=" + b64.encodeToString(nonce) + "\nsealed="
                + b64.encodeToString(sealed) + "\n";
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".master-key", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; rely on the directory's protection
            }
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static byte[] header(int iterations, byte[] salt) {
        return (FORMAT + "|" + KDF + "|" + iterations + "|" + Base64.getEncoder().encodeToString(salt))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static SecretKeySpec derive(char[] passphrase, byte[] salt, int iterations) {
        if (iterations < MIN_ITERATIONS) {
            throw new MasterKeyUnavailable("master key file asks for too few KDF iterations: " + iterations);
        }
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        try {
            byte[] key = SecretKeyFactory.getInstance(KDF).generateSecret(spec).getEncoded();
            try {
                return new SecretKeySpec(key, "AES");
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new MasterKeyUnavailable("cannot derive the master key sealing key", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] decode(Properties p, String name) {
        String value = p.getProperty(name);
        if (value == null) {
            throw new MasterKeyUnavailable("master key file lacks the field " + name);
        }
        return Base64.getDecoder().decode(value.trim());
    }

    private static String version(int keyId) {
        return "local-" + Integer.toUnsignedString(keyId, 16);
    }

    /**
     * Loads Tink's AEAD primitives and generates one throw-away key: their first use costs a few
     * hundred milliseconds, which a first start can spend on another thread while it creates its
     * database, before it may create the key file.
     */
    public static void prepare() {
        register();
        try {
            KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, RegistryConfiguration.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink cannot generate an AES-256-GCM key", e);
        }
    }

    private static void register() {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink AEAD cannot be registered", e);
        }
    }
}
