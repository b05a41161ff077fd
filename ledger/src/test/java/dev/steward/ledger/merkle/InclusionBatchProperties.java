package dev.steward.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InclusionBatchProperties {

    private static final long SEED = Long.getLong("ledger.seed", System.nanoTime());

    private static boolean single(byte[] leaf, long index, long size, List<byte[]> proof, byte[] root) {
        try {
            ProofVerifier.verifyInclusion(leaf, index, size, proof, root);
            return true;
        } catch (ProofInvalid e) {
            return false;
        }
    }

    private static boolean batched(InclusionBatch batch, byte[] leaf, long index, List<byte[]> proof) {
        try {
            batch.verify(leaf, index, proof);
            return true;
        } catch (ProofInvalid e) {
            return false;
        }
    }

    @Test
    void aBatchAcceptsExactlyTheProofsThatVerifyOneByOneEvenAfterRememberingGoodPaths() {
        Random random = new Random(SEED);
        String seed = "seed " + SEED + " (rerun with -Dledger.seed=" + SEED + ")";
        for (int round = 0; round < 60; round++) {
            int size = 1 + random.nextInt(round < 30 ? 40 : 1500);
            MerkleTree tree = new MerkleTree();
            for (int i = 0; i < size; i++) {
                tree.appendEntry(new byte[] {(byte) i, (byte) (i >> 8), (byte) round});
            }
            byte[] root = tree.root(size);
            InclusionBatch batch = new InclusionBatch(size, root);
            for (int i = 0; i < size; i++) {
                byte[] leaf = tree.node(0, i);
                List<byte[]> proof = new ArrayList<>(tree.inclusion(i, size));
                assertThat(batched(batch, leaf, i, proof)).as("%s, size %d, index %d", seed, size, i).isTrue();
                // a tampered copy: flipped bit in the leaf or in one proof hash, a dropped or an extra hash
                int kind = random.nextInt(4);
                if (kind == 0) {
                    leaf = leaf.clone();
                    leaf[random.nextInt(32)] ^= 1;
                } else if (kind == 1 && !proof.isEmpty()) {
                    int at = random.nextInt(proof.size());
                    byte[] h = proof.get(at).clone();
                    h[random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
                    proof.set(at, h);
                } else if (kind == 2 && !proof.isEmpty()) {
                    proof.remove(proof.size() - 1);
                } else {
                    proof.add(root.clone());
                }
                long index = random.nextInt(8) == 0 ? random.nextInt(size) : i;
                String what = seed + ", size " + size + ", index " + index + ", tampering " + kind;
                assertThat(batched(batch, leaf, index, proof)).as(what)
                        .isEqualTo(single(leaf, index, size, proof, root));
            }
        }
    }
}
