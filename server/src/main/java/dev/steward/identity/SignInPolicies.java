package dev.steward.identity;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.evidence.LogEvent;
import dev.steward.evidence.SystemLog;
import dev.steward.identity.internal.TenantSignInPolicies;
import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;
import dev.steward.platform.InvalidField;
import dev.steward.platform.TenantScope;
import dev.steward.tenancy.Tenant;

/**
 * Whether an account must pass a second factor (SEC-10): every account of the provider tenant,
 * whatever its role (auditors and suppliers too), every account whose role requires it, and
 * every account of a customer tenant that requires it. A customer tenant's requirement is the
 * customer's to set: its own administrator, or managed-service staff under a fully managed
 * contract ({@link TenantAccess}). Other provider staff cannot reach it, so the provider can never
 * switch off a customer's second factor. The change is logged in the tenant's system log and
 * applies from each account's next sign-in.
 */
@Service
public class SignInPolicies {

    private final TenantSignInPolicies policies;
    private final TenantAccess access;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SystemLog log;

    SignInPolicies(TenantSignInPolicies policies, TenantAccess access, TransactionTemplate tx, Clock clock,
            SystemLog log) {
        this.policies = policies;
        this.access = access;
        this.tx = tx;
        this.clock = clock;
        this.log = log;
    }

    public boolean mfaRequired(Tenant tenant, Account account) {
        return tenant.isProvider() || account.role().mfaRequired()
                || TenantScope.call(DataScope.tenant(tenant.id()), () -> policies.mfaRequired(tenant.id()));
    }

    public SignInPolicy get(Caller caller, UUID tenantId) {
        Tenant tenant = access.enter(caller, tenantId, AccountPermissions.ACCOUNTS_READ);
        return policyOf(tenant);
    }

    public SignInPolicy change(Caller caller, UUID tenantId, Boolean mfaRequired) {
        // access first: another tenant's caller learns nothing, not even that the body was wrong
        Tenant tenant = access.enter(caller, tenantId, AccountPermissions.ACCOUNTS_WRITE);
        if (mfaRequired == null) {
            throw new InvalidField("mfaRequired", "is required (true or false)");
        }
        if (tenant.isProvider()) {
            throw new InvalidField("mfaRequired", "the provider tenant always requires a second factor");
        }
        TenantScope.run(DataScope.tenant(tenant.id()), () -> tx.executeWithoutResult(s -> {
            policies.setMfaRequired(tenant.id(), mfaRequired, clock.instant(), caller.actor());
            log.record(LogEvent.success(tenant.id(), caller, "tenant.sign-in-policy.changed",
                    "tenant:" + tenant.id() + " mfaRequired=" + mfaRequired));
        }));
        return policyOf(tenant);
    }

    private SignInPolicy policyOf(Tenant tenant) {
        return new SignInPolicy(tenant.id(), tenant.isProvider()
                || TenantScope.call(DataScope.tenant(tenant.id()), () -> policies.mfaRequired(tenant.id())));
    }
}
