package dev.steward.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;

import dev.steward.identity.Account;
import dev.steward.notices.internal.DeliveryJob;
import dev.steward.notices.internal.DeliveryPace;
import dev.steward.notices.internal.NoticeSettings;
import dev.steward.notices.internal.WebhookSignature;
import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;
import dev.steward.platform.PageRequest;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;
import dev.steward.support.ApiClient.Response;
import dev.steward.support.Db;
import dev.steward.support.IntegrationTestBase;
import dev.steward.support.TestMail;
import dev.steward.tenancy.Tenant;
import tools.jackson.databind.JsonNode;

/**
 * Notices with proven delivery: written with the act, delivered after commit by email (GreenMail)
 * and Standard Webhooks (a real HTTP listener) under ids stable across retries, retried with
 * backoff, parked with an alert, replayed by provider staff, and every attempt logged.
 */
class NoticeDeliveryIntegrationTest {

    @Nested
    @ActiveProfiles(Db.H2)
    class OnH2 extends Cases {
    }

    @Nested
    @ActiveProfiles(Db.POSTGRES)
    class OnPostgres extends Cases {
    }

    abstract static class Cases extends IntegrationTestBase {

        @Autowired
        Notices notices;
        @Autowired
        Inbox inbox;
        @Autowired
        Contacts contacts;
        @Autowired
        DeliveryJob deliveryJob;
        @Autowired
        NoticeSettings settings;
        @Autowired
        DeliveryPace pace;
        @Autowired
        TransactionTemplate tx;
        @Autowired
        JdbcClient jdbc;

        GreenMail mail;
        WebhookReceiver receiver;

        @BeforeEach
        void receivers() throws Exception {
            mail = TestMail.start();
            mail.purgeEmailFromAllMailboxes();
            receiver = new WebhookReceiver();
        }

        @AfterEach
        void closeReceiver() {
            receiver.close();
        }

        private UUID notify(Tenant t, Topic topic, Audience audience, String subject) {
            return TenantScope.call(DataScope.tenant(t.id()), () -> tx.execute(s -> notices.notify(
                    new NoticeRequest(t.id(), topic, audience, subject, "body of " + subject))));
        }

        private String addContact(String adminToken, String kind, String email) {
            Response r = api.post(adminToken, "/api/v1/notices/contacts", Map.of("kind", kind, "email", email));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            return r.json().get("id").asString();
        }

        /** Creates and verifies an endpoint; returns its secret. */
        private String verifiedEndpoint(String adminToken) {
            Response created = api.post(adminToken, "/api/v1/notices/webhooks", Map.of("url", receiver.url()));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().get("endpoint").get("id").asString();
            Response verified = api.post(adminToken, "/api/v1/notices/webhooks/" + id + "/verify", null);
            assertThat(verified.status()).as(verified.body()).isEqualTo(200);
            assertThat(verified.json().get("verifiedAt").isNull()).isFalse();
            return created.json().get("secret").asString();
        }

        private NoticeStatus status(Tenant t, UUID noticeId) {
            Account admin = fixtures.account(t, Role.CUSTOMER_ADMIN);
            return notices.status(new Caller(t.id(), admin.id(), admin.username(), Role.CUSTOMER_ADMIN,
                    Caller.Kind.ACCOUNT), noticeId);
        }

        private Delivery only(NoticeStatus s, Channel channel) {
            return s.deliveries().stream().filter(d -> d.channel() == channel).reduce((a, b) -> {
                throw new AssertionError("more than one " + channel + " delivery: " + s);
            }).orElseThrow();
        }

        private List<String> logged(Tenant t, String action, UUID deliveryId) {
            return TenantScope.call(DataScope.tenant(t.id()), () -> jdbc.sql(
                    "SELECT outcome FROM evidence_index WHERE tenant_id = ? AND action = ? AND object_ref LIKE ? ORDER BY at")
                    .params(t.id(), action, "delivery:" + deliveryId + "%").query(String.class).list());
        }

        @Test
        void aNoticeReachesInboxEmailAndVerifiedWebhookOnceUnderStableIdsAndEachReceiptIsLogged() throws Exception {
            Tenant t = fixtures.tenant();
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            addContact(admin, "SECURITY", "Sec.Officer@Example.COM");
            addContact(admin, "PRIVACY", "dpo@example.com");
            String secret = verifiedEndpoint(admin);
            int verificationRequests = receiver.received().size();

            UUID id = notify(t, Topic.SECURITY, Audience.of(Set.of(Role.CUSTOMER_ADMIN), ContactKind.SECURITY),
                    "Suspicious sign-ins");
            NoticeStatus queued = status(t, id);
            assertThat(only(queued, Channel.INBOX).state()).isEqualTo(DeliveryState.DELIVERED);
            assertThat(only(queued, Channel.EMAIL).state()).isEqualTo(DeliveryState.PENDING);
            assertThat(only(queued, Channel.EMAIL).recipient()).as("the privacy contact is not in the audience")
                    .isEqualTo("Sec.Officer@example.com");
            assertThat(only(queued, Channel.WEBHOOK).state()).isEqualTo(DeliveryState.PENDING);
            assertThat(mail.getReceivedMessages()).as("nothing is sent before the worker runs").isEmpty();

            deliveryJob.run();
            deliveryJob.run();

            NoticeStatus done = status(t, id);
            assertThat(done.deliveries()).extracting(Delivery::state).containsOnly(DeliveryState.DELIVERED);
            MimeMessage[] messages = mail.getReceivedMessages();
            assertThat(messages).hasSize(1);
            assertThat(messages[0].getAllRecipients()[0].toString()).isEqualTo("Sec.Officer@example.com");
            assertThat(messages[0].getSubject()).isEqualTo("Suspicious sign-ins");
            assertThat(messages[0].getMessageID()).isEqualTo("<" + only(done, Channel.EMAIL).id() + "@steward.invalid>");

            List<WebhookReceiver.Received> hooks = receiver.received().subList(verificationRequests, receiver.received().size());
            assertThat(hooks).hasSize(1);
            WebhookReceiver.Received hook = hooks.get(0);
            assertThat(hook.id()).isEqualTo("msg_" + only(done, Channel.WEBHOOK).id());
            assertThat(hook.signature()).isEqualTo("v1," + WebhookSignature.sign(secret, hook.id(),
                    Long.parseLong(hook.timestamp()), hook.body()));
            JsonNode payload = dev.steward.support.ApiClient.MAPPER.readTree(hook.body());
            assertThat(payload.get("type").asString()).isEqualTo("notice.security");
            assertThat(payload.get("data").get("noticeId").asString()).isEqualTo(id.toString());
            assertThat(payload.get("data").get("subject").asString()).isEqualTo("Suspicious sign-ins");

            for (Delivery d : done.deliveries()) {
                assertThat(logged(t, "notice.delivered", d.id())).as("receipt of " + d.channel()).containsExactly("success");
            }
            Response api = this.api.get(admin, "/api/v1/notices/" + id);
            assertThat(api.status()).isEqualTo(200);
            assertThat(api.json().get("deliveries")).hasSize(3);
        }

        @Test
        void aFailingWebhookBacksOffIsParkedWithAnAlertAndReplayedByStaffUnderTheSameId() {
            Tenant t = fixtures.tenant();
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            verifiedEndpoint(admin);
            receiver.answer(503);
            UUID id = notify(t, Topic.OPERATIONS, Audience.of(Set.of(), ContactKind.OPERATIONS), "Maintenance window");
            UUID deliveryId = only(status(t, id), Channel.WEBHOOK).id();
            Account officer = fixtures.account(fixtures.provider(), Role.SECURITY_OFFICER);
            Caller officerCaller = new Caller(DataScope.PROVIDER_TENANT, officer.id(), officer.username(),
                    Role.SECURITY_OFFICER, Caller.Kind.ACCOUNT);
            long alertsBefore = inbox.unread(officerCaller);

            for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
                Instant before = clock.instant();
                deliveryJob.run();
                Delivery d = only(status(t, id), Channel.WEBHOOK);
                assertThat(d.attempts()).isEqualTo(attempt);
                assertThat(d.lastError()).isEqualTo("http-503");
                if (attempt < settings.maxAttempts()) {
                    Duration ceiling = ceiling(attempt);
                    assertThat(d.state()).isEqualTo(DeliveryState.PENDING);
                    assertThat(d.nextAttemptAt()).as("attempt " + attempt + " backs off, jittered in the upper half")
                            .isBetween(before.plus(ceiling.dividedBy(2)), before.plus(ceiling));
                    deliveryJob.run();
                    assertThat(only(status(t, id), Channel.WEBHOOK).attempts()).as("not due yet").isEqualTo(attempt);
                    clock.advance(Duration.between(clock.instant(), d.nextAttemptAt()));
                } else {
                    assertThat(d.state()).isEqualTo(DeliveryState.PARKED);
                }
            }
            assertThat(logged(t, "notice.delivery.attempted", deliveryId)).hasSize(settings.maxAttempts()).containsOnly("failed");
            assertThat(logged(t, "notice.delivery.parked", deliveryId)).containsExactly("failed");
            assertThat(inbox.unread(officerCaller)).as("the security officer is alerted").isEqualTo(alertsBefore + 1);
            assertThat(inbox.list(officerCaller, PageRequest.of(0, 50)).items())
                    .anySatisfy(n -> assertThat(n.body()).contains(deliveryId.toString()));

            String operator = fixtures.operatorToken();
            Response parked = api.get(operator, "/api/v1/notice-deliveries/parked");
            assertThat(parked.status()).isEqualTo(200);
            assertThat(parked.body()).contains(deliveryId.toString()).doesNotContain("Maintenance window");
            assertThat(api.post(admin, "/api/v1/notice-deliveries/" + t.id() + "/" + deliveryId + "/replay", null).status())
                    .as("the customer cannot replay").isEqualTo(403);

            receiver.answer(200);
            Response replayed = api.post(operator, "/api/v1/notice-deliveries/" + t.id() + "/" + deliveryId + "/replay", null);
            assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
            assertThat(replayed.json().get("state").asString()).isEqualTo("PENDING");
            Response twice = api.post(operator, "/api/v1/notice-deliveries/" + t.id() + "/" + deliveryId + "/replay", null);
            assertThat(twice.status()).as("only a parked delivery replays").isEqualTo(409);
            assertThat(twice.json().get("type").asString()).isEqualTo("urn:steward:problem:delivery-not-parked");
            assertThat(twice.json().get("state").asString()).isEqualTo("PENDING");
            deliveryJob.run();

            assertThat(only(status(t, id), Channel.WEBHOOK).state()).isEqualTo(DeliveryState.DELIVERED);
            assertThat(logged(t, "notice.delivery.replayed", deliveryId)).containsExactly("success");
            assertThat(logged(t, "notice.delivered", deliveryId)).containsExactly("success");
            List<WebhookReceiver.Received> ofNotice = receiver.received().stream()
                    .filter(r -> r.body().contains(id.toString())).toList();
            assertThat(ofNotice).hasSize(settings.maxAttempts() + 1);
            assertThat(ofNotice.stream().map(WebhookReceiver.Received::id).distinct())
                    .as("every attempt carries the same webhook-id: the receiver keeps it once")
                    .containsExactly("msg_" + deliveryId);
        }

        private Duration ceiling(int failedAttempts) {
            Duration d = settings.firstRetry();
            for (int i = 1; i < failedAttempts; i++) {
                d = d.multipliedBy(2);
            }
            return d.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : d;
        }

        @Test
        void duringARotationBothSecretsSignAndAfterTheOverlapOnlyTheNewOne() {
            Tenant t = fixtures.tenant();
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            String oldSecret = verifiedEndpoint(admin);
            String endpointId = api.get(admin, "/api/v1/notices/webhooks").json().get("items").get(0).get("id").asString();
            Response rotated = api.post(admin, "/api/v1/notices/webhooks/" + endpointId + "/rotate-secret", null);
            assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
            String newSecret = rotated.json().get("secret").asString();
            assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);

            notify(t, Topic.LEGAL, Audience.of(Set.of(Role.CUSTOMER_ADMIN)), "New sub-processor");
            deliveryJob.run();
            WebhookReceiver.Received during = last();
            assertThat(during.signature().split(" ")).containsExactly(
                    "v1," + WebhookSignature.sign(newSecret, during.id(), Long.parseLong(during.timestamp()), during.body()),
                    "v1," + WebhookSignature.sign(oldSecret, during.id(), Long.parseLong(during.timestamp()), during.body()));

            clock.advance(settings.rotationOverlap());
            notify(t, Topic.LEGAL, Audience.of(Set.of(Role.CUSTOMER_ADMIN)), "Another sub-processor");
            deliveryJob.run();
            WebhookReceiver.Received after = last();
            assertThat(after.signature()).isEqualTo(
                    "v1," + WebhookSignature.sign(newSecret, after.id(), Long.parseLong(after.timestamp()), after.body()));
        }

        private WebhookReceiver.Received last() {
            List<WebhookReceiver.Received> all = receiver.received();
            return all.get(all.size() - 1);
        }

        @Test
        void anUnverifiedEndpointReceivesNothingAndAReceiverThatDoesNotEchoStaysUnverified() {
            Tenant t = fixtures.tenant();
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            Response created = api.post(admin, "/api/v1/notices/webhooks", Map.of("url", receiver.url()));
            String id = created.json().get("endpoint").get("id").asString();
            receiver.echo(false);
            Response refused = api.post(admin, "/api/v1/notices/webhooks/" + id + "/verify", null);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:steward:problem:webhook-unverified");
            JsonNode endpoint = api.get(admin, "/api/v1/notices/webhooks/" + id).json();
            assertThat(endpoint.get("id").asString()).isEqualTo(id);
            assertThat(endpoint.has("verifiedAt") && !endpoint.get("verifiedAt").isNull()).as("verified").isFalse();

            UUID notice = notify(t, Topic.SECURITY, Audience.of(Set.of(Role.CUSTOMER_ADMIN)), "Not for the webhook");
            assertThat(status(t, notice).deliveries()).extracting(Delivery::channel).containsExactly(Channel.INBOX);
            deliveryJob.run();
            assertThat(receiver.received()).allSatisfy(r -> assertThat(r.body()).contains("webhook.verification"));
        }

        @Test
        void badInputIsAProblemNamingTheFieldAndChangesNothing() {
            Tenant t = fixtures.tenant();
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            record Bad(String path, Map<String, Object> body, String field) {
            }
            for (Bad bad : List.of(
                    new Bad("/api/v1/notices/contacts", Map.of("kind", "SECURITY", "email", "not an address"), "email"),
                    new Bad("/api/v1/notices/contacts", Map.of("kind", "SECURITY"), "email"),
                    new Bad("/api/v1/notices/contacts", Map.of("kind", "GOSSIP", "email", "a@example.com"), "kind"),
                    new Bad("/api/v1/notices/contacts", Map.of("email", "a@example.com"), "kind"),
                    new Bad("/api/v1/notices/webhooks", Map.of("url", "ftp://example.com/hook"), "url"),
                    new Bad("/api/v1/notices/webhooks", Map.of("url", "https://user:pw@example.com/hook"), "url"),
                    new Bad("/api/v1/notices/webhooks", Map.of(), "url"))) {
                Response r = api.post(admin, bad.path(), bad.body());
                assertThat(r.status()).as(bad.toString()).isEqualTo(400);
                assertThat(r.json().get("errors").get(0).get("field").asString()).as(bad.toString()).isEqualTo(bad.field());
            }
            assertThat(api.get(admin, "/api/v1/notices/contacts").json().get("items")).isEmpty();
            assertThat(api.get(admin, "/api/v1/notices/webhooks").json().get("items")).isEmpty();
            addContact(admin, "LEGAL", "legal@example.com");
            Response twice = api.post(admin, "/api/v1/notices/contacts", Map.of("kind", "LEGAL", "email", "legal@example.com"));
            assertThat(twice.status()).as("the same contact twice").isEqualTo(409);
            assertThat(twice.json().get("type").asString()).isEqualTo("urn:steward:problem:contact-exists");
            assertThat(twice.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
            assertThat(api.get(admin, "/api/v1/notices/contacts").json().get("items")).hasSize(1);
            assertThat(api.get(fixtures.token(t, Role.CUSTOMER_USER), "/api/v1/notices/contacts").status())
                    .as("a customer user does not manage contacts").isEqualTo(403);
        }

        @Test
        void theWebhookSecretIsNeverStoredInClearNorReplayedFromTheIdempotencyCache() {
            Tenant t = fixtures.tenant();
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            String key = UUID.randomUUID().toString();
            Response first = api.send(admin, "POST", "/api/v1/notices/webhooks", Map.of("url", receiver.url()),
                    Map.of("Idempotency-Key", key));
            assertThat(first.status()).isEqualTo(201);
            String secret = first.json().get("secret").asString();
            String secretBytes = secret.substring(WebhookSignature.PREFIX.length());
            Response replay = api.send(admin, "POST", "/api/v1/notices/webhooks", Map.of("url", receiver.url()),
                    Map.of("Idempotency-Key", key));
            assertThat(replay.status()).isEqualTo(201);
            assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(replay.body()).doesNotContain(secretBytes);
            assertThat(replay.json().get("endpoint").get("id").asString())
                    .isEqualTo(first.json().get("endpoint").get("id").asString());

            String stored = TenantScope.call(DataScope.tenant(t.id()), () -> {
                StringBuilder all = new StringBuilder();
                jdbc.sql("SELECT * FROM notice_webhooks WHERE tenant_id = ?").param(t.id()).query(rs -> {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        all.append(v instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : String.valueOf(v))
                                .append('|');
                    }
                });
                jdbc.sql("SELECT * FROM idempotency_keys WHERE tenant_id = ?").param(t.id()).query(rs -> {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        all.append(rs.getString(i)).append('|');
                    }
                });
                return all.toString();
            });
            assertThat(stored).as("positive control: the endpoint row was read").contains(receiver.url());
            assertThat(stored).doesNotContain(secretBytes).doesNotContain(secret);
            assertThat(Arrays.asList(stored.split("\\|"))).noneMatch(v -> v.contains("whsec_"));
        }

        @Test
        void providerAccessIsAnnouncedByEmailToTheCustomersSecurityContacts() throws Exception {
            Tenant t = fixtures.tenant();
            // A tenant still waiting for its first administrator: the provider onboards it by invitation.
            contacts.add(new Caller(t.id(), UUID.randomUUID(), "contract-desk", Role.CUSTOMER_ADMIN, Caller.Kind.TOKEN),
                    ContactKind.SECURITY, "security@customer.example");
            Response invited = api.post(fixtures.operatorToken(), "/api/v1/tenants/" + t.id() + "/invitations",
                    Map.of("username", "first-admin-" + UUID.randomUUID().toString().substring(0, 6), "displayName",
                            "First admin", "role", "CUSTOMER_ADMIN"));
            assertThat(invited.status()).as(invited.body()).isEqualTo(201);
            deliveryJob.run();
            MimeMessage[] messages = mail.getReceivedMessages();
            assertThat(messages).hasSize(1);
            assertThat(messages[0].getAllRecipients()[0].toString()).isEqualTo("security@customer.example");
            assertThat(messages[0].getSubject()).startsWith("Provider invited");
        }

        @Test
        void oneRunDeliversABacklogLongerThanABatchEachOnceAndLogsEachReceipt() {
            Tenant t = fixtures.tenant();
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            verifiedEndpoint(admin);
            int backlog = 2 * pace.batch() + 7;
            List<UUID> ids = TenantScope.call(DataScope.tenant(t.id()), () -> tx.execute(s -> {
                List<UUID> written = new java.util.ArrayList<>();
                for (int i = 0; i < backlog; i++) {
                    written.add(notices.notify(new NoticeRequest(t.id(), Topic.OPERATIONS,
                            Audience.of(Set.of(), ContactKind.OPERATIONS), "Backlog " + i, "body " + i)));
                }
                return written;
            }));

            deliveryJob.run();

            List<WebhookReceiver.Received> ofTenant = receiver.received().stream()
                    .filter(r -> r.body().contains(t.id().toString()) && r.body().contains("notice.operations")).toList();
            assertThat(ofTenant).as("batch after batch in one run, " + pace.concurrency() + " in flight").hasSize(backlog);
            assertThat(ofTenant.stream().map(WebhookReceiver.Received::id).distinct()).hasSize(backlog);
            for (UUID id : ids) {
                Delivery d = only(status(t, id), Channel.WEBHOOK);
                assertThat(d.state()).isEqualTo(DeliveryState.DELIVERED);
                assertThat(d.attempts()).isEqualTo(1);
                assertThat(logged(t, "notice.delivered", d.id())).containsExactly("success");
            }
        }
    }
}
