package dev.steward.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MerkleProofProperties {

    private static final long SEED = Long.getLong("ledger.seed", System.nanoTime());

    private static byte[] flip(byte[] b, Random r) {
        byte[] c = b.clone();
        c[r.nextInt(c.length)] ^= (byte) (1 << r.nextInt(8));
        return c;
    }

    @Test
    void proofsOfRandomTreesVerifyAndAnyFlippedBitBreaksThem() {
        Random random = new Random(SEED);
        String seed = "seed " + SEED + " (rerun with -Dledger.seed=" + SEED + ")";
        for (int round = 0; round < 200; round++) {
            int size = 1 + random.nextInt(round < 100 ? 40 : 1100);
            MerkleTree tree = new MerkleTree();
            List<byte[]> entries = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                byte[] e = new byte[1 + random.nextInt(40)];
                random.nextBytes(e);
                entries.add(e);
                tree.appendEntry(e);
            }
            long index = random.nextInt(size);
            long treeSize = index + 1 + random.nextInt((int) (size - index));
            byte[] root = tree.root(treeSize);
            List<byte[]> proof = tree.inclusion(index, treeSize);
            byte[] entry = entries.get((int) index);
            String what = seed + ", size " + treeSize + ", index " + index;
            assertThatCode(() -> ProofVerifier.verifyInclusion(Rfc6962.leafHash(entry), index, treeSize, proof, root))
                    .as(what).doesNotThrowAnyException();
            assertThatCode(() -> ProofVerifier.verifyInclusion(Rfc6962.leafHash(flip(entry, random)), index,
                    treeSize, proof, root)).as(what + ", flipped entry").isInstanceOf(ProofInvalid.class);
            assertThatCode(() -> ProofVerifier.verifyInclusion(Rfc6962.leafHash(entry), index, treeSize, proof,
                    flip(root, random))).as(what + ", flipped root").isInstanceOf(ProofInvalid.class);
            if (!proof.isEmpty()) {
                List<byte[]> bad = new ArrayList<>(proof);
                int k = random.nextInt(bad.size());
                bad.set(k, flip(bad.get(k), random));
                assertThatCode(() -> ProofVerifier.verifyInclusion(Rfc6962.leafHash(entry), index, treeSize, bad,
                        root)).as(what + ", flipped proof hash " + k).isInstanceOf(ProofInvalid.class);
            }

            long size1 = 1 + random.nextInt((int) treeSize);
            byte[] root1 = tree.root(size1);
            List<byte[]> cproof = tree.consistency(size1, treeSize);
            String cwhat = seed + ", consistency " + size1 + " -> " + treeSize;
            assertThatCode(() -> ProofVerifier.verifyConsistency(size1, treeSize, cproof, root1, root))
                    .as(cwhat).doesNotThrowAnyException();
            assertThatCode(() -> ProofVerifier.verifyConsistency(size1, treeSize, cproof, flip(root1, random), root))
                    .as(cwhat + ", flipped first root").isInstanceOf(ProofInvalid.class);
            assertThatCode(() -> ProofVerifier.verifyConsistency(size1, treeSize, cproof, root1, flip(root, random)))
                    .as(cwhat + ", flipped second root").isInstanceOf(ProofInvalid.class);
            if (!cproof.isEmpty()) {
                List<byte[]> bad = new ArrayList<>(cproof);
                int k = random.nextInt(bad.size());
                bad.set(k, flip(bad.get(k), random));
                assertThatCode(() -> ProofVerifier.verifyConsistency(size1, treeSize, bad, root1, root))
                        .as(cwhat + ", flipped proof hash " + k).isInstanceOf(ProofInvalid.class);
            }
        }
    }
}
