package dev.steward.support;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.steward.identity.Account;
import dev.steward.identity.AccountDirectory;
import dev.steward.identity.NewAccount;
import dev.steward.identity.TokenIssuer;
import dev.steward.platform.DataScope;
import dev.steward.platform.Role;
import dev.steward.tenancy.NewTenant;
import dev.steward.tenancy.Tenant;
import dev.steward.tenancy.TenantRegister;

/** Creates tenants, accounts and tokens through the real services, with unique names per call. */
@Component
public class Fixtures {

    public static final String PASSWORD = "correct horse battery staple";

    private final TenantRegister tenants;
    private final AccountDirectory accounts;
    private final TokenIssuer tokens;

    Fixtures(TenantRegister tenants, AccountDirectory accounts, TokenIssuer tokens) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.tokens = tokens;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Tenant tenant() {
        return tenant(false);
    }

    public Tenant tenant(boolean fullyManaged) {
        return tenants.bootstrap(UUID.randomUUID(), new NewTenant(unique("t"), "Tenant", LocalDate.of(2026, 1, 1), null,
                fullyManaged, 24, List.of("SI")));
    }

    public Tenant provider() {
        return tenants.find(DataScope.PROVIDER_TENANT).orElseThrow();
    }

    public Account account(Tenant tenant, Role role) {
        return accounts.bootstrap(tenant, new NewAccount(unique("u"), "Person", role, PASSWORD));
    }

    /** An API token of the given role in the tenant, owned by a fresh account of that role. */
    public String token(Tenant tenant, Role role) {
        Account owner = account(tenant, role);
        return tokens.issueUnchecked(tenant.id(), owner.id(), unique("token"), role, Duration.ofDays(1)).secret();
    }

    public String operatorToken() {
        return token(provider(), Role.OPERATOR);
    }
}
