package dev.campaignstudio.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void keyOrderDoesNotMatter() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("b", 1);
        a.put("a", Map.of("y", true, "x", "s"));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("a", Map.of("x", "s", "y", true));
        b.put("b", 1);
        assertThat(CanonicalJson.write(a)).isEqualTo("{\"a\":{\"x\":\"s\",\"y\":true},\"b\":1}");
        assertThat(CanonicalJson.sha256(a)).isEqualTo(CanonicalJson.sha256(b)).hasSize(64);
    }

    @Test
    void equalNumbersAreSpelledAlike() {
        assertThat(CanonicalJson.write(List.of(5, 5L, new BigDecimal("5.0"), new BigDecimal("5e0"))))
                .isEqualTo("[5,5,5,5]");
        assertThat(CanonicalJson.write(List.of(0.5, new BigDecimal("0.50"), new BigDecimal("-0.0"))))
                .isEqualTo("[0.5,0.5,0]");
    }

    @Test
    void differentValuesDiffer() {
        assertThat(CanonicalJson.sha256(Map.of("a", 1))).isNotEqualTo(CanonicalJson.sha256(Map.of("a", 2)));
        assertThat(CanonicalJson.sha256(Map.of("a", "1"))).isNotEqualTo(CanonicalJson.sha256(Map.of("a", 1)));
    }

    @Test
    void stringsAreEscaped() {
        assertThat(CanonicalJson.write(Arrays.asList("q\"\\\n\u0001", null))).isEqualTo("[\"q\\\"\\\\\\n\\u0001\",null]");
    }
}
