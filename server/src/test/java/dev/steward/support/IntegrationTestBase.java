package dev.steward.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Base of every {@code *IntegrationTest}: the whole server on a random HTTPS port, on the
 * database its profile names. Test classes put their cases in an abstract nested class and run
 * them twice, {@code @Nested class OnH2} with {@code @ActiveProfiles(Db.H2)} and
 * {@code @Nested class OnPostgres} with {@code @ActiveProfiles(Db.POSTGRES)}; every class shares
 * the same two contexts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabases.class)
public abstract class IntegrationTestBase {

    @LocalServerPort
    protected int port;

    @Autowired
    protected Fixtures fixtures;

    @Autowired
    protected TestClock clock;

    protected ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient("https://localhost:" + port);
    }

    @AfterEach
    void clockBackToNow() {
        clock.reset();
    }
}
