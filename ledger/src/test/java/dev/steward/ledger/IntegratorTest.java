package dev.steward.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.ledger.memory.MemoryLogStorage;
import dev.steward.ledger.note.Checkpoint;
import dev.steward.ledger.note.NoteSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IntegratorTest {

    private static final NoteSigner SIGNER = NoteSigner.fromSeed("steward.integrator", new byte[32]);
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);
    private final MemoryLogStorage storage = new MemoryLogStorage();
    private final LogId log = new LogId(java.util.UUID.randomUUID(), "t");
    private final Integrator integrator = new Integrator(storage, new CheckpointSigner(SIGNER, clock, null), clock,
            LedgerConfig.defaults(), null);

    private void sequence(int from, int to) {
        storage.inTransaction(tx -> {
            for (int i = from; i < to; i++) {
                tx.addPending(log, ("e" + i).getBytes(StandardCharsets.UTF_8), clock.instant());
            }
            return null;
        });
    }

    @Test
    void checkpointsSayTheClockOffsetIsUnmeasuredByDefault() {
        sequence(0, 3);
        assertThat(integrator.integrateOnce()).isEqualTo(3);
        Checkpoint cp = Checkpoint.open(new TileLogReader(storage).latestCheckpoint(log).orElseThrow(),
                SIGNER.verifier());
        assertThat(cp.size()).isEqualTo(3);
        assertThat(cp.extensions()).containsExactly("time 2026-03-04T05:06:07Z clock-offset unmeasured");
    }

    @Test
    void aTamperedTileMakesTheLogRefuseToSignAndChangeNothing() {
        sequence(0, 300);
        integrator.integrateOnce();
        byte[] before = new TileLogReader(storage).latestCheckpoint(log).orElseThrow();
        storage.inTransaction(tx -> {
            byte[] tile = tx.tile(log, 0, 1);
            tile[5] ^= 1;
            tx.putTile(log, 0, 1, tile);
            return null;
        });
        sequence(300, 310);
        assertThatThrownBy(integrator::integrateOnce).isInstanceOf(CheckpointInconsistent.class);
        TileLogReader reader = new TileLogReader(storage);
        assertThat(reader.size(log)).isEqualTo(300);
        assertThat(Arrays.equals(reader.latestCheckpoint(log).orElseThrow(), before)).isTrue();
        assertThat(reader.checkpoint(log, 310)).isEmpty();
    }
}
