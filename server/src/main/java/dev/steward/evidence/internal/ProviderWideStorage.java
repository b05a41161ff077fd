package dev.steward.evidence.internal;

import dev.steward.ledger.LogStorage;
import dev.steward.platform.DataScope;
import dev.steward.platform.TenantScope;

/**
 * The ledger's own storage work (sequencer, integrator, reads of logs and proofs) runs provider-wide
 * for row-level security: it maintains every tenant's log, on whatever thread it runs, and each of its
 * transactions takes its scope when it begins. Entries queued inside a caller's transaction do not go
 * through here: they use the caller's connection and are checked against the caller's scope.
 */
final class ProviderWideStorage implements LogStorage {

    private final LogStorage storage;

    ProviderWideStorage(LogStorage storage) {
        this.storage = storage;
    }

    @Override
    public <T> T inTransaction(Work<T> work) {
        return TenantScope.call(DataScope.wholeProvider(), () -> storage.inTransaction(work));
    }

    @Override
    public <T> T readOnce(Work<T> work) {
        return TenantScope.call(DataScope.wholeProvider(), () -> storage.readOnce(work));
    }
}
