package dev.steward.ledger.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.ledger.LogId;
import dev.steward.ledger.LogStorage;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MemoryLedgerTest extends dev.steward.ledger.LedgerBehaviour {

    @Override
    protected LogStorage newStorage() {
        return new MemoryLogStorage();
    }

    @Test
    void aFailedTransactionLeavesNoTrace() {
        MemoryLogStorage s = new MemoryLogStorage();
        LogId id = new LogId(java.util.UUID.randomUUID(), "x");
        assertThatThrownBy(() -> s.inTransaction(tx -> {
            tx.lockSequence(id, Instant.EPOCH);
            tx.addPending(id, new byte[1], Instant.EPOCH);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(s.exists(id)).isFalse();
        java.util.List<LogId> work = s.inTransaction(tx -> tx.logsWithWork(10));
        assertThat(work).isEmpty();
    }
}
