package dev.steward.keys;

/**
 * The port to the master key, the root of the key hierarchy. It only ever wraps and unwraps
 * tenant key-encryption keysets (a few hundred bytes, once per tenant and process), never data,
 * so a remote KMS is called rarely and never per encryption.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #wrap} encrypts under the current version and says which version that was;
 *       {@link #unwrap} accepts any version not yet retired. Both authenticate the associated data:
 *       a wrapped keyset only unwraps with the associated data it was wrapped with.</li>
 *   <li>{@link #rotate} makes a new current version; older versions keep unwrapping until
 *       {@link #retire}d. Callers re-wrap first ({@link KeyRotation#rotateMasterKey()}), and only
 *       then retire, which {@link KeyRotation#retireMasterKeyVersion(String)} enforces.</li>
 *   <li>Failures: {@link MasterKeyUnavailable} when the key cannot be reached (missing file, KMS
 *       down), {@link MasterKeyWrong} when it is reached but does not open the wrapped keyset.</li>
 *   <li>Implementations never log, print or return key material except the unwrapped keyset
 *       handed to the caller.</li>
 * </ul>
 *
 * <h2>Implementations</h2>
 * Local: {@link dev.steward.keys.local.LocalMasterKey} (keyset file sealed by a passphrase) and
 * {@link dev.steward.keys.local.RawMasterKey} (raw key from the environment). A KMS plugs in
 * behind this interface without touching callers:
 * <ul>
 *   <li><b>HashiCorp Vault transit</b>: {@code wrap} = {@code POST transit/encrypt/<key>} with the
 *       associated data as {@code context} (derived key) or inside the plaintext envelope;
 *       the version is the {@code vault:vN:} prefix of the answer; {@code unwrap} =
 *       {@code transit/decrypt}; {@code rotate} = {@code transit/keys/<key>/rotate};
 *       {@code retire} = raise {@code min_decryption_version}.</li>
 *   <li><b>Azure Key Vault</b>: {@code wrap}/{@code unwrap} = the key's {@code wrapKey}/{@code unwrapKey}
 *       (RSA-OAEP-256 or AES-KW on managed HSM) on an envelope that carries the associated data
 *       under a local AES-GCM key; the version is the key version id; {@code rotate} = create a new
 *       key version; {@code retire} = disable the old version.</li>
 * </ul>
 */
public interface MasterKeyService {

    /** The version {@link #wrap} uses now. */
    String currentVersion();

    /** Encrypts a serialized keyset under the current version, bound to {@code associatedData}. */
    WrappedKeyset wrap(byte[] keyset, byte[] associatedData);

    /**
     * Decrypts a wrapped keyset. The returned bytes are secret key material: the caller parses
     * them into a keyset at once and overwrites the array.
     */
    byte[] unwrapSecret(WrappedKeyset wrapped, byte[] associatedData);

    /** Creates a new current version and returns it. Older versions keep unwrapping. */
    String rotate();

    /** Forgets a version for good; refuses the current version. */
    void retire(String version);

    /** Where the master key lives, for operators' messages; never secret. */
    String describe();
}
