package dev.steward.ledger.note;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Base64;

/**
 * An Ed25519 signed-note signer. Created from an skey string
 * ({@code PRIVATE+KEY+<name>+<hex id>+<base64(0x01 || seed)>}) or a 32-byte seed.
 *
 * <p>Security: {@link #toString()} shows the public vkey only; the seed leaves the object only
 * through {@link #revealSkey()}.
 */
public final class NoteSigner {

    private final String name;
    private final byte[] seed;
    private final PrivateKey key;
    private final NoteVerifier verifier;

    private NoteSigner(String name, byte[] seed) {
        if (!KeyNames.valid(name)) {
            throw new NoteInvalid("invalid key name");
        }
        this.name = name;
        this.seed = seed.clone();
        this.key = Ed25519.privateKey(seed);
        this.verifier = NoteVerifier.of(name, Ed25519.publicKey(seed));
    }

    public static NoteSigner fromSeed(String name, byte[] seed) {
        return new NoteSigner(name, seed);
    }

    /** A fresh random key. */
    public static NoteSigner generate(String name) {
        return new NoteSigner(name, Ed25519.newSeed());
    }

    /** Parses an skey. @throws NoteInvalid if malformed or its key ID does not match */
    public static NoteSigner fromSkey(String skey) {
        String[] parts = skey == null ? new String[0] : skey.split("\\+", 5);
        if (parts.length != 5 || !parts[0].equals("PRIVATE") || !parts[1].equals("KEY")) {
            throw new NoteInvalid("skey is not PRIVATE+KEY+<name>+<id>+<key>");
        }
        int id = KeyNames.parseHexId(parts[3]);
        byte[] k;
        try {
            k = Base64.getDecoder().decode(parts[4]);
        } catch (IllegalArgumentException e) {
            throw new NoteInvalid("skey key is not base64");
        }
        if (k.length != 33 || k[0] != KeyNames.ALG_ED25519) {
            throw new NoteInvalid("skey is not an Ed25519 key");
        }
        NoteSigner signer = new NoteSigner(parts[2], java.util.Arrays.copyOfRange(k, 1, 33));
        if (signer.keyId() != id) {
            throw new NoteInvalid("skey key ID does not match its key");
        }
        return signer;
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return verifier.keyId();
    }

    public NoteVerifier verifier() {
        return verifier;
    }

    public String vkey() {
        return verifier.vkey();
    }

    /** The secret skey string; call only to store the key. */
    public String revealSkey() {
        byte[] k = new byte[33];
        k[0] = KeyNames.ALG_ED25519;
        System.arraycopy(seed, 0, k, 1, 32);
        return "PRIVATE+KEY+" + name + "+" + KeyNames.hex(keyId()) + "+" + Base64.getEncoder().encodeToString(k);
    }

    /**
     * A key of its own for {@code name}, derived from this key's seed (HMAC-SHA256 under a fixed
     * label): the same install key always derives the same key for the same name, so nothing more
     * need be stored, and a key derived for one name tells nothing about another's.
     */
    public NoteSigner derive(String name) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(seed, "HmacSHA256"));
            byte[] derived = mac.doFinal(("steward/ledger/derived-key/v1\n" + name).getBytes(StandardCharsets.UTF_8));
            try {
                return new NoteSigner(name, derived);
            } finally {
                java.util.Arrays.fill(derived, (byte) 0);
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** The raw Ed25519 signature of the UTF-8 text. */
    public byte[] signature(String text) {
        return Ed25519.sign(key, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Signs note text and returns the complete signed note (text, blank line, one signature line). */
    public String sign(String text) {
        return SignedNote.of(text).withSignature(this).format();
    }

    @Override
    public String toString() {
        return "NoteSigner[" + vkey() + "]";
    }
}
