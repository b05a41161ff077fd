package dev.steward.notices;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.evidence.LogEvent;
import dev.steward.evidence.SystemLog;
import dev.steward.notices.internal.ContactRows;
import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;
import dev.steward.platform.InvalidField;
import dev.steward.platform.NotFound;
import dev.steward.platform.TenantScope;

/** The caller's tenant's contact points (ROLE-9): added, listed and removed by its administrators, each change logged. */
@Service
public class Contacts {

    /** One address, no display name, no comments: what a relay accepts from anyone. */
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private final ContactRows rows;
    private final SystemLog log;
    private final TransactionTemplate tx;
    private final Clock clock;

    Contacts(ContactRows rows, SystemLog log, TransactionTemplate tx, Clock clock) {
        this.rows = rows;
        this.log = log;
        this.tx = tx;
        this.clock = clock;
    }

    public List<Contact> list(Caller caller) {
        caller.require(NoticePermissions.NOTICES_MANAGE);
        return TenantScope.call(DataScope.tenant(caller.tenantId()), () -> rows.list(caller.tenantId()));
    }

    /**
     * The tenant's privacy contact points, for pages the public reads (the privacy page tells a data
     * subject whom to write to): only PRIVACY contacts are published, never the others.
     */
    public List<String> publishedPrivacyContacts(UUID tenant) {
        return TenantScope.call(DataScope.tenant(tenant), () -> tx.execute(s -> rows.list(tenant).stream()
                .filter(c -> c.kind() == ContactKind.PRIVACY).map(Contact::email).sorted().toList()));
    }

    public Contact add(Caller caller, ContactKind kind, String email) {
        caller.require(NoticePermissions.NOTICES_MANAGE);
        if (kind == null) {
            throw new InvalidField("kind", "required: one of SECURITY, PRIVACY, OPERATIONS, LEGAL");
        }
        String address = normalised(email);
        UUID tenant = caller.tenantId();
        return TenantScope.call(DataScope.tenant(tenant), () -> tx.execute(s -> {
            if (rows.exists(tenant, kind, address)) {
                throw new ContactExists(kind);
            }
            Contact c = new Contact(UUID.randomUUID(), kind, address, clock.instant());
            rows.insert(tenant, c);
            log.record(LogEvent.success(tenant, caller, "notice.contact.added", "contact:" + c.id() + "/" + kind));
            return c;
        }));
    }

    public void remove(Caller caller, UUID contactId) {
        caller.require(NoticePermissions.NOTICES_MANAGE);
        UUID tenant = caller.tenantId();
        TenantScope.run(DataScope.tenant(tenant), () -> tx.executeWithoutResult(s -> {
            if (!rows.delete(tenant, contactId)) {
                throw new NotFound("contact " + contactId);
            }
            log.record(LogEvent.success(tenant, caller, "notice.contact.removed", "contact:" + contactId));
        }));
    }

    static String normalised(String email) {
        if (email == null || email.isBlank()) {
            throw new InvalidField("email", "required");
        }
        String address = email.strip();
        if (address.length() > 254 || !ADDRESS.matcher(address).matches()) {
            throw new InvalidField("email", "not a plain email address (name@example.com)");
        }
        int at = address.indexOf('@');
        return address.substring(0, at) + address.substring(at).toLowerCase(Locale.ROOT);
    }
}
