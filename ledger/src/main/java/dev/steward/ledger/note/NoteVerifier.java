package dev.steward.ledger.note;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;

/**
 * An Ed25519 signed-note verifier key, parsed from its vkey string
 * {@code <name>+<hex key ID>+<base64(0x01 || public key)>}.
 *
 * <p>Construction succeeds only if the name is valid, the algorithm is Ed25519, the key is 32
 * bytes and the key ID matches the name and key.
 */
public final class NoteVerifier {

    private final String name;
    private final int keyId;
    private final byte[] publicKey;
    private final PublicKey key;

    private NoteVerifier(String name, int keyId, byte[] publicKey) {
        this.name = name;
        this.keyId = keyId;
        this.publicKey = publicKey.clone();
        this.key = Ed25519.publicKeyOf(publicKey);
    }

    /** Parses a vkey string. @throws NoteInvalid if it is malformed or its key ID does not match */
    public static NoteVerifier fromVkey(String vkey) {
        if (vkey == null) {
            throw new NoteInvalid("vkey is missing");
        }
        String[] parts = vkey.split("\\+", 3);
        if (parts.length != 3 || !KeyNames.valid(parts[0])) {
            throw new NoteInvalid("vkey is not <name>+<id>+<key>");
        }
        int id = KeyNames.parseHexId(parts[1]);
        byte[] key = KeyNames.strictBase64(parts[2], "vkey key");
        if (key.length != 33 || key[0] != KeyNames.ALG_ED25519) {
            throw new NoteInvalid("vkey is not an Ed25519 key (algorithm 0x01 and 32 bytes)");
        }
        byte[] raw = java.util.Arrays.copyOfRange(key, 1, 33);
        if (KeyNames.keyId(parts[0], raw) != id) {
            throw new NoteInvalid("vkey key ID does not match its name and key");
        }
        return new NoteVerifier(parts[0], id, raw);
    }

    /** A verifier for a raw 32-byte Ed25519 public key. */
    public static NoteVerifier of(String name, byte[] publicKey) {
        if (!KeyNames.valid(name)) {
            throw new NoteInvalid("invalid key name");
        }
        return new NoteVerifier(name, KeyNames.keyId(name, publicKey), publicKey);
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return keyId;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The vkey string of this key. */
    public String vkey() {
        byte[] k = new byte[33];
        k[0] = KeyNames.ALG_ED25519;
        System.arraycopy(publicKey, 0, k, 1, 32);
        return name + "+" + KeyNames.hex(keyId) + "+" + Base64.getEncoder().encodeToString(k);
    }

    /** True if {@code signature} is a valid Ed25519 signature of the UTF-8 note text. */
    public boolean verify(String text, byte[] signature) {
        return Ed25519.verify(key, text.getBytes(StandardCharsets.UTF_8), signature);
    }

    @Override
    public String toString() {
        return "NoteVerifier[" + vkey() + "]";
    }
}
