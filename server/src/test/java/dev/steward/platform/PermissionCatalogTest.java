package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.steward.evidence.EvidencePermissions;
import dev.steward.identity.AccountPermissions;
import dev.steward.jobs.JobPermissions;
import dev.steward.records.RecordPermissions;
import dev.steward.tenancy.TenantPermissions;

/** Features declare their permissions and grants; the catalog lists them and refuses a name declared twice. */
class PermissionCatalogTest {

    private final PermissionCatalog catalog = new PermissionCatalog(List.of(new TenantPermissions(),
            new AccountPermissions(), new EvidencePermissions(), new RecordPermissions(), new JobPermissions()));

    @Test
    void aRoleHasExactlyThePermissionsItsFeaturesGrantIt() {
        assertThat(catalog.namesOf(Role.CUSTOMER_USER)).containsExactly("RECORDS_READ", "RECORDS_WRITE");
        assertThat(catalog.namesOf(Role.MANAGED_SERVICE)).containsExactly("ACT_IN_MANAGED_TENANT");
        assertThat(catalog.namesOf(Role.SUBJECT)).isEmpty();
        assertThat(catalog.namesOf(Role.OPERATOR)).containsExactly("ACCOUNTS_READ", "ACCOUNTS_WRITE", "JOBS_READ",
                "TENANTS_READ", "TENANTS_WRITE", "TOKENS_MANAGE");
        assertThat(Role.OPERATOR.allows(RecordPermissions.RECORDS_READ)).isFalse();
        assertThat(Role.CUSTOMER_ADMIN.allows(RecordPermissions.RECORDS_ERASE)).isTrue();
        // provider staff ask for a customer's evidence bundle; only the customer's administrator approves it
        assertThat(java.util.Arrays.stream(Role.values()).filter(r -> r.allows(EvidencePermissions.BUNDLE_REQUEST_FOR_CUSTOMER)))
                .containsExactlyInAnyOrder(Role.SECURITY_OFFICER, Role.COMPLIANCE);
        assertThat(java.util.Arrays.stream(Role.values()).filter(r -> r.allows(EvidencePermissions.BUNDLE_APPROVE)))
                .containsExactly(Role.CUSTOMER_ADMIN);
    }

    @Test
    void twoFeaturesCannotDeclareTheSamePermissionDifferently() {
        FeaturePermissions rogue = () -> List.of(Permission.of("RECORDS_READ", "read records", Role.SUPPLIER));
        assertThatThrownBy(() -> new PermissionCatalog(List.of(new RecordPermissions(), rogue)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("RECORDS_READ");
        assertThatThrownBy(() -> Permission.of("records.read", "lower case", Role.SUPPLIER))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
