package dev.steward.records.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.evidence.LogEvent;
import dev.steward.evidence.SystemLog;
import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;
import dev.steward.platform.NotFound;
import dev.steward.platform.TenantScope;
import dev.steward.records.Access;
import dev.steward.records.AccessGuard;
import dev.steward.records.AccessRefused;
import dev.steward.records.Action;
import dev.steward.tenancy.Tenant;
import dev.steward.tenancy.TenantRegister;
import dev.steward.tenancy.TenantState;

/**
 * The ordered chain of every {@link AccessGuard} bean. Every path of the records feature enters
 * the tenant through {@link #admit} and checks each access through {@link #check}, so no path can
 * skip a guard and no guard needs to know the paths.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>The guards run in their declared order; the first refusal ends the access with that guard's
 *       problem, and the later guards are not asked.</li>
 *   <li>Every refusal is written to the system log (action {@code record.<act>}, outcome
 *       {@code refused}, object {@code guard:<name> <note>}), in a transaction of its own that
 *       commits even though the refused access is rolled back. Inside an access's transaction the
 *       entry is written once that transaction has ended, so it never waits on the access's locks.</li>
 *   <li>A deleted tenant's keys are destroyed, so its log can no longer seal the actor's personal
 *       fields: its refusals go to the provider's log, naming the tenant.</li>
 * </ul>
 */
@Component
public class AccessGuardChain {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private final List<AccessGuard> guards;
    private final TenantRegister tenants;
    private final SystemLog systemLog;
    private final TransactionTemplate ownTx;

    /** {@code guards} arrive sorted by their {@code @Order}, as Spring injects an ordered list. */
    AccessGuardChain(List<AccessGuard> guards, TenantRegister tenants, SystemLog systemLog,
            PlatformTransactionManager transactions) {
        for (AccessGuard g : guards) {
            if (!NAME.matcher(g.name()).matches()) {
                throw new IllegalStateException("access guard " + g.getClass().getName() + " has no valid name");
            }
        }
        if (guards.stream().map(AccessGuard::name).distinct().count() != guards.size()) {
            throw new IllegalStateException("two access guards share a name: " + names(guards));
        }
        this.guards = List.copyOf(guards);
        this.tenants = tenants;
        this.systemLog = systemLog;
        this.ownTx = new TransactionTemplate(transactions);
        this.ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The guards' names, in the order they judge. */
    public List<String> names() {
        return names(guards);
    }

    /** The caller's tenant, if every guard admits {@code action} into it; else the first refusal. */
    public Tenant admit(Caller caller, Action action) {
        Tenant tenant = tenants.find(caller.tenantId()).orElseThrow(() -> new NotFound("tenant"));
        check(Access.of(caller, tenant, action));
        return tenant;
    }

    /** Passes when every guard lets {@code access} pass; else logs and throws the first refusal. */
    public void check(Access access) {
        for (AccessGuard guard : guards) {
            try {
                guard.check(access);
            } catch (AccessRefused refusal) {
                log(guard, access, refusal);
                throw refusal;
            }
        }
    }

    private void log(AccessGuard guard, Access access, AccessRefused refusal) {
        Tenant tenant = access.tenant();
        boolean deleted = tenant.state() == TenantState.DELETED;
        UUID logTenant = deleted ? DataScope.PROVIDER_TENANT : tenant.id();
        String note = refusal.note();
        String object = "guard:" + guard.name() + (note.isEmpty() ? "" : " " + note)
                + (deleted ? " tenant=" + tenant.id() : "")
                + (access.recordId() != null ? " record:" + access.recordId() : "");
        Caller caller = access.caller();
        LogEvent event = LogEvent.of(logTenant, caller, "record." + access.action().name().toLowerCase(Locale.ROOT))
                .object(object).purpose(access.purpose() == null ? null : access.purpose().name()).refused()
                .subject(deleted || access.subject() == null ? null : access.subject().hmac());
        DataScope scope = DataScope.tenant(logTenant);
        Runnable write = () -> TenantScope.call(scope, () -> ownTx.execute(s -> {
            systemLog.record(event);
            return null;
        }));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    write.run();
                }
            });
        } else {
            write.run();
        }
    }

    private static List<String> names(List<AccessGuard> guards) {
        return guards.stream().map(AccessGuard::name).toList();
    }
}
