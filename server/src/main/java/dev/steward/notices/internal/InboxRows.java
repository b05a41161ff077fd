package dev.steward.notices.internal;

import static dev.steward.platform.Timestamps.instant;
import static dev.steward.platform.Timestamps.utc;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.steward.notices.Notice;
import dev.steward.notices.Topic;
import dev.steward.platform.Role;

/**
 * The inbox tables. The audience is stored as ",ROLE_A,ROLE_B," so that one LIKE finds a role
 * without a join; every query names its tenant.
 */
@Repository
public class InboxRows {

    private final JdbcClient jdbc;

    InboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID tenantId, UUID id, Topic topic, Set<Role> audience, String subject, String body, Instant at) {
        String roles = audience.stream().map(Role::name).sorted().collect(Collectors.joining(",", ",", ","));
        jdbc.sql("INSERT INTO notice_inbox (tenant_id, notice_id, topic, audience, subject, body, created_at) "
                + "VALUES (?,?,?,?,?,?,?)")
                .params(tenantId, id, topic.name(), roles, subject, body, utc(at)).update();
    }

    public List<Notice> page(UUID tenantId, Role role, UUID accountId, long offset, int size) {
        return jdbc.sql("SELECT n.notice_id, n.topic, n.subject, n.body, n.created_at, r.read_at FROM notice_inbox n "
                + "LEFT JOIN notice_reads r ON r.tenant_id = n.tenant_id AND r.notice_id = n.notice_id AND r.account_id = ? "
                + "WHERE n.tenant_id = ? AND n.audience LIKE ? ORDER BY n.created_at DESC, n.notice_id LIMIT ? OFFSET ?")
                .params(accountId, tenantId, like(role), size, offset)
                .query((rs, n) -> new Notice(rs.getObject(1, UUID.class), Topic.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), instant(rs, 5), rs.getObject(6) != null))
                .list();
    }

    public long count(UUID tenantId, Role role) {
        return jdbc.sql("SELECT COUNT(*) FROM notice_inbox WHERE tenant_id = ? AND audience LIKE ?")
                .params(tenantId, like(role)).query(Long.class).single();
    }

    public long unread(UUID tenantId, Role role, UUID accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM notice_inbox n WHERE n.tenant_id = ? AND n.audience LIKE ? AND NOT EXISTS "
                + "(SELECT 1 FROM notice_reads r WHERE r.tenant_id = n.tenant_id AND r.notice_id = n.notice_id "
                + "AND r.account_id = ?)")
                .params(tenantId, like(role), accountId).query(Long.class).single();
    }

    public boolean addressedTo(UUID tenantId, UUID noticeId, Role role) {
        return jdbc.sql("SELECT COUNT(*) FROM notice_inbox WHERE tenant_id = ? AND notice_id = ? AND audience LIKE ?")
                .params(tenantId, noticeId, like(role)).query(Long.class).single() > 0;
    }

    /** Marks a notice read once; reading it again changes nothing. */
    public void markRead(UUID tenantId, UUID noticeId, UUID accountId, Instant at) {
        // two statements, not INSERT ... SELECT: Citus carries out an INSERT ... SELECT on a distributed table
        // with row-level security as a COPY, which it refuses (docs/design/citus-distribution.md)
        if (jdbc.sql("SELECT COUNT(*) FROM notice_reads WHERE tenant_id = ? AND notice_id = ? AND account_id = ?")
                .params(tenantId, noticeId, accountId).query(Long.class).single() > 0) {
            return;
        }
        // read at the same moment by the same account in another request: the second insert fails on the
        // key and that request fails; the notice is read either way
        jdbc.sql("INSERT INTO notice_reads (tenant_id, notice_id, account_id, read_at) VALUES (?, ?, ?, ?)")
                .params(tenantId, noticeId, accountId, utc(at)).update();
    }

    private static String like(Role role) {
        return "%," + role.name() + ",%";
    }
}
