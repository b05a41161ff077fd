package dev.steward.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

import dev.steward.platform.DataScope;
import dev.steward.platform.OwnerOnlyFile;
import dev.steward.platform.Role;
import dev.steward.tenancy.NewTenant;
import dev.steward.tenancy.Tenant;
import dev.steward.tenancy.TenantRegister;

/**
 * On the first start: the provider tenant with one operator, and (unless steward.demo=false) a
 * demo customer with an administrator, a user and an auditor. Their one-time passwords are
 * printed once to the console; nothing else ever shows them.
 */
@Component
@DependsOnDatabaseInitialization // its constructor reads the tenants
class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final UUID DEMO_TENANT = UUID.fromString("00000000-0000-0000-0000-00000000d3e0");
    private static final String OPERATOR = "operator";
    private static final List<String> DEMO_ACCOUNTS = List.of("admin", "user", "auditor");

    private final TenantRegister tenants;
    private final AccountDirectory accounts;
    private final Clock clock;
    private final boolean demo;
    private final TokenIssuer tokens;
    private final String bootstrapTokenFile;
    private final String port;
    private final SecureRandom random = new SecureRandom(); // thread-safe
    /** The one-time passwords being hashed ahead, by username, until run() gives them to their accounts. */
    private final Map<String, String> passwords = new HashMap<>();
    private final ExecutorService hashing;

    FirstStart(TenantRegister tenants, AccountDirectory accounts, PasswordHasher hasher, Clock clock,
            @Value("${steward.demo:true}") boolean demo, TokenIssuer tokens,
            @Value("${steward.bootstrap.api-token-file:}") String bootstrapTokenFile,
            @Value("${server.port:8443}") String port) {
        this.port = port;
        this.tokens = tokens;
        this.bootstrapTokenFile = bootstrapTokenFile;
        this.tenants = tenants;
        this.accounts = accounts;
        this.clock = clock;
        this.demo = demo;
        // The accounts' Argon2 hashes are the longest step of a first start. Begun here, on two threads
        // of their own, they are computed while the rest of the application starts, and run() finds them
        // ready. Later starts find the tenants and hash nothing.
        List<String> usernames = new ArrayList<>();
        if (tenants.find(DataScope.PROVIDER_TENANT).isEmpty()) {
            usernames.add(OPERATOR);
            if (!bootstrapTokenFile.isBlank()) {
                // Refused now, before the provider tenant exists: a later start would never write the token.
                OwnerOnlyFile.checkTarget(java.nio.file.Path.of(bootstrapTokenFile));
            }
        }
        if (demo && tenants.find(DEMO_TENANT).isEmpty()) {
            usernames.addAll(DEMO_ACCOUNTS);
        }
        this.hashing = usernames.isEmpty() ? null
                : Executors.newFixedThreadPool(2, Thread.ofPlatform().name("first-start-", 1).daemon().factory());
        for (String username : usernames) {
            String password = password();
            passwords.put(username, password);
            hasher.hashAhead(password, hashing);
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        StringBuilder printed = new StringBuilder();
        try {
            if (tenants.find(DataScope.PROVIDER_TENANT).isEmpty()) {
                Tenant provider = tenants.bootstrap(DataScope.PROVIDER_TENANT, new NewTenant(TenantRegister.PROVIDER_SLUG,
                        "Service provider", today, null, false, 24, List.of("SI")));
                Account operator = accounts.bootstrap(provider, new NewAccount(OPERATOR, "Provider operator",
                        Role.OPERATOR, rememberPassword(printed, provider, OPERATOR, Role.OPERATOR)));
                writeBootstrapToken(operator);
            }
            if (demo && tenants.find(DEMO_TENANT).isEmpty()) {
                Tenant t = tenants.bootstrap(DEMO_TENANT, new NewTenant("demo", "Demo customer", today, null, false, 24,
                        List.of("SI", "DE")));
                account(printed, t, "admin", "Demo administrator", Role.CUSTOMER_ADMIN);
                account(printed, t, "user", "Demo user", Role.CUSTOMER_USER);
                account(printed, t, "auditor", "Demo auditor", Role.AUDITOR);
            }
            print(printed);
        } finally {
            passwords.clear();
            if (hashing != null) {
                hashing.shutdownNow();
            }
        }
    }

    private void print(StringBuilder printed) {
        if (!printed.isEmpty()) {
            // Printed to stdout only, not to the log files: these are secrets shown once.
            System.out.println("""

                    ================= Steward first start: one-time credentials =================
                    Sign in at https://localhost:%s/ with organisation, username and password.
                    Change these passwords after signing in; they are not shown again.
                    Provider staff enrol a second factor (TOTP) at their first sign-in.
                    %s=============================================================================
                    """.formatted(port, printed));
            log.info("first start: created the provider tenant{}", demo ? " and the demo tenant" : "");
        }
    }

    private void account(StringBuilder printed, Tenant tenant, String username, String name, Role role) {
        String password = rememberPassword(printed, tenant, username, role);
        accounts.bootstrap(tenant, new NewAccount(username, name, role, password));
    }

    private String rememberPassword(StringBuilder printed, Tenant tenant, String username, Role role) {
        String ahead = passwords.remove(username);
        String password = ahead != null ? ahead : password();
        printed.append("  organisation %-10s username %-10s password %s  (%s)%n".formatted(tenant.slug(), username,
                password, role));
        return password;
    }

    /**
     * With steward.bootstrap.api-token-file set, the first start also issues an operator API token
     * (valid 24 hours) and writes it to that file, readable by its owner only from its first byte
     * ({@link OwnerOnlyFile}), so automation can provision tenants right after installation.
     */
    private void writeBootstrapToken(Account operator) {
        if (bootstrapTokenFile.isBlank()) {
            return;
        }
        IssuedToken token = tokens.issueUnchecked(operator.tenantId(), operator.id(), "bootstrap", Role.OPERATOR,
                java.time.Duration.ofHours(24));
        try {
            OwnerOnlyFile.write(java.nio.file.Path.of(bootstrapTokenFile), token.secret());
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalStateException("cannot write the bootstrap API token to " + bootstrapTokenFile, e);
        }
    }

    private String password() {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            p.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return p.toString();
    }
}
