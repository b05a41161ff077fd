package dev.steward.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.identity.SignInResult.Accepted;
import dev.steward.support.Db;
import dev.steward.support.IntegrationTestBase;
import dev.steward.tenancy.TenantRegister;

/**
 * The first start's demo accounts, whose Argon2 hashes are computed ahead while the application
 * starts: each printed one-time password signs its account in, and a second first start (the
 * tenants exist now) hashes and prints nothing.
 */
class FirstStartIntegrationTest {

    @Nested
    @ActiveProfiles(Db.H2)
    @DirtiesContext // it creates the demo tenant, which the shared test contexts do not have
    class OnH2 extends Cases {
    }

    @Nested
    @ActiveProfiles(Db.POSTGRES)
    @DirtiesContext
    class OnPostgres extends Cases {
    }

    abstract static class Cases extends IntegrationTestBase {

        private static final Pattern LINE = Pattern.compile(
                "organisation (\\S+)\\s+username (\\S+)\\s+password (\\S+)\\s+\\((\\w+)\\)");

        @Autowired
        TenantRegister tenants;
        @Autowired
        AccountDirectory accounts;
        @Autowired
        PasswordHasher hasher;
        @Autowired
        TokenIssuer tokens;
        @Autowired
        SignIn signIn;

        @Test
        void thePrintedOneTimePasswordsSignTheDemoAccountsIn() {
            String printed = firstStart();

            Map<String, String> passwords = new LinkedHashMap<>();
            Matcher m = LINE.matcher(printed);
            while (m.find()) {
                assertThat(m.group(1)).isEqualTo("demo");
                passwords.put(m.group(2), m.group(3));
            }
            assertThat(passwords).containsOnlyKeys("admin", "user", "auditor");
            passwords.forEach((username, password) -> {
                assertThat(signIn.password("demo", username, password, "first-start-test"))
                        .as(username).isInstanceOf(Accepted.class);
                assertThat(signIn.password("demo", username, password + "x", "first-start-test-wrong"))
                        .as(username).isNotInstanceOf(Accepted.class);
            });

            assertThat(firstStart()).as("a later start creates and prints nothing").doesNotContain("password");
        }

        private String firstStart() {
            PrintStream out = System.out;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                new FirstStart(tenants, accounts, hasher, Clock.systemUTC(), true, tokens, "", "8443").run(null);
            } finally {
                System.setOut(out);
            }
            return captured.toString(StandardCharsets.UTF_8);
        }
    }
}
