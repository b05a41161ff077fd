package dev.steward.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.evidence.LogEvent;
import dev.steward.identity.internal.Accounts;
import dev.steward.identity.internal.IdentityKeys;
import dev.steward.identity.internal.SignInFailures;
import dev.steward.identity.internal.InvitationRows;
import dev.steward.identity.internal.InvitationToken;
import dev.steward.notices.Audience;
import dev.steward.notices.ContactKind;
import dev.steward.notices.NoticeRequest;
import dev.steward.notices.Notices;
import dev.steward.notices.Topic;
import dev.steward.platform.Caller;
import dev.steward.platform.NameTaken;
import dev.steward.platform.DataScope;
import dev.steward.platform.Forbidden;
import dev.steward.platform.InvalidField;
import dev.steward.platform.NotFound;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;
import dev.steward.tenancy.Tenant;
import dev.steward.tenancy.TenantRegister;
import dev.steward.tenancy.TenantPermissions;

/**
 * One-time links by which a person sets their own credentials (ROLE-1, SEC-4).
 * <p>Security guarantees:
 * <ul>
 * <li>Nobody but the invited person ever chooses their password: an invitation carries none, and
 * the person sets it together with a second factor, which is mandatory for every invited account.</li>
 * <li>A link is 256 random bits, stored only as SHA-256, valid for {@code steward.invitations.valid-for}
 * and usable once, even under concurrent submissions; issuing a new link of the same kind revokes
 * the open one.</li>
 * <li>A provider operator invites only the first administrator of a customer tenant that has none;
 * managed-service staff invite non-administrator accounts of a fully managed tenant. Every link
 * issued or used by provider staff is logged in the customer's log, listed for the customer and
 * announced in its administrators' inbox.</li>
 * <li>After an MFA reset the account signs in with nothing until its holder enrols a new factor with
 * the link <b>and</b> the account's password: the administrator who holds the link does not know
 * the password, and the password alone does not reach enrolment.</li>
 * </ul>
 */
@Service
public class Invitations {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,99}");

    private final InvitationRows rows;
    private final Accounts accounts;
    private final TenantRegister tenants;
    private final TenantAccess access;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final ProviderAccessLog accessLog;
    private final Notices notices;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration validFor;
    private final int maxFailures;
    private final Duration lockout;
    private final IdentityKeys keys;
    private final SignInFailures failures;

    Invitations(InvitationRows rows, Accounts accounts, TenantRegister tenants, TenantAccess access, PasswordPolicy policy,
            PasswordHasher hasher, LoginThrottle throttle, ProviderAccessLog accessLog, Notices notices,
            TransactionTemplate tx, Clock clock, @Value("${steward.invitations.valid-for:72h}") Duration validFor,
            @Value("${steward.security.max-failed-logins:5}") int maxFailures,
            @Value("${steward.security.lockout:15m}") Duration lockout, IdentityKeys keys, SignInFailures failures) {
        this.keys = keys;
        this.failures = failures;
        this.rows = rows;
        this.accounts = accounts;
        this.tenants = tenants;
        this.access = access;
        this.policy = policy;
        this.hasher = hasher;
        this.throttle = throttle;
        this.accessLog = accessLog;
        this.notices = notices;
        this.tx = tx;
        this.clock = clock;
        this.validFor = validFor;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    /**
     * Invites a person into a tenant: a provider operator the first administrator of a customer
     * tenant without one; an administrator anyone of their own tenant up to their own role;
     * managed-service staff non-administrators of a fully managed tenant.
     */
    public IssuedInvitation issue(Caller caller, UUID tenantId, NewInvitation r) {
        return accessLog.refusalsRecorded(caller, tenantId, "invitation.issued", () -> issueChecked(caller, tenantId, r));
    }

    private IssuedInvitation issueChecked(Caller caller, UUID tenantId, NewInvitation r) {
        boolean onboarding = caller.isProvider() && !caller.tenantId().equals(tenantId)
                && caller.role().allows(TenantPermissions.TENANTS_WRITE);
        Tenant tenant = onboarding ? customerToOnboard(caller, tenantId) : access.enter(caller, tenantId, AccountPermissions.ACCOUNTS_WRITE);
        // checked once the caller may be here at all: a stranger learns nothing from a 400
        if (r.password() != null) {
            throw new InvalidField("password", "is set by the invited person, never by whoever invites them");
        }
        String username = username(r.username());
        String displayName = displayName(r.displayName());
        Role role = role(caller, tenant, r.role(), onboarding);
        boolean byProvider = caller.isProvider() && !tenant.isProvider();
        Instant now = clock.instant();
        InvitationPurpose purpose = onboarding ? InvitationPurpose.ONBOARDING : InvitationPurpose.NEW_ACCOUNT;
        Invitation invitation = new Invitation(tenant.id(), UUID.randomUUID(), purpose, null, username, displayName, role,
                caller.actor(), byProvider, now, now.plus(validFor), null, null);
        InvitationToken token = InvitationToken.fresh(tenant.id(), invitation.id());
        return TenantScope.call(DataScope.tenant(tenant.id()), () -> tx.execute(s -> {
            if (onboarding) {
                requireNoAdministrator(tenant);
                rows.revokeOpen(tenant.id(), InvitationPurpose.ONBOARDING, null, now);
            }
            if (accounts.findByUsername(tenant.id(), username).isPresent() || rows.openForUsername(tenant.id(), username, now)) {
                throw new NameTaken("username", "'" + username + "' is taken or invited in this tenant");
            }
            rows.insert(invitation, token.secretHash());
            accessLog.record(LogEvent.success(tenant.id(), caller, "invitation.issued",
                    "invitation:" + invitation.id() + " purpose=" + purpose + " role=" + role));
            if (byProvider) {
                notices.notify(new NoticeRequest(tenant.id(), Topic.PROVIDER_ACCESS,
                        Audience.of(Set.of(Role.CUSTOMER_ADMIN), ContactKind.SECURITY),
                        "Provider invited " + username + " as " + role,
                        caller.actor() + " (" + caller.role() + ") issued a one-time invitation for '" + username
                                + "' with role " + role + ", valid until " + invitation.expiresAt() + "."));
            }
            return new IssuedInvitation(invitation, token.text());
        }));
    }

    /**
     * Issues the enrolment link of an account whose second factor an administrator has just reset,
     * in the administrator's transaction; an earlier open link of the account is revoked.
     */
    IssuedInvitation issueMfaReset(Caller caller, Tenant tenant, Account account) {
        Instant now = clock.instant();
        rows.revokeOpen(tenant.id(), InvitationPurpose.MFA_RESET, account.id(), now);
        Invitation invitation = new Invitation(tenant.id(), UUID.randomUUID(), InvitationPurpose.MFA_RESET, account.id(),
                account.username(), account.displayName(), account.role(), caller.actor(),
                caller.isProvider() && !tenant.isProvider(), now, now.plus(validFor), null, null);
        InvitationToken token = InvitationToken.fresh(tenant.id(), invitation.id());
        rows.insert(invitation, token.secretHash());
        accessLog.record(LogEvent.success(tenant.id(), caller, "invitation.issued",
                "invitation:" + invitation.id() + " purpose=MFA_RESET account:" + account.id()));
        return new IssuedInvitation(invitation, token.text());
    }

    /** Whether the account's second factor was reset and no new one was enrolled with its link yet. */
    public boolean mfaResetPending(UUID tenantId, UUID accountId) {
        return TenantScope.call(DataScope.tenant(tenantId), () -> rows.resetPending(tenantId, accountId));
    }

    /** The open invitation a link names; {@link InvitationInvalid} for anything else. */
    public Invitation open(String link) {
        InvitationToken token = InvitationToken.parse(link).orElseThrow(InvitationInvalid::new);
        return TenantScope.call(DataScope.tenant(token.tenantId()), () -> openInvitation(token, clock.instant()));
    }

    private Invitation openInvitation(InvitationToken token, Instant now) {
        InvitationRows.Stored stored = rows.find(token.tenantId(), token.invitationId()).orElseThrow(InvitationInvalid::new);
        if (!token.matches(stored.secretHash()) || !stored.invitation().openAt(now)) {
            throw new InvitationInvalid();
        }
        return stored.invitation();
    }

    /**
     * Accepts a new-account or onboarding link: the person's own password and a TOTP secret they
     * proved with a current code. Creates the account with the factor enrolled, once.
     */
    public Account acceptNewAccount(String link, String password, String totpSecret, String code) {
        InvitationToken token = InvitationToken.parse(link).orElseThrow(InvitationInvalid::new);
        return TenantScope.call(DataScope.tenant(token.tenantId()), () -> tx.execute(s -> {
            Instant now = clock.instant();
            Invitation i = openInvitation(token, now);
            if (i.purpose() == InvitationPurpose.MFA_RESET) {
                throw new InvitationInvalid();
            }
            Tenant tenant = tenants.find(i.tenantId()).filter(Tenant::isActive).orElseThrow(InvitationInvalid::new);
            policy.check("password", password, i.username());
            long step = provenStep(totpSecret, code);
            if (i.purpose() == InvitationPurpose.ONBOARDING) {
                requireNoAdministrator(tenant);
            }
            if (accounts.findByUsername(tenant.id(), i.username()).isPresent()) {
                throw new NameTaken("username", "'" + i.username() + "' is taken in this tenant");
            }
            Account account = new Account(tenant.id(), UUID.randomUUID(), i.username(), i.displayName(), i.role(),
                    hasher.hash(password), null, false, 0, 0, null, false, now, now);
            if (!rows.claim(tenant.id(), i.id(), account.id(), now)) {
                throw new InvitationInvalid();
            }
            accounts.insert(account);
            enrol(account, totpSecret, step, now);
            Caller person = new Caller(tenant.id(), account.id(), account.username(), account.role(), Caller.Kind.ACCOUNT);
            accessLog.record(LogEvent.success(tenant.id(), person, "account.created", "account:" + account.id() + " role="
                    + account.role() + " invitation:" + i.id() + (i.issuedByProvider() ? " issued-by-provider" : "")));
            accessLog.record(LogEvent.success(tenant.id(), person, "auth.mfa.enrolled", "account:" + account.id()));
            if (i.issuedByProvider()) {
                notices.notify(new NoticeRequest(tenant.id(), Topic.PROVIDER_ACCESS,
                        Audience.of(Set.of(Role.CUSTOMER_ADMIN), ContactKind.SECURITY),
                        "Account " + account.username() + " created from a provider invitation",
                        "'" + account.username() + "' (" + account.role() + ") accepted the invitation that "
                                + i.issuedBy() + " issued at " + i.issuedAt() + ", set a password and enrolled a second factor."));
            }
            return accounts.find(tenant.id(), account.id()).orElseThrow(InvitationInvalid::new);
        }));
    }

    /**
     * Enrols a new second factor with an MFA-reset link: needs the account's current password as
     * well; a wrong one counts as a failed sign-in (lock-out applies).
     */
    public Account acceptMfaReset(String link, String currentPassword, String totpSecret, String code, String source) {
        InvitationToken token = InvitationToken.parse(link).orElseThrow(InvitationInvalid::new);
        if (!throttle.tryAcquire(source)) {
            throw new InvalidField("currentPassword", "too many attempts from your address; wait a minute");
        }
        return TenantScope.call(DataScope.tenant(token.tenantId()), () -> {
            Instant now = clock.instant();
            Invitation i = openInvitation(token, now);
            if (i.purpose() != InvitationPurpose.MFA_RESET) {
                throw new InvitationInvalid();
            }
            Account a = accounts.find(i.tenantId(), i.accountId()).orElseThrow(InvitationInvalid::new);
            String sourceRef = keys.sourceRef(a.tenantId(), String.valueOf(source));
            // the same lock as sign-in: by account and source, so a stranger cannot lock the owner out
            boolean lockedHere = failures.find(a.tenantId(), a.id(), sourceRef).map(f -> f.lockedAt(now)).orElse(false);
            if (a.disabled() || a.lockedAt(now) || lockedHere) {
                throw new InvalidField("currentPassword", "this account is disabled or locked for a while");
            }
            if (!hasher.matches(currentPassword == null ? "" : currentPassword, a.passwordHash())) {
                tx.executeWithoutResult(s -> {
                    failures.recordFailure(a.tenantId(), a.id(), sourceRef, maxFailures, lockout, now);
                    accessLog.record(LogEvent.of(a.tenantId(), callerOf(a), "auth.mfa.enrolment-refused")
                            .object("account:" + a.id() + " invitation:" + i.id()).refused().actorName(a.username()));
                });
                throw new InvalidField("currentPassword", "is wrong");
            }
            long step = provenStep(totpSecret, code);
            return tx.execute(s -> {
                if (!rows.claim(a.tenantId(), i.id(), a.id(), now)) {
                    throw new InvitationInvalid();
                }
                enrol(a, totpSecret, step, now);
                Account enrolled = accounts.find(a.tenantId(), a.id()).orElseThrow(InvitationInvalid::new);
                accessLog.record(LogEvent.success(a.tenantId(), callerOf(a), "auth.mfa.enrolled",
                        "account:" + a.id() + " invitation:" + i.id()));
                return enrolled;
            });
        });
    }

    /** Stores the proven seed sealed under the tenant's keys and enables it at the step its code used. */
    private void enrol(Account a, String totpSecret, long step, Instant now) {
        accounts.storePendingSeed(a.tenantId(), a.id(), keys.sealSeed(a.tenantId(), a.id(), totpSecret), now);
        if (!accounts.useTotpStep(a.tenantId(), a.id(), step, true, now)) {
            throw new InvitationInvalid();
        }
    }

    private static Caller callerOf(Account a) {
        return new Caller(a.tenantId(), a.id(), a.username(), a.role(), Caller.Kind.ACCOUNT);
    }

    private long provenStep(String secret, String code) {
        if (secret == null || secret.isBlank()) {
            throw new InvalidField("code", "open the link again to get a new QR code");
        }
        OptionalLong step = Totp.verify(secret, code == null ? "" : code.strip(), clock.instant(), 0);
        if (step.isEmpty()) {
            throw new InvalidField("code", "is not the current code of the authenticator app");
        }
        return step.getAsLong();
    }

    private Tenant customerToOnboard(Caller caller, UUID tenantId) {
        caller.require(TenantPermissions.TENANTS_WRITE);
        Tenant tenant = tenants.find(tenantId).orElseThrow(() -> new NotFound("tenant " + tenantId));
        if (tenant.isProvider() || !tenant.isActive()) {
            throw new Forbidden("onboarding is for an active customer tenant");
        }
        return tenant;
    }

    private void requireNoAdministrator(Tenant tenant) {
        if (accounts.countWithRole(tenant.id(), Role.CUSTOMER_ADMIN) > 0) {
            throw new TenantHasAdministrator("tenant " + tenant.id() + " has an administrator; its administrators invite "
                    + "their own people, and provider staff act inside it only under a fully managed contract");
        }
    }

    private static Role role(Caller caller, Tenant tenant, Role role, boolean onboarding) {
        if (role == null) {
            throw new InvalidField("role", "is required");
        }
        if (!role.belongsIn(tenant.isProvider()) || role == Role.SUBJECT) {
            throw new InvalidField("role", role + " cannot be invited into this tenant");
        }
        if (onboarding && role != Role.CUSTOMER_ADMIN) {
            throw new InvalidField("role", "onboarding invites the customer's first CUSTOMER_ADMIN");
        }
        boolean own = caller.tenantId().equals(tenant.id());
        if (!own && !onboarding && role == Role.CUSTOMER_ADMIN) {
            throw new Forbidden("managed-service staff do not make customer administrators; the customer's do");
        }
        if (own && caller.role() != Role.OPERATOR && caller.role() != Role.CUSTOMER_ADMIN) {
            throw new Forbidden("role " + caller.role() + " does not invite accounts");
        }
        return role;
    }

    static String username(String raw) {
        String username = raw == null ? null : raw.strip().toLowerCase(Locale.ROOT);
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidField("username", "2 to 100 lower-case letters, digits or . _ @ -");
        }
        return username;
    }

    static String displayName(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 200) {
            throw new InvalidField("displayName", "must be 1 to 200 characters");
        }
        return raw.strip();
    }
}
