package dev.steward.ledger.merkle;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies many inclusion proofs against one tree (size and root), each exactly as
 * {@link ProofVerifier#verifyInclusion} would, but hashing each interior node only once: proofs of
 * nearby entries share most of their path, so a bundle of n contiguous entries costs about
 * 2n hashes instead of n log n.
 *
 * <p>Guarantee: {@link #verify} returns normally if and only if {@code ProofVerifier.verifyInclusion}
 * would. The fold of RFC 9162 section 2.1.3.2 is a pure function of (position, current hash, proof
 * hash); a step is skipped only when all three equal a step already computed, byte for byte, so every
 * proof hash is still checked. Not thread-safe.
 */
public final class InclusionBatch {

    /** Bounds memory for sparse bundles (about 100 bytes per remembered step); beyond it steps are hashed. */
    private static final int MAX_REMEMBERED = 1 << 21;

    private record Step(byte[] from, byte[] sibling, byte[] to) {
    }

    private final long size;
    private final byte[] root;
    private final Map<Long, Step> steps = HashMap.newHashMap(1 << 18);

    public InclusionBatch(long size, byte[] root) {
        if (root == null || root.length != Rfc6962.HASH_SIZE) {
            throw new ProofInvalid("root is not " + Rfc6962.HASH_SIZE + " bytes");
        }
        this.size = size;
        this.root = root.clone();
    }

    /** As {@link ProofVerifier#verifyInclusion}{@code (leafHash, index, size, proof, root)}. */
    public void verify(byte[] leafHash, long index, List<byte[]> proof) {
        if (index < 0 || index >= size) {
            throw new ProofInvalid("index " + index + " is not below tree size " + size);
        }
        requireHash(leafHash, "leaf hash");
        long fn = index;
        long sn = size - 1;
        int shifts = 0;
        byte[] r = leafHash.clone();
        for (byte[] p : proof) {
            requireHash(p, "proof hash");
            if (sn == 0) {
                throw new ProofInvalid("inclusion proof is too long");
            }
            // fn < 2^57 for any tree that fits in storage and shifts < 64; the odd multiplier is a bijection
            // that spreads the keys over the hash table (plain positions of different levels collide there)
            long at = ((long) shifts << 57 | fn) * 0x9E3779B97F4A7C15L;
            Step known = steps.get(at);
            boolean left = (fn & 1) == 1 || fn == sn;
            if (known != null && Arrays.equals(known.from(), r) && Arrays.equals(known.sibling(), p)) {
                r = known.to();
            } else {
                byte[] next = left ? Rfc6962.nodeHash(p, r) : Rfc6962.nodeHash(r, p);
                if (known == null && steps.size() < MAX_REMEMBERED) {
                    steps.put(at, new Step(r, p.clone(), next));
                }
                r = next;
            }
            if (left) {
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                    shifts++;
                }
            }
            fn >>= 1;
            sn >>= 1;
            shifts++;
        }
        if (sn != 0) {
            throw new ProofInvalid("inclusion proof is too short");
        }
        // Roots are public: a plain comparison is fine and much faster than MessageDigest.isEqual.
        if (!Arrays.equals(r, root)) {
            throw new ProofInvalid("inclusion proof for index " + index + " in size " + size
                    + " leads to a different root");
        }
    }

    private static void requireHash(byte[] hash, String what) {
        if (hash == null || hash.length != Rfc6962.HASH_SIZE) {
            throw new ProofInvalid(what + " is not " + Rfc6962.HASH_SIZE + " bytes");
        }
    }
}
