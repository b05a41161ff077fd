package dev.steward.records;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.steward.tenancy.TenantDeleted;

/**
 * For {@link TenantEventCrashIntegrationTest}: with {@code steward.test.halt-after-tenant-deleted}
 * set, the server process dies (as with SIGKILL: no shutdown hook runs) right after a tenant
 * deletion committed and before any asynchronous listener was even handed the event. It runs
 * first among the after-commit listeners, on the committing thread. Off in every other test.
 */
@Component
class HaltAfterTenantDeleted {

    private final boolean halt;

    HaltAfterTenantDeleted(@Value("${steward.test.halt-after-tenant-deleted:false}") boolean halt) {
        this.halt = halt;
    }

    @Order(Ordered.HIGHEST_PRECEDENCE)
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(TenantDeleted event) {
        if (halt) {
            Runtime.getRuntime().halt(137);
        }
    }
}
