package dev.campaignstudio.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.campaignstudio.core.asset.Sha256;
import java.math.BigDecimal;
import java.math.BigInteger;
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
        assertThat(CanonicalJson.write(Arrays.asList("q\"\\\n\u0001", null)))
                .isEqualTo("[\"q\\\"\\\\\\n\\u0001\",null]");
    }

    @Test
    void integersAreWrittenAsIntegerDigitsAndDecimalsWithoutExponent() {
        assertThat(CanonicalJson.write(List.of(10, 0, -3, 1e20, 2.5, 0.1)))
                .isEqualTo("[10,0,-3,100000000000000000000,2.5,0.1]");
        assertThat(CanonicalJson.write(List.of(
                        new BigDecimal("1E+1"),
                        new BigDecimal("10.00"),
                        100L,
                        30.0,
                        BigInteger.TEN.pow(30),
                        Integer.MAX_VALUE,
                        Long.MIN_VALUE,
                        new BigDecimal("-2.50"),
                        new BigDecimal("1e-7"),
                        1.0E-5)))
                .isEqualTo(
                        "[10,10,100,30,1000000000000000000000000000000,2147483647,-9223372036854775808,-2.5,0.0000001,0.00001]");
    }

    @Test
    void aNumberTooLongToSpellPlainlyKeepsItsExponentInsteadOfFillingMemory() {
        String written = CanonicalJson.write(List.of(new BigDecimal("1e-999999999"), new BigDecimal("7e999999999")));
        assertThat(written).isEqualTo("[1E-999999999,7E+999999999]");
    }

    @Test
    void theFingerprintKeepsTheSpellingStoredJobsWereKeyedBy() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("duration_s", 30);
        settings.put("scene_count", 10);
        settings.put("creative_variation", new BigDecimal("0.30"));
        settings.put("tiny", new BigDecimal("0.0000001"));
        settings.put("big", 1e20);
        settings.put("neg", -3);
        settings.put("zero", 0);
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("idempotency_key", "k-1");
        tree.put("settings", settings);
        tree.put("images", List.of(Map.of("uri", "https://cdn.example.com/a.png")));
        // computed by the canonical form before numbers were spelled plainly: stored jobs carry hashes like it
        assertThat(CanonicalJson.sha256(tree))
                .isEqualTo("784057e9fc13f4a4a0d3c997a5eeecbcb9c026a536342ce6671a04550c641299");
        assertThat(CanonicalJson.sha256(Map.of("n", 10))).isEqualTo(Sha256.hex("{\"n\":1E+1}"));
        assertThat(CanonicalJson.write(tree))
                .isEqualTo("{\"idempotency_key\":\"k-1\",\"images\":[{\"uri\":\"https://cdn.example.com/a.png\"}],"
                        + "\"settings\":{\"big\":100000000000000000000,\"creative_variation\":0.3,\"duration_s\":30,\"neg\":-3,\"scene_count\":10,"
                        + "\"tiny\":0.0000001,\"zero\":0}}");
    }

    @Test
    void equalValuesHaveEqualFingerprintsWhateverTheirSpelling() {
        assertThat(CanonicalJson.sha256(Map.of("d", 10)))
                .isEqualTo(CanonicalJson.sha256(Map.of("d", new BigDecimal("10.0"))))
                .isEqualTo(CanonicalJson.sha256(Map.of("d", new BigDecimal("1e1"))))
                .isEqualTo(CanonicalJson.sha256(Map.of("d", 10.0)));
        assertThat(CanonicalJson.sha256(Map.of("d", 10))).isNotEqualTo(CanonicalJson.sha256(Map.of("d", 100)));
    }
}
