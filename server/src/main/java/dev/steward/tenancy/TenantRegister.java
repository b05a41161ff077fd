package dev.steward.tenancy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.evidence.LogEvent;
import dev.steward.evidence.SystemLog;
import dev.steward.platform.Caller;
import dev.steward.platform.NameTaken;
import dev.steward.platform.StaleVersion;
import dev.steward.platform.DataScope;
import dev.steward.platform.InvalidField;
import dev.steward.platform.NotFound;
import dev.steward.platform.Page;
import dev.steward.platform.PageRequest;
import dev.steward.platform.TenantScope;
import dev.steward.tenancy.internal.Tenants;

/**
 * The provider's register of tenants. Every change is validated, written with its actor in the
 * change history in the same transaction, and guarded by optimistic versioning.
 */
@Service
public class TenantRegister {

    public static final String PROVIDER_SLUG = "provider";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final Tenants tenants;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SystemLog log;
    private final ApplicationEventPublisher events;

    TenantRegister(Tenants tenants, TransactionTemplate tx, Clock clock, SystemLog log,
            ApplicationEventPublisher events) {
        this.log = log;
        this.events = events;
        this.tenants = tenants;
        this.tx = tx;
        this.clock = clock;
    }

    public Tenant create(Caller caller, NewTenant request) {
        caller.require(TenantPermissions.TENANTS_WRITE);
        validateSlug(request.slug());
        return createUnchecked(UUID.randomUUID(), request, caller);
    }

    /** Creates the provider tenant or the demo tenant at first start; no caller exists yet. */
    public Tenant bootstrap(UUID id, NewTenant request) {
        return createUnchecked(id, request, null);
    }

    private Tenant createUnchecked(UUID id, NewTenant r, Caller caller) {
        String actor = caller == null ? "system:bootstrap" : caller.actor();
        validateName(r.name());
        validateContract(r.contractStart(), r.contractEnd());
        validateNoticeHours(r.incidentNoticeHours());
        List<String> countries = validateCountries(r.storageCountries());
        var now = clock.instant();
        Tenant tenant = new Tenant(id, r.slug(), r.name().strip(), TenantState.ACTIVE, r.contractStart(),
                r.contractEnd(), r.fullyManaged(), r.incidentNoticeHours(), countries, now, now, 1);
        return TenantScope.call(DataScope.wholeProvider(), () -> tx.execute(s -> {
            if (tenants.findBySlug(tenant.slug()).isPresent()) {
                throw new NameTaken("slug", "a tenant named '" + tenant.slug() + "' exists already");
            }
            try {
                tenants.insert(tenant);
            } catch (DuplicateKeyException e) {
                throw new NameTaken("slug", "a tenant named '" + tenant.slug() + "' exists already");
            }
            tenants.recordChange(new TenantChange(id, 1, now, actor, "created: " + describe(tenant)));
            log.record(LogEvent.success(id, caller, "tenant.created", "tenant:" + id + "@v1"));
            return tenant;
        }));
    }

    public Tenant change(Caller caller, UUID id, TenantPatch patch) {
        caller.require(TenantPermissions.TENANTS_WRITE);
        return TenantScope.call(DataScope.wholeProvider(), () -> tx.execute(s -> {
            Tenant old = tenants.find(id).orElseThrow(() -> new NotFound("tenant " + id));
            if (patch.expectedVersion() != null && patch.expectedVersion() != old.version()) {
                throw new StaleVersion("version", "the tenant was changed meanwhile (now version " + old.version() + ")", old.version());
            }
            if (old.isProvider() && patch.state() != null && patch.state() != TenantState.ACTIVE) {
                throw new InvalidField("state", "the provider tenant cannot be terminated");
            }
            Tenant updated = apply(old, patch);
            List<String> diff = diff(old, updated);
            if (diff.isEmpty()) {
                return old;
            }
            if (!tenants.update(updated)) {
                throw new StaleVersion("version", "the tenant was changed meanwhile", null);
            }
            tenants.recordChange(new TenantChange(id, updated.version(), updated.updatedAt(), caller.actor(),
                    String.join("; ", diff)));
            log.record(LogEvent.success(id, caller, "tenant.changed", "tenant:" + id + "@v" + updated.version()));
            publishStateChange(old.state(), updated.state(), id);
            return updated;
        }));
    }

    /**
     * Inside the changing transaction, so the event publication registry stores the event with the
     * change or not at all: a crash after the commit still delivers it, a rollback never does.
     */
    private void publishStateChange(TenantState before, TenantState after, UUID id) {
        if (before == after) {
            return;
        }
        if (after == TenantState.DELETED) {
            events.publishEvent(new TenantDeleted(id, after));
        } else if (after == TenantState.TERMINATING || after == TenantState.TERMINATED) {
            events.publishEvent(new TenantDeactivated(id, after));
        }
    }

    /** Any tenant, for provider staff who may read the register. */
    public Tenant get(Caller caller, UUID id) {
        caller.require(TenantPermissions.TENANTS_READ);
        return TenantScope.call(DataScope.wholeProvider(), () -> tenants.find(id))
                .orElseThrow(() -> new NotFound("tenant " + id));
    }

    /** The caller's own tenant: every authenticated caller may read it. */
    public Tenant own(Caller caller) {
        return find(caller.tenantId()).orElseThrow(() -> new NotFound("tenant " + caller.tenantId()));
    }

    public Page<Tenant> list(Caller caller, PageRequest page) {
        caller.require(TenantPermissions.TENANTS_READ);
        return TenantScope.call(DataScope.wholeProvider(),
                () -> new Page<>(tenants.page(page.offset(), page.size()), page.page(), page.size(), tenants.count()));
    }

    public List<TenantChange> changes(Caller caller, UUID id) {
        caller.require(TenantPermissions.TENANTS_READ);
        get(caller, id);
        return TenantScope.call(DataScope.wholeProvider(), () -> tenants.changes(id));
    }

    /** Looks a tenant up in its own scope (used by login and by in-tenant checks). */
    public Optional<Tenant> find(UUID id) {
        return TenantScope.call(DataScope.tenant(id), () -> tenants.find(id));
    }

    /** Resolves the organisation a person types at login. */
    public Optional<Tenant> findBySlug(String slug) {
        return TenantScope.call(DataScope.wholeProvider(), () -> tenants.findBySlug(slug));
    }

    private Tenant apply(Tenant t, TenantPatch p) {
        String name = t.name();
        if (p.name() != null) {
            validateName(p.name());
            name = p.name().strip();
        }
        TenantState state = t.state();
        if (p.state() != null) {
            if (!t.state().mayChangeTo(p.state())) {
                throw new InvalidField("state", "cannot change from " + t.state() + " to " + p.state()
                        + " (allowed: " + t.state().next() + ")");
            }
            state = p.state();
        }
        LocalDate start = p.contractStart() != null ? p.contractStart() : t.contractStart();
        LocalDate end = p.contractEnd() != null ? p.contractEnd() : t.contractEnd();
        validateContract(start, end);
        int hours = t.incidentNoticeHours();
        if (p.incidentNoticeHours() != null) {
            validateNoticeHours(p.incidentNoticeHours());
            hours = p.incidentNoticeHours();
        }
        List<String> countries = p.storageCountries() != null ? validateCountries(p.storageCountries())
                : t.storageCountries();
        boolean managed = p.fullyManaged() != null ? p.fullyManaged() : t.fullyManaged();
        return new Tenant(t.id(), t.slug(), name, state, start, end, managed, hours, countries, t.createdAt(),
                clock.instant(), t.version() + 1);
    }

    private static List<String> diff(Tenant a, Tenant b) {
        List<String> d = new ArrayList<>();
        if (!a.name().equals(b.name())) d.add("name: " + a.name() + " -> " + b.name());
        if (a.state() != b.state()) d.add("state: " + a.state() + " -> " + b.state());
        if (!a.contractStart().equals(b.contractStart())) d.add("contractStart: " + a.contractStart() + " -> " + b.contractStart());
        if (!java.util.Objects.equals(a.contractEnd(), b.contractEnd())) d.add("contractEnd: " + a.contractEnd() + " -> " + b.contractEnd());
        if (a.fullyManaged() != b.fullyManaged()) d.add("fullyManaged: " + a.fullyManaged() + " -> " + b.fullyManaged());
        if (a.incidentNoticeHours() != b.incidentNoticeHours()) d.add("incidentNoticeHours: " + a.incidentNoticeHours() + " -> " + b.incidentNoticeHours());
        if (!a.storageCountries().equals(b.storageCountries())) d.add("storageCountries: " + a.storageCountries() + " -> " + b.storageCountries());
        return d;
    }

    private static String describe(Tenant t) {
        return "slug=" + t.slug() + ", contract " + t.contractStart() + ".." + (t.contractEnd() == null ? "open" : t.contractEnd())
                + ", fullyManaged=" + t.fullyManaged() + ", incidentNoticeHours=" + t.incidentNoticeHours()
                + ", storageCountries=" + t.storageCountries();
    }

    private static void validateSlug(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new InvalidField("slug", "2 to 63 lower-case letters, digits or hyphens, starting with a letter or digit");
        }
        if (PROVIDER_SLUG.equals(slug)) {
            throw new InvalidField("slug", "'provider' is reserved");
        }
    }

    private static void validateName(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidField("name", "must be 1 to 200 characters");
        }
    }

    private static void validateContract(LocalDate start, LocalDate end) {
        if (start == null) {
            throw new InvalidField("contractStart", "is required");
        }
        if (end != null && end.isBefore(start)) {
            throw new InvalidField("contractEnd", "must not be before contractStart");
        }
    }

    private static void validateNoticeHours(int hours) {
        if (hours < 1 || hours > 720) {
            throw new InvalidField("incidentNoticeHours", "must be between 1 and 720");
        }
    }

    private static List<String> validateCountries(List<String> countries) {
        if (countries == null || countries.isEmpty()) {
            throw new InvalidField("storageCountries", "name at least one country (ISO 3166-1 alpha-2)");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < countries.size(); i++) {
            String c = countries.get(i);
            if (c == null || !COUNTRIES.contains(c.toUpperCase(Locale.ROOT)) || c.length() != 2) {
                throw new InvalidField("storageCountries[" + i + "]", "'" + c + "' is not an ISO 3166-1 alpha-2 country code");
            }
            if (!out.contains(c.toUpperCase(Locale.ROOT))) {
                out.add(c.toUpperCase(Locale.ROOT));
            }
        }
        return List.copyOf(out);
    }
}
