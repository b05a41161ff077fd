package dev.steward.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.HmacParameters;
import com.google.crypto.tink.mac.MacConfig;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/** Tink set-up and the few keyset operations the module needs. */
final class Tinks {

    private static final HmacParameters HMAC_SHA256;

    static {
        try {
            AeadConfig.register();
            MacConfig.register();
            HMAC_SHA256 = HmacParameters.builder().setKeySizeBytes(32).setTagSizeBytes(32)
                    .setHashType(HmacParameters.HashType.SHA256).setVariant(HmacParameters.Variant.NO_PREFIX)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Tinks() {
    }

    static KeysetHandle newAesGcmKeyset() throws GeneralSecurityException {
        return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, RegistryConfiguration.get());
    }

    static KeysetHandle newHmacKeyset() throws GeneralSecurityException {
        return KeysetHandle.generateNew(HMAC_SHA256, RegistryConfiguration.get());
    }

    static Aead aead(KeysetHandle handle) throws GeneralSecurityException {
        return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    static Mac mac(KeysetHandle handle) throws GeneralSecurityException {
        return handle.getPrimitive(RegistryConfiguration.get(), Mac.class);
    }

    /** Serializes with secrets in clear for the master key to wrap; the caller wipes the array. */
    static byte[] serializeSecretDangerously(KeysetHandle handle) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
    }

    /** Parses bytes the master key unwrapped, and wipes them. */
    static KeysetHandle parseSecretAndWipe(byte[] secret) throws GeneralSecurityException {
        try {
            return TinkProtoKeysetFormat.parseKeyset(secret, InsecureSecretKeyAccess.get(),
                    RegistryConfiguration.get());
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    static byte[] wrap(KeysetHandle handle, Aead kek, byte[] associatedData) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, kek, associatedData,
                RegistryConfiguration.get());
    }

    static KeysetHandle unwrap(byte[] wrapped, Aead kek, byte[] associatedData) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, kek, associatedData, RegistryConfiguration.get());
    }
}
