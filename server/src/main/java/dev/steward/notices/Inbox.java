package dev.steward.notices;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.notices.internal.InboxRows;
import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;
import dev.steward.platform.Forbidden;
import dev.steward.platform.NotFound;
import dev.steward.platform.Page;
import dev.steward.platform.PageRequest;
import dev.steward.platform.TenantScope;

/**
 * The console inbox of a signed-in account: the notices of its own tenant addressed to its role.
 * A notice of another tenant or for another role answers 404.
 */
@Service
public class Inbox {

    private final InboxRows rows;
    private final TransactionTemplate tx;
    private final Clock clock;

    Inbox(InboxRows rows, TransactionTemplate tx, Clock clock) {
        this.rows = rows;
        this.tx = tx;
        this.clock = clock;
    }

    public Page<Notice> list(Caller caller, PageRequest page) {
        requireAccount(caller);
        return TenantScope.call(DataScope.tenant(caller.tenantId()), () -> new Page<>(
                rows.page(caller.tenantId(), caller.role(), caller.principalId(), page.offset(), page.size()),
                page.page(), page.size(), rows.count(caller.tenantId(), caller.role())));
    }

    public long unread(Caller caller) {
        if (caller.kind() != Caller.Kind.ACCOUNT) {
            return 0;
        }
        return TenantScope.call(DataScope.tenant(caller.tenantId()),
                () -> rows.unread(caller.tenantId(), caller.role(), caller.principalId()));
    }

    public void markRead(Caller caller, UUID noticeId) {
        requireAccount(caller);
        TenantScope.run(DataScope.tenant(caller.tenantId()), () -> tx.executeWithoutResult(s -> {
            if (!rows.addressedTo(caller.tenantId(), noticeId, caller.role())) {
                throw new NotFound("notice " + noticeId);
            }
            rows.markRead(caller.tenantId(), noticeId, caller.principalId(), clock.instant());
        }));
    }

    private static void requireAccount(Caller caller) {
        if (caller.kind() != Caller.Kind.ACCOUNT) {
            throw new Forbidden("the inbox belongs to a person's account, not to an API token");
        }
    }
}
