package dev.steward.ledger.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Roots, inclusion proofs and consistency proofs of RFC 6962 ({@code MTH}, {@code PATH},
 * {@code PROOF}), computed from complete-subtree hashes given by a {@link NodeSource}.
 *
 * <p>Proof lists are ordered from the leaf upwards, as RFC 9162 verifiers expect.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    /** Root hash of the tree of the first {@code size} leaves. */
    public static byte[] root(NodeSource nodes, long size) {
        if (size < 0) {
            throw new IllegalArgumentException("size < 0");
        }
        return size == 0 ? Rfc6962.emptyRoot() : subtree(nodes, 0, size);
    }

    /** Merkle tree hash of leaves {@code [from, to)}, where {@code from} is a multiple of the largest power of two below {@code to - from}. */
    public static byte[] subtree(NodeSource nodes, long from, long to) {
        long n = to - from;
        if (Long.bitCount(n) == 1 && from % n == 0) {
            return nodes.node(Long.numberOfTrailingZeros(n), from / n);
        }
        long k = largestPowerOfTwoBelow(n);
        return Rfc6962.nodeHash(subtree(nodes, from, from + k), subtree(nodes, from + k, to));
    }

    /** RFC 6962 {@code PATH(index, D[size])}; requires {@code 0 <= index < size}. */
    public static List<byte[]> inclusion(NodeSource nodes, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " not below size " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(nodes, index, 0, size, path);
        return path;
    }

    private static void path(NodeSource nodes, long m, long lo, long hi, List<byte[]> out) {
        long n = hi - lo;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m - lo < k) {
            path(nodes, m, lo, lo + k, out);
            out.add(subtree(nodes, lo + k, hi));
        } else {
            path(nodes, m, lo + k, hi, out);
            out.add(subtree(nodes, lo, lo + k));
        }
    }

    /** RFC 6962 {@code PROOF(size1, D[size2])}; requires {@code 0 < size1 <= size2}; empty when equal. */
    public static List<byte[]> consistency(NodeSource nodes, long size1, long size2) {
        if (size1 <= 0 || size1 > size2) {
            throw new IllegalArgumentException("consistency needs 0 < size1 <= size2, got " + size1 + ", " + size2);
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(nodes, size1, 0, size2, true, proof);
        return proof;
    }

    private static void subproof(NodeSource nodes, long m, long lo, long hi, boolean whole, List<byte[]> out) {
        long n = hi - lo;
        if (m == n) {
            if (!whole) {
                out.add(subtree(nodes, lo, hi));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(nodes, m, lo, lo + k, whole, out);
            out.add(subtree(nodes, lo + k, hi));
        } else {
            subproof(nodes, m - k, lo + k, hi, false, out);
            out.add(subtree(nodes, lo, lo + k));
        }
    }

    /** The largest power of two strictly smaller than {@code n} (n >= 2). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
