package dev.steward.records;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import dev.steward.tenancy.TenantDeactivated;

/**
 * A test listener of {@link TenantDeactivated} that fails the first delivery for the tenants a test
 * names, and counts failures and completed deliveries per tenant. Other tenants pass untouched.
 */
@Component
public class FailingOnceListener {

    private final Set<UUID> failOnce = ConcurrentHashMap.newKeySet();
    private final Map<UUID, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> handled = new ConcurrentHashMap<>();

    public void failOnceFor(UUID tenant) {
        failOnce.add(tenant);
    }

    public int failures(UUID tenant) {
        return failures.getOrDefault(tenant, new AtomicInteger()).get();
    }

    public int handled(UUID tenant) {
        return handled.getOrDefault(tenant, new AtomicInteger()).get();
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(TenantDeactivated event) {
        if (failOnce.remove(event.tenantId())) {
            failures.computeIfAbsent(event.tenantId(), k -> new AtomicInteger()).incrementAndGet();
            throw new IllegalStateException("failing once, as the test asked");
        }
        handled.computeIfAbsent(event.tenantId(), k -> new AtomicInteger()).incrementAndGet();
    }
}
