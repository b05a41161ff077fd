package dev.steward.identity;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.evidence.LogEvent;
import dev.steward.evidence.SystemLog;
import dev.steward.identity.internal.Accounts;
import dev.steward.identity.internal.SignInFailures;
import dev.steward.notices.Audience;
import dev.steward.notices.ContactKind;
import dev.steward.notices.NoticeRequest;
import dev.steward.notices.Notices;
import dev.steward.notices.Topic;
import dev.steward.platform.Caller;
import dev.steward.platform.NameTaken;
import dev.steward.platform.StaleVersion;
import dev.steward.platform.DataScope;
import dev.steward.platform.Forbidden;
import dev.steward.platform.InvalidField;
import dev.steward.platform.NotFound;
import dev.steward.platform.Page;
import dev.steward.platform.PageRequest;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;
import dev.steward.tenancy.Tenant;

/** Accounts of a tenant: created, changed and listed by those whose role and tenant allow it. */
@Service
public class AccountDirectory {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,99}");

    private final Accounts accounts;
    private final TenantAccess access;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SystemLog log;
    private final SignInFailures failures;
    private final ProviderAccessLog accessLog;
    private final Invitations invitations;
    private final Notices notices;

    AccountDirectory(Accounts accounts, TenantAccess access, PasswordPolicy policy, PasswordHasher hasher,
            TransactionTemplate tx, Clock clock, SystemLog log, SignInFailures failures, ProviderAccessLog accessLog,
            Invitations invitations, Notices notices) {
        this.log = log;
        this.failures = failures;
        this.accessLog = accessLog;
        this.invitations = invitations;
        this.notices = notices;
        this.accounts = accounts;
        this.access = access;
        this.policy = policy;
        this.hasher = hasher;
        this.tx = tx;
        this.clock = clock;
    }

    public Account create(Caller caller, UUID tenantId, NewAccount request) {
        return accessLog.refusalsRecorded(caller, tenantId, "account.created", () -> createIn(caller, tenantId, request));
    }

    private Account createIn(Caller caller, UUID tenantId, NewAccount request) {
        Tenant tenant = access.enter(caller, tenantId, AccountPermissions.ACCOUNTS_WRITE);
        if (!caller.tenantId().equals(tenant.id())) {
            // a password chosen by provider staff would let them sign in as the customer's person
            throw new Forbidden("provider staff never set a customer's password: invite the person with "
                    + "POST /api/v1/tenants/" + tenant.id() + "/invitations");
        }
        checkAssignable(caller, tenant, request.role(), "role");
        return createUnchecked(tenant, request, caller);
    }

    /** Creates the first accounts at first start; no caller exists yet. */
    public Account bootstrap(Tenant tenant, NewAccount request) {
        return createUnchecked(tenant, request, null);
    }

    private Account createUnchecked(Tenant tenant, NewAccount r, Caller caller) {
        String username = r.username() == null ? null : r.username().strip().toLowerCase(Locale.ROOT);
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidField("username", "2 to 100 lower-case letters, digits or . _ @ -");
        }
        if (r.displayName() == null || r.displayName().isBlank() || r.displayName().length() > 200) {
            throw new InvalidField("displayName", "must be 1 to 200 characters");
        }
        if (r.role() == null) {
            throw new InvalidField("role", "is required");
        }
        if (!r.role().belongsIn(tenant.isProvider())) {
            throw new InvalidField("role", r.role() + " cannot exist in a " + (tenant.isProvider() ? "provider" : "customer") + " tenant");
        }
        policy.check("password", r.password(), username);
        var now = clock.instant();
        Account account = new Account(tenant.id(), UUID.randomUUID(), username, r.displayName().strip(), r.role(),
                hasher.hash(r.password()), null, false, 0, 0, null, false, now, now);
        return TenantScope.call(DataScope.tenant(tenant.id()), () -> tx.execute(s -> {
            if (accounts.findByUsername(tenant.id(), username).isPresent()) {
                throw new NameTaken("username", "'" + username + "' is taken in this tenant");
            }
            try {
                accounts.insert(account);
            } catch (DuplicateKeyException e) {
                throw new NameTaken("username", "'" + username + "' is taken in this tenant");
            }
            log.record(LogEvent.success(tenant.id(), caller, "account.created",
                    "account:" + account.id() + " role=" + account.role()));
            return account;
        }));
    }

    public Page<Account> list(Caller caller, UUID tenantId, PageRequest page) {
        Tenant tenant = access.enter(caller, tenantId, AccountPermissions.ACCOUNTS_READ);
        return TenantScope.call(DataScope.tenant(tenant.id()), () -> new Page<>(
                accounts.page(tenant.id(), page.offset(), page.size()), page.page(), page.size(),
                accounts.count(tenant.id())));
    }

    public Account get(Caller caller, UUID tenantId, UUID accountId) {
        Tenant tenant = access.enter(caller, tenantId, AccountPermissions.ACCOUNTS_READ);
        return find(tenant.id(), accountId).orElseThrow(() -> new NotFound("account " + accountId));
    }

    /**
     * An account as changed, and the one-time enrolment link when its second factor was reset
     * (given once, to the administrator who reset it, to hand to the account's holder).
     */
    public record ChangedAccount(Account account, IssuedInvitation enrolmentLink) {
    }

    public ChangedAccount change(Caller caller, UUID tenantId, UUID accountId, AccountPatch patch) {
        return accessLog.refusalsRecorded(caller, tenantId, "account.changed",
                () -> changeIn(caller, tenantId, accountId, patch));
    }

    private ChangedAccount changeIn(Caller caller, UUID tenantId, UUID accountId, AccountPatch patch) {
        Tenant tenant = access.enter(caller, tenantId, AccountPermissions.ACCOUNTS_WRITE);
        return TenantScope.call(DataScope.tenant(tenant.id()), () -> tx.execute(s -> {
            Account a = accounts.find(tenant.id(), accountId).orElseThrow(() -> new NotFound("account " + accountId));
            if (patch.expectedVersion() != null && patch.expectedVersion() != a.version()) {
                throw new StaleVersion("version", "the account was changed meanwhile (now version " + a.version() + ")", a.version());
            }
            checkAssignable(caller, tenant, a.role(), "accountId");
            Role role = a.role();
            if (patch.role() != null) {
                if (!patch.role().belongsIn(tenant.isProvider())) {
                    throw new InvalidField("role", patch.role() + " cannot exist in this tenant");
                }
                checkAssignable(caller, tenant, patch.role(), "role");
                role = patch.role();
            }
            boolean disabling = Boolean.TRUE.equals(patch.disabled());
            if (a.id().equals(caller.principalId()) && (disabling || role != a.role())) {
                throw new InvalidField("accountId", "you cannot disable or demote your own account");
            }
            String name = a.displayName();
            if (patch.displayName() != null) {
                if (patch.displayName().isBlank() || patch.displayName().length() > 200) {
                    throw new InvalidField("displayName", "must be 1 to 200 characters");
                }
                name = patch.displayName().strip();
            }
            boolean unlock = Boolean.TRUE.equals(patch.unlock());
            boolean resetMfa = Boolean.TRUE.equals(patch.resetMfa());
            boolean disabled = patch.disabled() != null ? patch.disabled() : a.disabled();
            // Disabling, a role change or an MFA reset ends the account's open console sessions.
            boolean endsSessions = resetMfa || role != a.role() || (disabled && !a.disabled());
            Account changed = new Account(a.tenantId(), a.id(), a.username(), name, role, a.passwordHash(),
                    null, !resetMfa && a.totpEnabled(), a.lastTotpStep(),
                    unlock ? 0 : a.failedLogins(), unlock ? null : a.lockedUntil(),
                    disabled, a.createdAt(), clock.instant(), a.version(),
                    a.securityEpoch() + (endsSessions ? 1 : 0));
            if (!accounts.update(changed)) {
                throw new StaleVersion("version", "the account was changed meanwhile", null);
            }
            if (resetMfa) {
                accounts.clearSecondFactor(a.tenantId(), a.id());
            }
            if (unlock) {
                failures.forgetAll(a.tenantId(), a.id());
            }
            String what = "account:" + a.id() + " role=" + changed.role() + " disabled=" + changed.disabled()
                    + (unlock ? " unlocked" : "") + (resetMfa ? " mfa-reset" : "");
            accessLog.record(LogEvent.success(tenant.id(), caller, "account.changed", what));
            Account updated = withVersion(changed, a.version() + 1);
            IssuedInvitation link = resetMfa ? invitations.issueMfaReset(caller, tenant, updated) : null;
            if (caller.isProvider() && !tenant.isProvider()) {
                notices.notify(new NoticeRequest(tenant.id(), Topic.PROVIDER_ACCESS,
                        Audience.of(Set.of(Role.CUSTOMER_ADMIN), ContactKind.SECURITY),
                        "Provider changed account " + a.username(),
                        caller.actor() + " (" + caller.role() + ") changed '" + a.username() + "': role " + a.role()
                                + " -> " + changed.role() + ", disabled " + a.disabled() + " -> " + changed.disabled()
                                + (unlock ? ", unlocked" : "") + (resetMfa ? ", second factor reset" : "") + "."));
            }
            return new ChangedAccount(updated, link);
        }));
    }

    /** The account as it reads after an update moved it to {@code version}. */
    private static Account withVersion(Account a, int version) {
        return new Account(a.tenantId(), a.id(), a.username(), a.displayName(), a.role(), a.passwordHash(), null,
                a.totpEnabled(), a.lastTotpStep(), a.failedLogins(), a.lockedUntil(), a.disabled(), a.createdAt(),
                a.updatedAt(), version, a.securityEpoch());
    }

    public java.util.Optional<Account> find(UUID tenantId, UUID accountId) {
        return TenantScope.call(DataScope.tenant(tenantId), () -> accounts.find(tenantId, accountId));
    }

    /**
     * Inside its own tenant, an administrator hands out that tenant's roles; managed-service staff
     * (the only provider staff who reach inside a customer tenant, see {@link TenantAccess}) manage
     * the customer's non-administrator accounts.
     */
    private static void checkAssignable(Caller caller, Tenant tenant, Role role, String field) {
        if (role == null) {
            return;
        }
        boolean own = caller.tenantId().equals(tenant.id());
        if (!own && caller.role() == Role.MANAGED_SERVICE && (!role.inCustomerTenant() || role == Role.CUSTOMER_ADMIN)) {
            // the customer's administrators are the ones who watch the provider: it neither makes nor unmakes them
            throw new Forbidden("managed-service staff manage the customer's non-administrator accounts only");
        }
        if (own && caller.role() != Role.OPERATOR && caller.role() != Role.CUSTOMER_ADMIN) {
            throw new Forbidden("role " + caller.role() + " does not manage accounts");
        }
    }
}
