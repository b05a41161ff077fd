package dev.steward.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the test context at its database: a private in-memory H2, or a PostgreSQL database of
 * its own on the local server (created here, dropped when the context closes), reached as the
 * unprivileged application role so row-level security applies exactly as in production. The
 * PostgreSQL server is {@link TestPostgres#configured()} (see {@code STEWARD_TEST_PG_URL}).
 */
public final class TestDatabases implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String APP_ROLE = "steward_app";
    /** The metrics scrape token of every test context (steward.metrics.scrape-token). */
    public static final String SCRAPE_TOKEN = "test-scrape-token-0123456789";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var env = context.getEnvironment();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> props = new HashMap<>();
        String dataDir = "target/test-data/" + run;
        props.put("steward.data-dir", dataDir);
        props.put("steward.demo", "false");
        props.put("steward.metrics.scrape-token", SCRAPE_TOKEN);
        // Tests run the anchoring job themselves; in the background it would change tenants' evidence_anchors
        // rows while CrossTenantAttackIntegrationTest compares them before and after its attacks.
        props.put("steward.evidence.anchor-interval", "PT24H");
        // Tests move the clock by days: a background poll would then run due jobs in the middle of other tests.
        // Job tests call JobRunner.runDueJobs() themselves.
        props.put("steward.jobs.background", "false");
        // Notices go to the in-process GreenMail of TestMail and to plain-http listeners of the tests.
        props.put("steward.notices.plain-http-webhooks", "true");
        props.put("steward.notices.private-webhook-addresses", "true");
        props.put("steward.notices.mail.host", "127.0.0.1");
        props.put("steward.notices.mail.port", String.valueOf(TestMail.PORT));
        props.put("steward.notices.mail.tls", "none");
        props.put("steward.notices.mail.from", "steward@test.invalid");
        if (env.matchesProfiles(Db.POSTGRES, Db.POSTGRES_VIA_PROXY)) {
            String name = "steward_test_" + run;
            createDatabase(name);
            TestPostgres pg = TestPostgres.configured();
            String url = pg.url(name, "connectTimeout=2", "socketTimeout=10");
            if (env.matchesProfiles(Db.POSTGRES_VIA_PROXY)) {
                url = url.replace("//" + pg.hostPort() + "/", "//127.0.0.1:" + TcpProxy.toPostgres().port() + "/");
            }
            props.put("spring.datasource.url", url);
            props.put("spring.datasource.username", APP_ROLE);
            props.put("steward.database.migration-user", pg.adminUser());
            props.put("steward.database.migration-password", pg.adminPassword());
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                    dropDatabase(name);
                }
            });
        } else if (env.matchesProfiles(Db.CITUS)) {
            String name = "steward_test_" + run;
            TestCitus citus = TestCitus.required();
            citus.createDatabase(name);
            TestPostgres coordinator = citus.coordinator();
            props.put("spring.datasource.url", coordinator.url(name, "connectTimeout=2", "socketTimeout=30"));
            props.put("spring.datasource.username", APP_ROLE);
            props.put("steward.database.migration-user", coordinator.adminUser());
            props.put("steward.database.migration-password", coordinator.adminPassword());
            // Every cached test context keeps its pool, and each coordinator connection keeps connections to
            // both workers: with the server's 16 per context, a full run exhausted the workers' connections.
            props.put("spring.datasource.hikari.maximum-pool-size", "6");
            props.put("spring.datasource.hikari.minimum-idle", "1");
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                    citus.dropDatabase(name);
                }
            });
        } else if (env.matchesProfiles(Db.H2_FILE)) {
            props.put("spring.datasource.url", "jdbc:h2:file:./" + dataDir + "/db/steward;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        } else {
            props.put("spring.datasource.url", "jdbc:h2:mem:steward_" + run + ";DB_CLOSE_DELAY=-1");
        }
        env.getPropertySources().addFirst(new MapPropertySource("testDatabase", props));
    }

    public static void createDatabase(String name) {
        admin("CREATE DATABASE " + name);
        try {
            admin("CREATE ROLE " + APP_ROLE + " LOGIN");
        } catch (IllegalStateException alreadyThere) {
            // the role is cluster-wide and shared by every run
        }
    }

    public static void dropDatabase(String name) {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) {
        try (Connection c = TestPostgres.configured().connectAsAdmin(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + TestPostgres.configured() + ": " + e.getMessage()
                    + " (PostgreSQL is needed: ./steward test starts the local one; " + TestPostgres.VARIABLE
                    + " names another)", e);
        }
    }
}
