package dev.steward.ledger.note;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SignedNoteProperties {

    private static final long SEED = Long.getLong("ledger.seed", System.nanoTime());

    @Test
    void flippingAnyBitOfASignedCheckpointMakesItFailToOpen() {
        Random random = new Random(SEED);
        byte[] seedBytes = new byte[32];
        random.nextBytes(seedBytes);
        NoteSigner signer = NoteSigner.fromSeed("steward.example/ledger", seedBytes);
        NoteVerifier verifier = NoteVerifier.fromVkey(signer.vkey());
        byte[] root = new byte[32];
        random.nextBytes(root);
        Checkpoint cp = new Checkpoint("steward.example/ledger/t1", random.nextInt(1_000_000), root,
                java.util.List.of("time 2026-01-01T00:00:00Z clock-offset unmeasured"));
        byte[] note = signer.sign(cp.text()).getBytes(StandardCharsets.UTF_8);
        assertThatCode(() -> Checkpoint.open(note, verifier)).doesNotThrowAnyException();
        for (int i = 0; i < note.length; i++) {
            byte[] bad = note.clone();
            int bit = random.nextInt(8);
            bad[i] ^= (byte) (1 << bit);
            assertThatCode(() -> Checkpoint.open(bad, verifier))
                    .as("seed %d (rerun with -Dledger.seed=%d): byte %d bit %d", SEED, SEED, i, bit)
                    .isInstanceOf(NoteInvalid.class);
        }
    }
}
