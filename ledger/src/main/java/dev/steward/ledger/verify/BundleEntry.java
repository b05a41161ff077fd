package dev.steward.ledger.verify;

import java.util.List;

/** One entry of an evidence bundle: its index, its bytes and its inclusion proof (leaf upwards). */
public record BundleEntry(long index, byte[] entry, List<byte[]> proof) {

    public BundleEntry {
        proof = List.copyOf(proof);
    }
}
