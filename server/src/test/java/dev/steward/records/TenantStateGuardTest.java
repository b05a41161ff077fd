package dev.steward.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.steward.platform.Caller;
import dev.steward.platform.Role;
import dev.steward.tenancy.TenantState;

class TenantStateGuardTest {

    static Caller caller(Role role) {
        return new Caller(UUID.randomUUID(), UUID.randomUUID(), "someone", role, Caller.Kind.TOKEN);
    }

    @Test
    void anActiveTenantAdmitsEveryAction() {
        for (Action action : Action.values()) {
            assertThat(TenantStateGuard.allows(TenantState.ACTIVE, caller(Role.CUSTOMER_USER), action)).as(action.name())
                    .isTrue();
        }
    }

    @Test
    void aTerminatingTenantAdmitsOnlyTheCustomersOwnFinalExportAndErasure() {
        for (Action action : Action.values()) {
            boolean expected = action == Action.EXPORT || action == Action.ERASE;
            assertThat(TenantStateGuard.allows(TenantState.TERMINATING, caller(Role.CUSTOMER_ADMIN), action))
                    .as(action.name()).isEqualTo(expected);
        }
        assertThat(TenantStateGuard.allows(TenantState.TERMINATING, caller(Role.MANAGED_SERVICE), Action.EXPORT))
                .as("provider staff acting in the tenant do not take the customer's final export").isFalse();
        assertThat(TenantStateGuard.allows(TenantState.TERMINATING, caller(Role.AUDITOR), Action.EXPORT))
                .as("a role that may live in the provider tenant is not the customer's own").isFalse();
    }

    @Test
    void aTerminatedTenantAdmitsOnlyErasureAndADeletedTenantNothing() {
        for (Action action : Action.values()) {
            assertThat(TenantStateGuard.allows(TenantState.TERMINATED, caller(Role.CUSTOMER_ADMIN), action))
                    .as(action.name()).isEqualTo(action == Action.ERASE);
            assertThat(TenantStateGuard.allows(TenantState.DELETED, caller(Role.CUSTOMER_ADMIN), action))
                    .as(action.name()).isFalse();
        }
    }
}
