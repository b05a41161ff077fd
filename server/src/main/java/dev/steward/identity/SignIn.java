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
import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;
import dev.steward.platform.InvalidField;
import dev.steward.platform.NotFound;
import dev.steward.platform.TenantScope;
import dev.steward.tenancy.Tenant;
import dev.steward.tenancy.TenantRegister;

/**
 * Password and second-factor checks of a person signing in: rate limited per source address,
 * accounts locked for a while after repeated failures, inactive tenants refused.
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
    private final io.micrometer.core.instrument.MeterRegistry meters;
    private final SystemLog log;
    private final Invitations invitations;

    SignIn(TenantRegister tenants, Accounts accounts, PasswordHasher hasher, PasswordPolicy policy,
            LoginThrottle throttle, TransactionTemplate tx, Clock clock,
            @Value("${steward.security.max-failed-logins:5}") int maxFailures,
            @Value("${steward.security.lockout:15m}") Duration lockout,
            io.micrometer.core.instrument.MeterRegistry meters, SystemLog log, Invitations invitations) {
        this.invitations = invitations;
        this.meters = meters;
        this.log = log;
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
                    accounts.recordFailure(a.tenantId(), a.id(), maxFailures, now.plus(lockout), now);
                }
                log.record(new LogEvent(logTenant, null, "auth.signin.refused", "reason=" + refused.reason(), null,
                        "refused", null, slug + "/" + user, source));
            } else if (attempt.result() instanceof Accepted accepted) {
                resetFailures(accepted.account());
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

    private record Attempt(SignInResult result, Optional<Tenant> tenant, Optional<Account> account) {
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
        if (a.lockedAt(clock.instant())) {
            return new Attempt(new Refused(Reason.LOCKED), tenant, account);
        }
        if (!passwordOk) {
            return new Attempt(new Refused(Reason.BAD_CREDENTIALS), tenant, account);
        }
        if (a.disabled()) {
            return new Attempt(new Refused(Reason.DISABLED), tenant, account);
        }
        if (!tenant.get().isActive()) {
            return new Attempt(new Refused(Reason.TENANT_INACTIVE), tenant, account);
        }
        if (invitations.mfaResetPending(a.tenantId(), a.id())) {
            // after an MFA reset the password alone reaches nothing: the enrolment link is needed too
            return new Attempt(new Refused(Reason.MFA_RESET_PENDING), tenant, account);
        }
        Next next = a.totpEnabled() ? Next.MFA_CODE : a.role().mfaRequired() ? Next.MFA_ENROLMENT : Next.NONE;
        return new Attempt(new Accepted(a, next), tenant, account);
    }

    private static Caller callerOf(Account a) {
        return new Caller(a.tenantId(), a.id(), a.username(), a.role(), Caller.Kind.ACCOUNT);
    }

    /** Checks a TOTP code for an account that passed its password; failures count like password failures. */
    public boolean secondFactor(UUID tenantId, UUID accountId, String code) {
        return TenantScope.call(DataScope.tenant(tenantId), () -> tx.execute(s -> {
            Account a = accounts.find(tenantId, accountId).orElseThrow(() -> new NotFound("account"));
            var now = clock.instant();
            if (a.lockedAt(now) || a.disabled() || !a.totpEnabled()) {
                return false;
            }
            OptionalLong step = Totp.verify(a.totpSecret(), code, now, a.lastTotpStep());
            if (step.isEmpty()) {
                accounts.recordFailure(tenantId, accountId, maxFailures, now.plus(lockout), now);
                meters.counter("steward.signin.refused", "reason", "BAD_SECOND_FACTOR").increment();
                log.record(new LogEvent(tenantId, callerOf(a), "auth.mfa.refused", "account:" + a.id(), null, "refused",
                        null, a.username()));
                return false;
            }
            accounts.update(a.withTotp(a.totpSecret(), true, step.getAsLong(), now));
            log.record(LogEvent.success(tenantId, callerOf(a), "auth.signin.succeeded", "account:" + a.id() + " mfa=totp"));
            return true;
        }));
    }

    /** Starts TOTP enrolment: a new secret is stored, not yet active; returns it for the QR code. */
    public String beginEnrolment(UUID tenantId, UUID accountId) {
        return TenantScope.call(DataScope.tenant(tenantId), () -> tx.execute(s -> {
            Account a = accounts.find(tenantId, accountId).orElseThrow(() -> new NotFound("account"));
            if (a.totpEnabled()) {
                throw new InvalidField("totp", "a second factor is already enrolled; an administrator can reset it");
            }
            String secret = a.totpSecret() != null ? a.totpSecret() : Totp.newSecret();
            accounts.update(a.withTotp(secret, false, a.lastTotpStep(), clock.instant()));
            return secret;
        }));
    }

    /** Activates the pending secret once the person proves their app produces its codes. */
    public boolean confirmEnrolment(UUID tenantId, UUID accountId, String code) {
        return TenantScope.call(DataScope.tenant(tenantId), () -> tx.execute(s -> {
            Account a = accounts.find(tenantId, accountId).orElseThrow(() -> new NotFound("account"));
            if (a.totpEnabled() || a.totpSecret() == null) {
                return false;
            }
            var now = clock.instant();
            OptionalLong step = Totp.verify(a.totpSecret(), code, now, a.lastTotpStep());
            if (step.isEmpty()) {
                return false;
            }
            accounts.update(a.withTotp(a.totpSecret(), true, step.getAsLong(), now));
            log.record(LogEvent.success(tenantId, callerOf(a), "auth.mfa.enrolled", "account:" + a.id()));
            return true;
        }));
    }

    public void changePassword(UUID tenantId, UUID accountId, String current, String next) {
        TenantScope.run(DataScope.tenant(tenantId), () -> tx.executeWithoutResult(s -> {
            Account a = accounts.find(tenantId, accountId).orElseThrow(() -> new NotFound("account"));
            if (!hasher.matches(current == null ? "" : current, a.passwordHash())) {
                throw new InvalidField("currentPassword", "is wrong");
            }
            policy.check("newPassword", next, a.username());
            accounts.update(a.withPasswordHash(hasher.hash(next), clock.instant()));
            log.record(LogEvent.success(tenantId, callerOf(a), "account.password-changed", "account:" + a.id()));
        }));
    }

    public Account account(UUID tenantId, UUID accountId) {
        return TenantScope.call(DataScope.tenant(tenantId), () -> accounts.find(tenantId, accountId))
                .orElseThrow(() -> new NotFound("account " + accountId));
    }

    private Account resetFailures(Account a) {
        if (a.failedLogins() == 0 && a.lockedUntil() == null) {
            return a;
        }
        Account reset = a.withFailuresReset(clock.instant());
        accounts.update(reset);
        return reset;
    }
}
