package dev.steward.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The entry's own top-level "tenant", never one nested in another value or hidden in a string. */
class EntryTenantTest {

    private static String of(String json) {
        return EntryTenant.of(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theTopLevelTenantIsReadAndEverythingElseIsSkippedWhole() {
        assertThat(of("{\"actor\":{\"tenant\":\"b\",\"x\":[1,{\"tenant\":\"c\"}]},\"note\":\"\\\"tenant\\\":\\\"d\\\"\","
                + "\"n\":-1.5e3,\"ok\":true,\"tenant\":\"a\"}")).isEqualTo("a");
        assertThat(of(" { \"tenant\" : \"caf\\u00e9\" } ")).isEqualTo("café");
    }

    @Test
    void anEntryWithoutExactlyOneStringTenantHasNone() {
        assertThat(of("{\"actor\":{\"tenant\":\"b\"}}")).isNull();
        assertThat(of("{\"tenant\":\"a\",\"tenant\":\"b\"}")).as("a duplicate could be read either way").isNull();
        assertThat(of("{\"tenant\":42}")).isNull();
        assertThat(of("{\"tenant\":\"a\"} trailing")).isNull();
        assertThat(of("{\"tenant\":\"a\"")).isNull();
        assertThat(of("act 1")).isNull();
        assertThat(of("")).isNull();
    }
}
