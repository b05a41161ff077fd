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
import dev.steward.identity.internal.Accounts;
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

    SignIn(TenantRegister tenants, Accounts accounts, PasswordHasher hasher, PasswordPolicy policy,
            LoginThrottle throttle, TransactionTemplate tx, Clock clock,
            @Value("${steward.security.max-failed-logins:5}") int maxFailures,
            @Value("${steward.security.lockout:15m}") Duration lockout,
            io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
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
        SignInResult result = checkPassword(organisation, username, password, source);
        if (result instanceof Refused refused) {
            meters.counter("steward.signin.refused", "reason", refused.reason().name()).increment();
        }
        return result;
    }

    private SignInResult checkPassword(String organisation, String username, String password, String source) {
        if (!throttle.tryAcquire(source)) {
            return new Refused(Reason.RATE_LIMITED);
        }
        String slug = organisation == null ? "" : organisation.strip().toLowerCase(Locale.ROOT);
        String user = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        Optional<Tenant> tenant = tenants.findBySlug(slug);
        Optional<Account> account = tenant.flatMap(t -> TenantScope.call(DataScope.tenant(t.id()),
                () -> accounts.findByUsername(t.id(), user)));
        boolean passwordOk = hasher.matches(password == null ? "" : password, account.map(Account::passwordHash).orElse(null));
        if (account.isEmpty()) {
            return new Refused(Reason.BAD_CREDENTIALS);
        }
        Account a = account.get();
        var now = clock.instant();
        if (a.lockedAt(now)) {
            return new Refused(Reason.LOCKED);
        }
        if (!passwordOk) {
            TenantScope.run(DataScope.tenant(a.tenantId()),
                    () -> accounts.recordFailure(a.tenantId(), a.id(), maxFailures, now.plus(lockout), now));
            return new Refused(Reason.BAD_CREDENTIALS);
        }
        if (a.disabled()) {
            return new Refused(Reason.DISABLED);
        }
        if (!tenant.get().isActive()) {
            return new Refused(Reason.TENANT_INACTIVE);
        }
        Account reset = resetFailures(a);
        if (a.totpEnabled()) {
            return new Accepted(reset, Next.MFA_CODE);
        }
        return new Accepted(reset, a.role().mfaRequired() ? Next.MFA_ENROLMENT : Next.NONE);
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
                return false;
            }
            accounts.update(withTotp(a, a.totpSecret(), true, step.getAsLong(), now));
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
            accounts.update(withTotp(a, secret, false, a.lastTotpStep(), clock.instant()));
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
            accounts.update(withTotp(a, a.totpSecret(), true, step.getAsLong(), now));
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
            accounts.update(new Account(a.tenantId(), a.id(), a.username(), a.displayName(), a.role(),
                    hasher.hash(next), a.totpSecret(), a.totpEnabled(), a.lastTotpStep(), a.failedLogins(),
                    a.lockedUntil(), a.disabled(), a.createdAt(), clock.instant()));
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
        Account reset = new Account(a.tenantId(), a.id(), a.username(), a.displayName(), a.role(), a.passwordHash(),
                a.totpSecret(), a.totpEnabled(), a.lastTotpStep(), 0, null, a.disabled(), a.createdAt(), clock.instant());
        TenantScope.run(DataScope.tenant(a.tenantId()), () -> accounts.update(reset));
        return reset;
    }

    private static Account withTotp(Account a, String secret, boolean enabled, long step, java.time.Instant now) {
        return new Account(a.tenantId(), a.id(), a.username(), a.displayName(), a.role(), a.passwordHash(), secret,
                enabled, step, enabled ? 0 : a.failedLogins(), enabled ? null : a.lockedUntil(), a.disabled(),
                a.createdAt(), now);
    }
}
