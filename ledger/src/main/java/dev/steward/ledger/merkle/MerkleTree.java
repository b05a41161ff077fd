package dev.steward.ledger.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * A growing Merkle tree held in memory, keeping every complete subtree hash. Not thread-safe.
 * Useful to build proofs for a small set of entries and in tests.
 */
public final class MerkleTree implements NodeSource {

    private final List<List<byte[]>> levels = new ArrayList<>();

    /** Appends an entry (hashing it as a leaf) and returns its index. */
    public long appendEntry(byte[] entry) {
        return appendLeafHash(Rfc6962.leafHash(entry));
    }

    /** Appends a leaf hash and returns its index. */
    public long appendLeafHash(byte[] leafHash) {
        if (levels.isEmpty()) {
            levels.add(new ArrayList<>());
        }
        long index = levels.get(0).size();
        byte[] h = leafHash.clone();
        int level = 0;
        while (true) {
            List<byte[]> row = levels.get(level);
            row.add(h);
            if (row.size() % 2 == 1) {
                break;
            }
            h = Rfc6962.nodeHash(row.get(row.size() - 2), row.get(row.size() - 1));
            level++;
            if (levels.size() == level) {
                levels.add(new ArrayList<>());
            }
        }
        return index;
    }

    public long size() {
        return levels.isEmpty() ? 0 : levels.get(0).size();
    }

    public byte[] root() {
        return MerkleProofs.root(this, size());
    }

    public byte[] root(long size) {
        return MerkleProofs.root(this, size);
    }

    public List<byte[]> inclusion(long index, long size) {
        return MerkleProofs.inclusion(this, index, size);
    }

    public List<byte[]> consistency(long size1, long size2) {
        return MerkleProofs.consistency(this, size1, size2);
    }

    @Override
    public byte[] node(int level, long index) {
        return levels.get(level).get(Math.toIntExact(index)).clone();
    }
}
