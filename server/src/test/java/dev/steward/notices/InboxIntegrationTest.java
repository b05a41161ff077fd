package dev.steward.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.identity.Account;
import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;
import dev.steward.platform.NotFound;
import dev.steward.platform.PageRequest;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;
import dev.steward.support.CitusCondition;
import dev.steward.support.Db;
import dev.steward.support.IntegrationTestBase;
import dev.steward.tenancy.Tenant;

/** The console inbox: written with the act, addressed to roles of one tenant, read per account. */
class InboxIntegrationTest {

    @Nested
    @ActiveProfiles(Db.H2)
    class OnH2 extends Cases {
    }

    @Nested
    @ActiveProfiles(Db.POSTGRES)
    class OnPostgres extends Cases {
    }

    @Nested
    @ActiveProfiles(Db.CITUS)
    @ExtendWith(CitusCondition.class)
    class OnCitus extends Cases {
    }

    abstract static class Cases extends IntegrationTestBase {

        @Autowired
        Notices notices;
        @Autowired
        Inbox inbox;
        @Autowired
        TransactionTemplate tx;

        private static Caller person(Account a) {
            return new Caller(a.tenantId(), a.id(), a.username(), a.role(), Caller.Kind.ACCOUNT);
        }

        private UUID tell(Tenant t, Set<Role> audience, String subject) {
            return TenantScope.call(DataScope.tenant(t.id()), () -> tx.execute(s -> notices.tell(t.id(), audience,
                    Topic.PROVIDER_ACCESS, subject, "body of " + subject)));
        }

        @Test
        void aNoticeReachesItsRolesOfItsTenantOnlyAndIsReadPerAccount() {
            Tenant t = fixtures.tenant();
            Tenant other = fixtures.tenant();
            Account admin = fixtures.account(t, Role.CUSTOMER_ADMIN);
            Account secondAdmin = fixtures.account(t, Role.CUSTOMER_ADMIN);
            Account user = fixtures.account(t, Role.CUSTOMER_USER);
            Account otherAdmin = fixtures.account(other, Role.CUSTOMER_ADMIN);
            UUID id = tell(t, Set.of(Role.CUSTOMER_ADMIN), "for admins");

            assertThat(inbox.unread(person(admin))).isEqualTo(1);
            assertThat(inbox.list(person(admin), PageRequest.of(0, 10)).items()).singleElement()
                    .satisfies(n -> assertThat(n.subject()).isEqualTo("for admins"));
            assertThat(inbox.list(person(user), PageRequest.of(0, 10)).total()).isZero();
            assertThat(inbox.list(person(otherAdmin), PageRequest.of(0, 10)).total()).isZero();

            inbox.markRead(person(admin), id);
            inbox.markRead(person(admin), id);
            assertThat(inbox.unread(person(admin))).isZero();
            assertThat(inbox.list(person(admin), PageRequest.of(0, 10)).items().get(0).read()).isTrue();
            assertThat(inbox.unread(person(secondAdmin))).as("read per account").isEqualTo(1);

            assertThatThrownBy(() -> inbox.markRead(person(user), id)).isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> inbox.markRead(person(otherAdmin), id)).isInstanceOf(NotFound.class);
        }

        @Test
        void aNoticeIsWrittenOnlyInsideTheTransactionOfItsAct() {
            Tenant t = fixtures.tenant();
            Account admin = fixtures.account(t, Role.CUSTOMER_ADMIN);
            assertThatThrownBy(() -> notices.tell(t.id(), Set.of(Role.CUSTOMER_ADMIN), Topic.PROVIDER_ACCESS, "s", "b"))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> TenantScope.run(DataScope.tenant(t.id()), () -> tx.executeWithoutResult(s -> {
                notices.tell(t.id(), Set.of(Role.CUSTOMER_ADMIN), Topic.PROVIDER_ACCESS, "rolled back", "b");
                throw new IllegalStateException("the act failed");
            }))).hasMessage("the act failed");
            assertThat(inbox.list(person(admin), PageRequest.of(0, 10)).total()).isZero();
        }
    }
}
