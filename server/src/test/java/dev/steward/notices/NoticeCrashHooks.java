package dev.steward.notices;

import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.notices.internal.SentObserver;
import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;
import dev.steward.support.Fixtures;
import dev.steward.tenancy.Tenant;

/**
 * For {@link NoticeCrashIntegrationTest}, in the server process it starts (off in every other test):
 * {@code steward.test.notice-crash-setup=<webhook url>} gives a fresh tenant a SECURITY contact and a
 * verified endpoint at that URL and tells it one notice; {@code steward.test.halt-after-notice-sent}
 * kills the process (as SIGKILL would: no shutdown hook) the moment a receiver accepted a delivery,
 * before its receipt is recorded.
 */
@Component
class NoticeCrashHooks implements SentObserver {

    private final boolean halt;
    private final String setupUrl;
    private final Fixtures fixtures;
    private final Contacts contacts;
    private final WebhookEndpoints webhooks;
    private final Notices notices;
    private final TransactionTemplate tx;

    NoticeCrashHooks(@Value("${steward.test.halt-after-notice-sent:false}") boolean halt,
            @Value("${steward.test.notice-crash-setup:}") String setupUrl, Fixtures fixtures, Contacts contacts,
            WebhookEndpoints webhooks, Notices notices, TransactionTemplate tx) {
        this.halt = halt;
        this.setupUrl = setupUrl;
        this.fixtures = fixtures;
        this.contacts = contacts;
        this.webhooks = webhooks;
        this.notices = notices;
        this.tx = tx;
    }

    @Override
    public void sent(dev.steward.notices.Delivery delivery) {
        if (halt) {
            Runtime.getRuntime().halt(137);
        }
    }

    /** Once the server is ready: after every start-up runner, the first start's provider tenant included. */
    @EventListener(ApplicationReadyEvent.class)
    void setUp() {
        if (setupUrl.isBlank()) {
            return;
        }
        Tenant t = fixtures.tenant();
        Caller admin = new Caller(t.id(), UUID.randomUUID(), "crash-admin", Role.CUSTOMER_ADMIN, Caller.Kind.TOKEN);
        contacts.add(admin, ContactKind.SECURITY, "crash@customer.example");
        UUID endpoint = webhooks.create(admin, setupUrl).endpoint().id();
        webhooks.verify(admin, endpoint);
        TenantScope.run(DataScope.tenant(t.id()), () -> tx.executeWithoutResult(s -> notices.notify(new NoticeRequest(
                t.id(), Topic.SECURITY, Audience.of(Set.of(Role.CUSTOMER_ADMIN), ContactKind.SECURITY),
                "Told before the crash", "Committed, then the server died while delivering it."))));
    }
}
