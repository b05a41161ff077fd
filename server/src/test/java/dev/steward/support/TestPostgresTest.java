package dev.steward.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestPostgresTest {

    @Test
    void theDefaultIsTheLocalServerAsPostgres() {
        TestPostgres pg = TestPostgres.parse(TestPostgres.DEFAULT_URL);

        assertThat(pg.hostPort()).isEqualTo("127.0.0.1:5432");
        assertThat(pg.adminUser()).isEqualTo("postgres");
        assertThat(pg.url("steward_test_1")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/steward_test_1");
    }

    @Test
    void anOverrideNamesHostPortAndAdministratorWhoseCredentialsStayOffDatabaseUrls() {
        TestPostgres pg = TestPostgres.parse("jdbc:postgresql://db.example:6432/admin?user=boss&password=s%26cret&sslmode=require");

        assertThat(pg.host()).isEqualTo("db.example");
        assertThat(pg.port()).isEqualTo(6432);
        assertThat(pg.adminUser()).isEqualTo("boss");
        assertThat(pg.adminPassword()).isEqualTo("s&cret");
        assertThat(pg.url("steward_test_1", "connectTimeout=2"))
                .isEqualTo("jdbc:postgresql://db.example:6432/steward_test_1?sslmode=require&connectTimeout=2");
    }

    @Test
    void aUrlWithoutADatabaseIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> TestPostgres.parse("jdbc:postgresql://db.example:6432/"))
                .hasMessageContaining("STEWARD_TEST_PG_URL");
    }
}
