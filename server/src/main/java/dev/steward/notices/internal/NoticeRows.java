package dev.steward.notices.internal;

import static dev.steward.platform.Timestamps.instant;
import static dev.steward.platform.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.steward.notices.Channel;
import dev.steward.notices.Delivery;
import dev.steward.notices.DeliveryState;
import dev.steward.notices.Topic;

/**
 * The outbox: notices and their deliveries. Every query names its tenant except the due scan, which returns keys
 * only. A notice to one person keeps that person's address and its body sealed ({@link PersonNoticeSeal}): they are
 * opened only for {@link #outgoing sending}, every view shows the placeholder, and both are emptied on delivery.
 */
@Repository
public class NoticeRows {

    /**
     * What a channel sends: the notice's content and the delivery it is sent as; {@code toPerson} when
     * its address and body were opened from their seals (emptied again by {@link #delivered}).
     */
    public record Outgoing(Delivery delivery, Topic topic, String subject, String body, Instant createdAt,
            boolean toPerson) {
    }

    /** A delivery's key, as the due scan across tenants finds it. */
    public record DeliveryKey(UUID tenantId, UUID deliveryId) {
    }

    private static final String DELIVERY = "SELECT tenant_id, delivery_id, notice_id, channel, recipient, state, attempts, "
            + "next_attempt_at, last_error, delivered_at FROM notice_deliveries ";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final PersonNoticeSeal seal;

    NoticeRows(JdbcClient jdbc, JdbcTemplate batch, PersonNoticeSeal seal) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.seal = seal;
    }

    /** A notice to one person and its one email delivery, the address and the body sealed; returns the delivery. */
    public UUID insertPersonNotice(UUID tenantId, UUID id, Topic topic, String subject, String address, String body,
            Instant at) {
        jdbc.sql("INSERT INTO notices (tenant_id, notice_id, topic, subject, body, sealed_body, created_at)"
                + " VALUES (?,?,?,?,?,?,?)")
                .params(tenantId, id, topic.name(), subject, PersonNoticeSeal.PLACEHOLDER,
                        seal.sealBody(tenantId, id, body), utc(at)).update();
        return insertDelivery(tenantId, id, Channel.EMAIL, PersonNoticeSeal.PLACEHOLDER,
                seal.sealRecipient(tenantId, id, address), DeliveryState.PENDING, at);
    }

    public void insertNotice(UUID tenantId, UUID id, Topic topic, String subject, String body, Instant at) {
        jdbc.sql("INSERT INTO notices (tenant_id, notice_id, topic, subject, body, created_at) VALUES (?,?,?,?,?,?)")
                .params(tenantId, id, topic.name(), subject, body, utc(at)).update();
    }

    public UUID insertDelivery(UUID tenantId, UUID noticeId, Channel channel, String recipient, DeliveryState state,
            Instant at) {
        return insertDelivery(tenantId, noticeId, channel, recipient, null, state, at);
    }

    private UUID insertDelivery(UUID tenantId, UUID noticeId, Channel channel, String recipient, byte[] sealedRecipient,
            DeliveryState state, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO notice_deliveries (tenant_id, delivery_id, notice_id, channel, recipient, sealed_recipient,"
                + " state, attempts, next_attempt_at, delivered_at, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
                .params(tenantId, id, noticeId, channel.name(), recipient, sealedRecipient, state.name(),
                        state == DeliveryState.DELIVERED ? 1 : 0,
                        state == DeliveryState.PENDING ? utc(at) : null,
                        state == DeliveryState.DELIVERED ? utc(at) : null, utc(at))
                .update();
        return id;
    }

    /** Pending deliveries due at {@code now}, oldest first, across tenants (the caller holds a provider-wide scope). */
    public List<DeliveryKey> due(Instant now, int limit) {
        return jdbc.sql("SELECT tenant_id, delivery_id FROM notice_deliveries WHERE state = 'PENDING' AND next_attempt_at <= ? "
                + "ORDER BY next_attempt_at, delivery_id LIMIT ?")
                .params(utc(now), limit)
                .query((rs, n) -> new DeliveryKey(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
    }

    /** Deliveries of one tenant with the content they send, in one query; those not found are left out. */
    public List<Outgoing> outgoing(UUID tenantId, List<UUID> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(deliveryIds.size() + 1);
        params.add(tenantId);
        params.addAll(deliveryIds);
        return jdbc.sql("SELECT d.tenant_id, d.delivery_id, d.notice_id, d.channel, d.recipient, d.state, d.attempts, "
                + "d.next_attempt_at, d.last_error, d.delivered_at, n.topic, n.subject, n.body, n.created_at, "
                + "d.sealed_recipient, n.sealed_body "
                + "FROM notice_deliveries d JOIN notices n ON n.tenant_id = d.tenant_id AND n.notice_id = d.notice_id "
                + "WHERE d.tenant_id = ? AND d.delivery_id IN (" + String.join(",", Collections.nCopies(deliveryIds.size(), "?"))
                + ")")
                .params(params)
                .query((rs, n) -> opened(delivery(rs), Topic.valueOf(rs.getString(11)), rs.getString(12),
                        rs.getString(13), instant(rs, 14), rs.getBytes(15), rs.getBytes(16)))
                .list();
    }

    private Outgoing opened(Delivery d, Topic topic, String subject, String body, Instant createdAt,
            byte[] sealedRecipient, byte[] sealedBody) {
        if (sealedRecipient == null || sealedBody == null) {
            // not a person notice, or one delivered already (its content emptied then, and it is not sent again)
            return new Outgoing(d, topic, subject, body, createdAt, false);
        }
        Delivery toPerson = new Delivery(d.tenantId(), d.id(), d.noticeId(), d.channel(),
                seal.openRecipient(d.tenantId(), d.noticeId(), sealedRecipient), d.state(), d.attempts(),
                d.nextAttemptAt(), d.lastError(), d.deliveredAt());
        return new Outgoing(toPerson, topic, subject, seal.openBody(d.tenantId(), d.noticeId(), sealedBody), createdAt,
                true);
    }

    /** A successful attempt of one delivery, for {@link #delivered}; {@code personNotice} its notice when sealed. */
    public record Receipt(UUID deliveryId, int attempts, UUID personNotice) {

        public static Receipt of(Outgoing sent, int attempts) {
            return new Receipt(sent.delivery().id(), attempts, sent.toPerson() ? sent.delivery().noticeId() : null);
        }
    }

    /**
     * Records successful attempts of one tenant's deliveries in one batch. Only a delivery still
     * pending counts its receipt (a replayed duplicate changes nothing); returns those counted. A person
     * notice's sealed address and body are emptied with it: what was told is the acting feature's record.
     */
    public List<UUID> delivered(UUID tenantId, List<Receipt> receipts, Instant at) {
        if (receipts.isEmpty()) {
            return List.of();
        }
        int[] counts = batch.batchUpdate("UPDATE notice_deliveries SET state = 'DELIVERED', attempts = ?, delivered_at = ?, "
                + "next_attempt_at = NULL, last_error = NULL, sealed_recipient = NULL"
                + " WHERE tenant_id = ? AND delivery_id = ? AND state = 'PENDING'",
                receipts.stream().map(r -> new Object[] {r.attempts(), utc(at), tenantId, r.deliveryId()}).toList());
        List<UUID> counted = new ArrayList<>(receipts.size());
        List<Object[]> sentToPersons = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 1) {
                counted.add(receipts.get(i).deliveryId());
                if (receipts.get(i).personNotice() != null) {
                    sentToPersons.add(new Object[] {tenantId, receipts.get(i).personNotice()});
                }
            }
        }
        if (!sentToPersons.isEmpty()) {
            batch.batchUpdate("UPDATE notices SET sealed_body = NULL WHERE tenant_id = ? AND notice_id = ?", sentToPersons);
        }
        return counted;
    }

    /** Records a failed attempt: retried at {@code next}, or parked when {@code next} is null. */
    public boolean failed(UUID tenantId, UUID deliveryId, int attempts, String error, Instant next) {
        return jdbc.sql("UPDATE notice_deliveries SET state = ?, attempts = ?, last_error = ?, next_attempt_at = ? "
                + "WHERE tenant_id = ? AND delivery_id = ? AND state = 'PENDING'")
                .params(next == null ? "PARKED" : "PENDING", attempts, error, next == null ? null : utc(next), tenantId,
                        deliveryId)
                .update() == 1;
    }

    /** Puts a parked delivery back in line, due at once, its attempts counted anew. */
    public boolean replay(UUID tenantId, UUID deliveryId, Instant now) {
        return jdbc.sql("UPDATE notice_deliveries SET state = 'PENDING', attempts = 0, next_attempt_at = ? "
                + "WHERE tenant_id = ? AND delivery_id = ? AND state = 'PARKED'")
                .params(utc(now), tenantId, deliveryId).update() == 1;
    }

    public Optional<Delivery> delivery(UUID tenantId, UUID deliveryId) {
        return jdbc.sql(DELIVERY + "WHERE tenant_id = ? AND delivery_id = ?").params(tenantId, deliveryId)
                .query((rs, n) -> delivery(rs)).optional();
    }

    public List<Delivery> deliveriesOf(UUID tenantId, UUID noticeId) {
        return jdbc.sql(DELIVERY + "WHERE tenant_id = ? AND notice_id = ? ORDER BY channel, recipient")
                .params(tenantId, noticeId).query((rs, n) -> delivery(rs)).list();
    }

    /** The tenant's latest deliveries, newest first. */
    public List<Delivery> recent(UUID tenantId, int limit) {
        return jdbc.sql(DELIVERY + "WHERE tenant_id = ? ORDER BY created_at DESC, delivery_id LIMIT ?")
                .params(tenantId, limit).query((rs, n) -> delivery(rs)).list();
    }

    /** Parked deliveries of every tenant (the caller holds a provider-wide scope), oldest first. */
    public List<Delivery> parked(int limit) {
        return jdbc.sql(DELIVERY + "WHERE state = 'PARKED' ORDER BY created_at, delivery_id LIMIT ?")
                .params(limit).query((rs, n) -> delivery(rs)).list();
    }

    public record NoticeHead(UUID id, Topic topic, String subject, Instant createdAt) {
    }

    public Optional<NoticeHead> notice(UUID tenantId, UUID noticeId) {
        return jdbc.sql("SELECT notice_id, topic, subject, created_at FROM notices WHERE tenant_id = ? AND notice_id = ?")
                .params(tenantId, noticeId)
                .query((rs, n) -> new NoticeHead(rs.getObject(1, UUID.class), Topic.valueOf(rs.getString(2)),
                        rs.getString(3), instant(rs, 4)))
                .optional();
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        return new Delivery(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                Channel.valueOf(rs.getString(4)), rs.getString(5), DeliveryState.valueOf(rs.getString(6)), rs.getInt(7),
                instant(rs, 8), rs.getString(9), instant(rs, 10));
    }
}
