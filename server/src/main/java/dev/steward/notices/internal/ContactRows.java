package dev.steward.notices.internal;

import static dev.steward.platform.Timestamps.instant;
import static dev.steward.platform.Timestamps.utc;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.steward.notices.Contact;
import dev.steward.notices.ContactKind;

/** A tenant's contact points. */
@Repository
public class ContactRows {

    private final JdbcClient jdbc;

    ContactRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID tenantId, Contact c) {
        jdbc.sql("INSERT INTO notice_contacts (tenant_id, contact_id, kind, email, created_at) VALUES (?,?,?,?,?)")
                .params(tenantId, c.id(), c.kind().name(), c.email(), utc(c.createdAt())).update();
    }

    public boolean exists(UUID tenantId, ContactKind kind, String email) {
        return jdbc.sql("SELECT COUNT(*) FROM notice_contacts WHERE tenant_id = ? AND kind = ? AND email = ?")
                .params(tenantId, kind.name(), email).query(Long.class).single() > 0;
    }

    public List<Contact> list(UUID tenantId) {
        return jdbc.sql("SELECT contact_id, kind, email, created_at FROM notice_contacts WHERE tenant_id = ? "
                + "ORDER BY kind, email")
                .param(tenantId)
                .query((rs, n) -> new Contact(rs.getObject(1, UUID.class), ContactKind.valueOf(rs.getString(2)),
                        rs.getString(3), instant(rs, 4)))
                .list();
    }

    /** The distinct addresses of the given kinds: one email per address, whatever kinds it is named for. */
    public List<String> addresses(UUID tenantId, Set<ContactKind> kinds) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT DISTINCT email FROM notice_contacts WHERE tenant_id = :tenant AND kind IN (:kinds) ORDER BY email")
                .param("tenant", tenantId).param("kinds", kinds.stream().map(Enum::name).toList())
                .query(String.class).list();
    }

    public boolean delete(UUID tenantId, UUID contactId) {
        return jdbc.sql("DELETE FROM notice_contacts WHERE tenant_id = ? AND contact_id = ?")
                .params(tenantId, contactId).update() == 1;
    }

}
