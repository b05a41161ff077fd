package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.platform.Role;
import dev.steward.support.ApiClient.Response;
import dev.steward.support.Db;
import dev.steward.support.IntegrationTestBase;
import dev.steward.support.TcpProxy;

/**
 * The real PostgreSQL goes away (every connection cut, new ones refused) and comes back: while
 * it is away requests answer 503 problems and readiness is down; afterwards service resumes by
 * itself, with no restart.
 */
@ActiveProfiles(Db.POSTGRES_VIA_PROXY)
class DatabaseOutageIntegrationTest extends IntegrationTestBase {

    @AfterEach
    void restore() {
        TcpProxy.toPostgres().restore();
    }

    @Test
    void requestsAnswer503WhileTheDatabaseIsDownAndServiceResumesAfterwards() {
        String token = fixtures.token(fixtures.tenant(), Role.CUSTOMER_ADMIN);
        assertThat(api.get(token, "/api/v1/accounts").status()).isEqualTo(200);

        TcpProxy.toPostgres().cut();
        Response down = await(() -> api.get(token, "/api/v1/accounts"), r -> r.status() == 503);
        assertThat(down.header("Content-Type")).startsWith("application/problem+json");
        assertThat(down.json().get("type").asString()).isEqualTo("urn:steward:problem:database-unavailable");
        assertThat(down.header("Retry-After")).isEqualTo("5");
        assertThat(await(() -> api.get(null, "/actuator/health/readiness"), r -> r.status() == 503).status()).isEqualTo(503);

        TcpProxy.toPostgres().restore();
        assertThat(await(() -> api.get(token, "/api/v1/accounts"), r -> r.status() == 200).status()).isEqualTo(200);
        assertThat(await(() -> api.get(null, "/actuator/health/readiness"), r -> r.status() == 200).status()).isEqualTo(200);
    }

    private static Response await(java.util.function.Supplier<Response> call, Predicate<Response> until) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Response last = call.get();
        while (!until.test(last) && Instant.now().isBefore(deadline)) {
            last = call.get();
        }
        return last;
    }
}
