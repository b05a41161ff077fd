package dev.steward.evidence;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.evidence.internal.LedgerHolder;
import dev.steward.ledger.LogQueries;
import dev.steward.platform.DataScope;
import dev.steward.platform.TenantScope;

/**
 * Anchors every tenant log's integrated tree in the provider log (INC-5, SEC-1): an entry
 * {@code evidence.anchor} naming the tenant's tree size and root hash, so a forked or rewritten
 * tenant history would contradict the provider log that every tenant's auditor can be shown. A
 * log is anchored again only when it grew; each anchor is written in one transaction with the
 * {@code evidence_anchors} row that remembers it.
 */
@Service
public class EvidenceAnchors {

    /** An anchor written: which tenant's log, at what size and root (base64). */
    public record Anchor(UUID tenantId, long size, String root) {

        public String object() {
            return "log:" + tenantId + " size=" + size + " root=" + root;
        }
    }

    private record Tree(UUID tenantId, long size, byte[] root) {
    }

    private final LedgerHolder ledger;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SystemLog log;
    private final Clock clock;

    EvidenceAnchors(LedgerHolder ledger, JdbcClient jdbc, TransactionTemplate tx, SystemLog log, Clock clock) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.tx = tx;
        this.log = log;
        this.clock = clock;
    }

    /** Anchors every tenant log that grew since its last anchor; returns the anchors written. */
    public List<Anchor> anchor() {
        List<Anchor> written = new ArrayList<>();
        for (LogQueries.TreeHead head : ledger.ledger().treeHeads()) {
            UUID tenant = head.log().tenant();
            // customers' system logs only: the provider log is where anchors go, and no other log is Steward's
            if (!DataScope.PROVIDER_TENANT.equals(tenant) && head.log().equals(SystemLog.logOf(tenant))) {
                anchor(new Tree(tenant, head.size(), head.rootHash())).ifPresent(written::add);
            }
        }
        return written;
    }

    private Optional<Anchor> anchor(Tree t) {
        try {
            return TenantScope.call(DataScope.wholeProvider(), () -> tx.execute(s -> {
                Optional<Long> last = jdbc.sql("SELECT anchored_size FROM evidence_anchors WHERE tenant_id = ?")
                        .param(t.tenantId()).query(Long.class).optional();
                if (last.isPresent() && last.get() >= t.size()) {
                    return Optional.<Anchor>empty();
                }
                var now = clock.instant().atOffset(ZoneOffset.UTC);
                if (last.isEmpty()) {
                    jdbc.sql("INSERT INTO evidence_anchors (tenant_id, anchored_size, anchored_at) VALUES (?,?,?)")
                            .params(t.tenantId(), t.size(), now).update();
                } else if (jdbc.sql("UPDATE evidence_anchors SET anchored_size = ?, anchored_at = ? WHERE tenant_id = ? "
                        + "AND anchored_size = ?").params(t.size(), now, t.tenantId(), last.get()).update() != 1) {
                    // another run anchored it meanwhile
                    s.setRollbackOnly();
                    return Optional.<Anchor>empty();
                }
                Anchor a = new Anchor(t.tenantId(), t.size(), Base64.getEncoder().encodeToString(t.root()));
                log.record(LogEvent.success(DataScope.PROVIDER_TENANT, null, "evidence.anchor", a.object()));
                return Optional.of(a);
            }));
        } catch (DuplicateKeyException e) {
            return Optional.empty(); // another run anchored this log first
        }
    }
}
