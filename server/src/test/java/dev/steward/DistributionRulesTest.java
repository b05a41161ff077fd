package dev.steward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.steward.DistributionRules.Table;
import dev.steward.DistributionRules.UniqueKey;

/** What a migration that would not distribute on Citus is told: the table, and the rule it breaks. */
class DistributionRulesTest {

    private static final UniqueKey TENANT_FIRST = new UniqueKey("notes_pkey", true, List.of("tenant_id", "note_id"));

    @Test
    void aTableWithoutTenantIdThatIsNotDeclaredIsNamedWithTheRule() {
        var rules = new DistributionRules(Map.of("settings", new Table("settings", Set.of("name", "value"),
                List.of(new UniqueKey("settings_pkey", true, List.of("name"))))), Map.of());
        assertThat(rules.violations()).containsExactly("table settings has no tenant_id and is not declared global ("
                + DistributionRules.RULE_GLOBAL + ")");
    }

    @Test
    void aDeclaredGlobalTableNeedsNoTenantId() {
        var rules = new DistributionRules(Map.of("settings", new Table("settings", Set.of("name", "value"),
                List.of(new UniqueKey("settings_pkey", true, List.of("name"))))), Map.of("settings", "reference"));
        assertThat(rules.violations()).isEmpty();
    }

    @Test
    void aUniqueConstraintWithoutTenantIdOnATenantTableIsNamed() {
        var rules = new DistributionRules(Map.of("notes", new Table("notes", Set.of("tenant_id", "note_id", "slug"),
                List.of(TENANT_FIRST, new UniqueKey("notes_slug_key", false, List.of("slug"))))), Map.of());
        assertThat(rules.violations()).containsExactly("table notes: unique key notes_slug_key (slug) does not include"
                + " tenant_id (" + DistributionRules.RULE_UNIQUE + ")");
    }

    @Test
    void aPrimaryKeyThatDoesNotStartWithTenantIdIsNamed() {
        var rules = new DistributionRules(Map.of("notes", new Table("notes", Set.of("tenant_id", "note_id"),
                List.of(new UniqueKey("notes_pkey", true, List.of("note_id", "tenant_id"))))), Map.of());
        assertThat(rules.violations()).containsExactly("table notes: primary key notes_pkey (note_id, tenant_id) does"
                + " not start with tenant_id (" + DistributionRules.RULE_TENANT_FIRST + ")");
    }

    @Test
    void aDeclarationOfATableThatIsNotThereIsNamed() {
        var rules = new DistributionRules(Map.of("notes", new Table("notes", Set.of("tenant_id", "note_id"),
                List.of(TENANT_FIRST))), Map.of("nots", "reference"));
        assertThat(rules.violations()).containsExactly("schema_placement declares nots, which is no table of the"
                + " schema (" + DistributionRules.RULE_DECLARED + ")");
    }
}
