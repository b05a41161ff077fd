package dev.steward.ledger.merkle;

import java.security.MessageDigest;
import java.util.List;

/**
 * Verification of inclusion and consistency proofs by the algorithms of RFC 9162 sections 2.1.3.2
 * and 2.1.4.2, with the stricter rules of transparency-dev/merkle: every hash must be 32 bytes and a
 * consistency proof from the empty tree is rejected.
 *
 * <p>Each method returns normally only if the proof verifies; otherwise it throws {@link ProofInvalid}.
 */
public final class ProofVerifier {

    private ProofVerifier() {
    }

    /** Verifies that {@code leafHash} is leaf {@code index} of the tree of {@code size} leaves with root {@code root}. */
    public static void verifyInclusion(byte[] leafHash, long index, long size, List<byte[]> proof, byte[] root) {
        byte[] computed = rootFromInclusion(leafHash, index, size, proof);
        requireHash(root, "root");
        if (!MessageDigest.isEqual(computed, root)) {
            throw new ProofInvalid("inclusion proof for index " + index + " in size " + size
                    + " leads to a different root");
        }
    }

    /** The root implied by an inclusion proof (RFC 9162 2.1.3.2). */
    public static byte[] rootFromInclusion(byte[] leafHash, long index, long size, List<byte[]> proof) {
        if (index < 0 || index >= size) {
            throw new ProofInvalid("index " + index + " is not below tree size " + size);
        }
        requireHash(leafHash, "leaf hash");
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            requireHash(p, "proof hash");
            if (sn == 0) {
                throw new ProofInvalid("inclusion proof is too long");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Rfc6962.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = Rfc6962.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofInvalid("inclusion proof is too short");
        }
        return r;
    }

    /** Verifies that the tree of {@code size2} leaves with {@code root2} extends the tree of {@code size1} leaves with {@code root1}. */
    public static void verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
        if (size1 < 0 || size2 < size1) {
            throw new ProofInvalid("size2 " + size2 + " is smaller than size1 " + size1);
        }
        if (size1 == 0) {
            throw new ProofInvalid("consistency proof from the empty tree is meaningless");
        }
        if (size1 == size2) {
            // As transparency-dev/merkle: equal sizes only need equal roots and an empty proof.
            if (root1 == null || root2 == null) {
                throw new ProofInvalid("root is missing");
            }
            if (!proof.isEmpty()) {
                throw new ProofInvalid("consistency proof between equal sizes must be empty");
            }
            if (!MessageDigest.isEqual(root1, root2)) {
                throw new ProofInvalid("roots differ for equal tree sizes");
            }
            return;
        }
        requireHash(root1, "first root");
        requireHash(root2, "second root");
        if (proof.isEmpty()) {
            throw new ProofInvalid("consistency proof is empty");
        }
        for (byte[] p : proof) {
            requireHash(p, "proof hash");
        }
        int start = 0;
        byte[] seed;
        if (Long.bitCount(size1) == 1) {
            seed = root1;
        } else {
            seed = proof.get(0);
            start = 1;
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = seed;
        byte[] sr = seed;
        for (int i = start; i < proof.size(); i++) {
            byte[] c = proof.get(i);
            if (sn == 0) {
                throw new ProofInvalid("consistency proof is too long");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Rfc6962.nodeHash(c, fr);
                sr = Rfc6962.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = Rfc6962.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofInvalid("consistency proof is too short");
        }
        if (!MessageDigest.isEqual(fr, root1)) {
            throw new ProofInvalid("consistency proof does not lead to the first root");
        }
        if (!MessageDigest.isEqual(sr, root2)) {
            throw new ProofInvalid("consistency proof does not lead to the second root");
        }
    }

    private static void requireHash(byte[] hash, String what) {
        if (hash == null || hash.length != Rfc6962.HASH_SIZE) {
            throw new ProofInvalid(what + " is not " + Rfc6962.HASH_SIZE + " bytes");
        }
    }
}
