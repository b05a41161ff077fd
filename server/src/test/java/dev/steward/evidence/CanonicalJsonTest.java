package dev.steward.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static String canonical(Object value) {
        return new String(CanonicalJson.bytes(value), StandardCharsets.UTF_8);
    }

    @Test
    void membersAreSortedByUtf16CodeUnitsAsInRfc8785() {
        // The sorting example of RFC 8785 section 3.2.3 (keys only; values are the key names).
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : List.of("\u20ac", "\r", "\ufb33", "1", "\ud83d\ude00", "\u0080", "\u00f6")) {
            m.put(k, k.equals("\r") ? "Carriage Return" : "x");
        }
        String out = canonical(m);
        assertThat(out).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"x\",\"\u0080\":\"x\",\"\u00f6\":\"x\","
                + "\"\u20ac\":\"x\",\"\ud83d\ude00\":\"x\",\"\ufb33\":\"x\"}");
    }

    @Test
    void stringsEscapeOnlyWhatJsonRequires() {
        assertThat(canonical("\u20ac$\u000f\nA'B\"\\\\\"/")).isEqualTo("\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"");
    }

    @Test
    void sameValueGivesSameBytesWhateverTheInsertionOrder() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("b", 1);
        a.put("a", List.of(true, false, Map.of("z", "1", "y", 2L)));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("a", List.of(true, false, Map.of("y", 2L, "z", "1")));
        b.put("b", 1);
        assertThat(CanonicalJson.bytes(a)).isEqualTo(CanonicalJson.bytes(b));
        assertThat(canonical(a)).isEqualTo("{\"a\":[true,false,{\"y\":2,\"z\":\"1\"}],\"b\":1}");
    }

    @Test
    void floatingPointNumbersAreRefused() {
        assertThatThrownBy(() -> CanonicalJson.bytes(Map.of("x", 1.5))).isInstanceOf(IllegalArgumentException.class);
    }
}
