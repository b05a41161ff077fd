package dev.steward.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.identity.SignInResult.Accepted;
import dev.steward.identity.SignInResult.Next;
import dev.steward.identity.SignInResult.Reason;
import dev.steward.identity.SignInResult.Refused;
import dev.steward.evidence.LogEvent;
import dev.steward.evidence.SystemLog;
import dev.steward.identity.internal.Accounts;
import dev.steward.identity.internal.IdentityKeys;
import dev.steward.identity.internal.SignInFailures;
import dev.steward.platform.Caller;
import dev.steward.platform.StaleVersion;
import dev.steward.platform.DataScope;
import dev.steward.platform.InvalidField;
import dev.steward.platform.NotFound;
import dev.steward.platform.TenantScope;
import dev.steward.tenancy.Tenant;
import dev.steward.tenancy.TenantRegister;

/**
 * Password and second-factor checks of a person signing in (SEC-10): both steps rate limited per
 * source address; wrong passwords lock the account at that source only, for a while (so a
 * guesser elsewhere cannot lock its owner out); wrong codes count account-wide and lock the
 * second factor for growing periods, since whoever sends them already has the password; each
 * code is used at most once, even by simultaneous submissions; inactive tenants refused. See
 * {@code docs/design/sign-in.md}.
 */
@Service
public class SignIn {

    private final TenantRegister tenants;
    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;
    private final int maxCodeFailures;
    private final io.micrometer.core.instrument.MeterRegistry meters;
    private final SystemLog log;
    private final SignInFailures failures;
    private final IdentityKeys keys;
    private final SignInPolicies policies;
    private final Invitations invitations;

    SignIn(TenantRegister tenants, Accounts accounts, PasswordHasher hasher, PasswordPolicy policy,
            LoginThrottle throttle, TransactionTemplate tx, Clock clock,
            @Value("${steward.security.max-failed-logins:5}") int maxFailures,
            @Value("${steward.security.lockout:15m}") Duration lockout,
            @Value("${steward.security.max-failed-codes:5}") int maxCodeFailures,
            io.micrometer.core.instrument.MeterRegistry meters, SystemLog log, SignInFailures failures,
            IdentityKeys keys, SignInPolicies policies, Invitations invitations) {
        this.invitations = invitations;
        this.meters = meters;
        this.log = log;
        this.failures = failures;
        this.keys = keys;
        this.policies = policies;
        this.maxCodeFailures = maxCodeFailures;
        this.tenants = tenants;
        this.accounts = accounts;
        this.hasher = hasher;
        this.policy = policy;
        this.throttle = throttle;
        this.tx = tx;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    /**
     * Checks the password step; every refusal is counted in the metric
     * {@code steward.signin.refused{reason}}, so the security team can alert on guessing.
     */
    public SignInResult password(String organisation, String username, String password, String source) {
        String slug = organisation == null ? "" : organisation.strip().toLowerCase(Locale.ROOT);
        String user = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        Attempt attempt = checkPassword(slug, user, password, source);
        UUID logTenant = attempt.tenant().map(Tenant::id).orElse(DataScope.PROVIDER_TENANT);
        // The consequence of the attempt (failure count, lock-out, reset) and its log entry commit together.
        TenantScope.run(DataScope.tenant(logTenant), () -> tx.executeWithoutResult(s -> {
            var now = clock.instant();
            if (attempt.result() instanceof Refused refused) {
                if (refused.reason() == Reason.BAD_CREDENTIALS && attempt.account().isPresent()) {
                    Account a = attempt.account().get();
                    failures.recordFailure(a.tenantId(), a.id(), attempt.sourceRef(), maxFailures, lockout, now);
                }
                log.record(LogEvent.of(logTenant, null, "auth.signin.refused").object("reason=" + refused.reason())
                        .refused().actorName(slug + "/" + user).from(source));
            } else if (attempt.result() instanceof Accepted accepted) {
                // Only this source's password failures are forgotten; wrong codes keep counting.
                failures.forget(accepted.account().tenantId(), accepted.account().id(), attempt.sourceRef());
                log.record(LogEvent.success(logTenant, callerOf(accepted.account()),
                        accepted.next() == Next.NONE ? "auth.signin.succeeded" : "auth.signin.password-accepted",
                        "account:" + accepted.account().id() + " next=" + accepted.next()).from(source));
            }
        }));
        if (attempt.result() instanceof Refused refused) {
            meters.counter("steward.signin.refused", "reason", refused.reason().name()).increment();
        }
        return attempt.result();
    }

    private record Attempt(SignInResult result, Optional<Tenant> tenant, Optional<Account> account, String sourceRef) {

        Attempt(SignInResult result, Optional<Tenant> tenant, Optional<Account> account) {
            this(result, tenant, account, null);
        }
    }

    private Attempt checkPassword(String slug, String user, String password, String source) {
        if (!throttle.tryAcquire(source)) {
            return new Attempt(new Refused(Reason.RATE_LIMITED), Optional.empty(), Optional.empty());
        }
        Optional<Tenant> tenant = tenants.findBySlug(slug);
        Optional<Account> account = tenant.flatMap(t -> TenantScope.call(DataScope.tenant(t.id()),
                () -> accounts.findByUsername(t.id(), user)));
        boolean passwordOk = hasher.matches(password == null ? "" : password, account.map(Account::passwordHash).orElse(null));
        if (account.isEmpty()) {
            return new Attempt(new Refused(Reason.BAD_CREDENTIALS), tenant, account);
        }
        Account a = account.get();
        var now = clock.instant();
        String sourceRef = TenantScope.call(DataScope.tenant(a.tenantId()),
                () -> tx.execute(s -> keys.sourceRef(a.tenantId(), String.valueOf(source))));
        boolean lockedHere = TenantScope.call(DataScope.tenant(a.tenantId()),
                () -> failures.find(a.tenantId(), a.id(), sourceRef)).map(f -> f.lockedAt(now)).orElse(false);
        if (a.lockedAt(now) || lockedHere) {
            return new Attempt(new Refused(Reason.LOCKED), tenant, account, sourceRef);
        }
        if (!passwordOk) {
            return new Attempt(new Refused(Reason.BAD_CREDENTIALS), tenant, account, sourceRef);
        }
        if (a.disabled()) {
            return new Attempt(new Refused(Reason.DISABLED), tenant, account, sourceRef);
        }
        if (!tenant.get().isActive()) {
            return new Attempt(new Refused(Reason.TENANT_INACTIVE), tenant, account, sourceRef);
        }
        if (invitations.mfaResetPending(a.tenantId(), a.id())) {
            // after an MFA reset the password alone reaches nothing: the enrolment link is needed too
            return new Attempt(new Refused(Reason.MFA_RESET_PENDING), tenant, account, sourceRef);
        }
        Next next = a.totpEnabled() ? Next.MFA_CODE
                : policies.mfaRequired(tenant.get(), a) ? Next.MFA_ENROLMENT : Next.NONE;
        return new Attempt(new Accepted(a, next), tenant, account, sourceRef);
    }

    private static Caller callerOf(Account a) {
        return new Caller(a.tenantId(), a.id(), a.username(), a.role(), Caller.Kind.ACCOUNT);
    }

    /**
     * Checks a TOTP code for an account that passed its password, from {@code source} (rate
     * limited per source like the password step). Wrong codes count account-wide and are not
     * forgotten by a right password; every {@code max-failed-codes} of them lock the second factor
     * for twice as long as the previous lock (from {@code lockout}, at most a day). A code is
     * accepted once: of simultaneous submissions of one code, exactly one wins.
     */
    public boolean secondFactor(UUID tenantId, UUID accountId, String code, String source) {
        if (!throttle.tryAcquire("second-factor|" + source)) {
            meters.counter("steward.signin.refused", "reason", Reason.RATE_LIMITED.name()).increment();
            return false;
        }
        return TenantScope.call(DataScope.tenant(tenantId), () -> tx.execute(s -> {
            Account a = accounts.find(tenantId, accountId).orElseThrow(() -> new NotFound("account"));
            var now = clock.instant();
            Optional<byte[]> sealed = accounts.sealedSeed(tenantId, accountId);
            if (a.lockedAt(now) || a.disabled() || !a.totpEnabled() || sealed.isEmpty()) {
                return false;
            }
            String seed = keys.openSeedForSignIn(tenantId, accountId, sealed.get());
            OptionalLong step = Totp.verify(seed, code, now, a.lastTotpStep());
            if (step.isEmpty()) {
                int wrong = accounts.recordSecondFactorFailure(tenantId, accountId, now);
                if (wrong % maxCodeFailures == 0) {
                    accounts.lockUntil(tenantId, accountId, now.plus(codeLockout(wrong / maxCodeFailures)));
                }
                meters.counter("steward.signin.refused", "reason", "BAD_SECOND_FACTOR").increment();
                log.record(LogEvent.of(tenantId, callerOf(a), "auth.mfa.refused").object("account:" + a.id())
                        .refused().actorName(a.username()).from(source));
                return false;
            }
            if (!accounts.useTotpStep(tenantId, accountId, step.getAsLong(), false, now)) {
                // another submission of this code (or a later one) won meanwhile
                log.record(LogEvent.of(tenantId, callerOf(a), "auth.mfa.refused").object("account:" + a.id() + " replayed")
                        .refused().actorName(a.username()).from(source));
                return false;
            }
            log.record(LogEvent.success(tenantId, callerOf(a), "auth.signin.succeeded", "account:" + a.id() + " mfa=totp")
                    .from(source));
            return true;
        }));
    }

    private Duration codeLockout(int nthLock) {
        Duration max = Duration.ofDays(1);
        Duration d = lockout.multipliedBy(1L << Math.min(nthLock - 1, 20));
        return d.compareTo(max) > 0 ? max : d;
    }

    /**
     * Starts TOTP enrolment: a new seed is stored sealed, not yet active (a pending one is shown
     * again); returns it for the QR code.
     */
    public String beginEnrolment(UUID tenantId, UUID accountId) {
        return TenantScope.call(DataScope.tenant(tenantId), () -> tx.execute(s -> {
            Account a = accounts.find(tenantId, accountId).orElseThrow(() -> new NotFound("account"));
            if (a.totpEnabled()) {
                throw new InvalidField("totp", "a second factor is already enrolled; an administrator can reset it");
            }
            Optional<byte[]> pending = accounts.sealedSeed(tenantId, accountId);
            if (pending.isPresent()) {
                return keys.openSeedForSignIn(tenantId, accountId, pending.get());
            }
            String secret = Totp.newSecret();
            accounts.storePendingSeed(tenantId, accountId, keys.sealSeed(tenantId, accountId, secret), clock.instant());
            return secret;
        }));
    }

    /** Activates the pending seed once the person proves their app produces its codes. */
    public boolean confirmEnrolment(UUID tenantId, UUID accountId, String code) {
        return TenantScope.call(DataScope.tenant(tenantId), () -> tx.execute(s -> {
            Account a = accounts.find(tenantId, accountId).orElseThrow(() -> new NotFound("account"));
            Optional<byte[]> sealed = accounts.sealedSeed(tenantId, accountId);
            if (a.totpEnabled() || sealed.isEmpty()) {
                return false;
            }
            var now = clock.instant();
            String seed = keys.openSeedForSignIn(tenantId, accountId, sealed.get());
            OptionalLong step = Totp.verify(seed, code, now, a.lastTotpStep());
            if (step.isEmpty() || !accounts.useTotpStep(tenantId, accountId, step.getAsLong(), true, now)) {
                return false;
            }
            log.record(LogEvent.success(tenantId, callerOf(a), "auth.mfa.enrolled", "account:" + a.id()));
            return true;
        }));
    }

    /** Changes the password; the account's other open sessions end. Returns the changed account. */
    public Account changePassword(UUID tenantId, UUID accountId, String current, String next) {
        return TenantScope.call(DataScope.tenant(tenantId), () -> tx.execute(s -> {
            Account a = accounts.find(tenantId, accountId).orElseThrow(() -> new NotFound("account"));
            if (!hasher.matches(current == null ? "" : current, a.passwordHash())) {
                throw new InvalidField("currentPassword", "is wrong");
            }
            policy.check("newPassword", next, a.username());
            Account changed = a.withPasswordHash(hasher.hash(next), clock.instant());
            if (!accounts.update(changed)) {
                throw new StaleVersion("version", "the account was changed meanwhile; try again", null);
            }
            log.record(LogEvent.success(tenantId, callerOf(a), "account.password-changed", "account:" + a.id()));
            return accounts.find(tenantId, accountId).orElseThrow();
        }));
    }

    public Account account(UUID tenantId, UUID accountId) {
        return TenantScope.call(DataScope.tenant(tenantId), () -> accounts.find(tenantId, accountId))
                .orElseThrow(() -> new NotFound("account " + accountId));
    }

    /**
     * Whether a console session opened for {@code caller} at {@code securityEpoch} may go on: its
     * account still exists, is enabled, has the same role and epoch (no password change, MFA reset,
     * disabling or demotion since), and its tenant is still active.
     */
    public boolean sessionStillValid(Caller caller, int securityEpoch) {
        Optional<Account> a = TenantScope.call(DataScope.tenant(caller.tenantId()),
                () -> accounts.find(caller.tenantId(), caller.principalId()));
        return a.isPresent() && !a.get().disabled() && a.get().role() == caller.role()
                && a.get().securityEpoch() == securityEpoch
                && tenants.find(caller.tenantId()).map(Tenant::isActive).orElse(false);
    }
}
