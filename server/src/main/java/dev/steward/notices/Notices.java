package dev.steward.notices;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.steward.notices.internal.InboxRows;
import dev.steward.platform.Role;

/**
 * The one call by which a feature tells a tenant something. The notice is written in the
 * caller's transaction: an act that commits has told its audience, a rolled-back act has told
 * nobody.
 */
@Service
public class Notices {

    private final InboxRows inbox;
    private final Clock clock;

    Notices(InboxRows inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    /**
     * Tells the accounts of {@code tenantId} whose role is in {@code audience} about {@code topic}.
     * Subject and body are plain text shown as is; they must carry no personal data of subjects.
     */
    public UUID tell(UUID tenantId, Set<Role> audience, Topic topic, String subject, String body) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a notice is written inside the transaction of the act it tells of");
        }
        if (audience.isEmpty()) {
            throw new IllegalArgumentException("a notice needs an audience");
        }
        UUID id = UUID.randomUUID();
        inbox.insert(tenantId, id, topic, EnumSet.copyOf(audience), cut(subject, 200), cut(body, 4000), clock.instant());
        return id;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
