package dev.steward.notices;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.evidence.LogEvent;
import dev.steward.evidence.SystemLog;
import dev.steward.notices.internal.NoticeRows;
import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;
import dev.steward.platform.Forbidden;
import dev.steward.platform.NotFound;
import dev.steward.platform.TenantScope;

/**
 * Parked deliveries, for provider staff: listed across tenants (state, channel and recipient only,
 * never the notice's content) and replayed once the receiver is fixed. A replay is logged in the
 * customer's log and in the provider's, so the customer sees that staff touched its outbox.
 */
@Service
public class NoticeDeliveries {

    private final NoticeRows rows;
    private final SystemLog log;
    private final TransactionTemplate tx;
    private final Clock clock;

    NoticeDeliveries(NoticeRows rows, SystemLog log, TransactionTemplate tx, Clock clock) {
        this.rows = rows;
        this.log = log;
        this.tx = tx;
        this.clock = clock;
    }

    public List<Delivery> parked(Caller caller) {
        requireStaff(caller);
        return TenantScope.call(DataScope.wholeProvider(), () -> rows.parked(500));
    }

    /** Puts a parked delivery back in line, due at once with its attempts counted anew; same delivery id, so still once for the receiver. */
    public Delivery replay(Caller caller, UUID tenantId, UUID deliveryId) {
        requireStaff(caller);
        Delivery replayed = TenantScope.call(DataScope.tenant(tenantId), () -> tx.execute(s -> {
            Delivery d = rows.delivery(tenantId, deliveryId).orElseThrow(() -> new NotFound("delivery " + deliveryId));
            if (!rows.replay(tenantId, deliveryId, clock.instant())) {
                throw new DeliveryNotParked(deliveryId, d.state());
            }
            log.record(LogEvent.success(tenantId, caller, "notice.delivery.replayed", "delivery:" + deliveryId));
            return rows.delivery(tenantId, deliveryId).orElseThrow();
        }));
        TenantScope.run(DataScope.tenant(DataScope.PROVIDER_TENANT), () -> tx.executeWithoutResult(s -> log.record(
                LogEvent.success(DataScope.PROVIDER_TENANT, caller, "notice.delivery.replayed",
                        "tenant:" + tenantId + "/delivery:" + deliveryId))));
        return replayed;
    }

    private static void requireStaff(Caller caller) {
        if (!caller.isProvider()) {
            throw new Forbidden("only provider staff replay deliveries");
        }
        caller.require(NoticePermissions.NOTICES_REPLAY);
    }
}
