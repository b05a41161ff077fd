package dev.steward.keys;

import java.util.Objects;

/**
 * A key-encryption keyset as the master key wrapped it, with the master key version that can
 * unwrap it. Safe to store: without the master key it is opaque.
 */
public record WrappedKeyset(String masterVersion, byte[] ciphertext) {

    public WrappedKeyset {
        Objects.requireNonNull(masterVersion, "masterVersion");
        Objects.requireNonNull(ciphertext, "ciphertext");
    }

    @Override
    public String toString() {
        return "WrappedKeyset[masterVersion=" + masterVersion + ", " + ciphertext.length + " bytes]";
    }
}
