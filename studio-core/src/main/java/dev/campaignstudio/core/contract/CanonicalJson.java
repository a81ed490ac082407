package dev.campaignstudio.core.contract;

import dev.campaignstudio.core.asset.Sha256;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One spelling per JSON value: object keys sorted, no insignificant whitespace, numbers normalised ({@code 5},
 * {@code 5.0} and {@code 5e0} are the same). Two payloads are the same request exactly when their canonical forms are
 * equal; idempotency compares their SHA-256.
 *
 * <p>{@link #write} spells numbers plainly, as typed readers expect: an integral value as integer digits ({@code 10},
 * never {@code 1E+1}), any other as a decimal without exponent ({@code 0.0000001}). {@link #sha256} hashes the
 * fingerprint spelling, which is frozen: it writes numbers as {@link BigDecimal#toString()} does ({@code 1E+1}), as the
 * canonical text did when the stored jobs' idempotency fingerprints and the product checkpoints' keys were made, so
 * that those keep matching. Both spellings tell the same values apart, so equal fingerprints still mean equal payloads.
 */
public final class CanonicalJson {

    /** Longest plain spelling of a number; a value beyond it (such as {@code 1e-999999}) keeps its exponent. */
    static final int PLAIN_DIGITS_MAX = 400;

    private CanonicalJson() {}

    /** The canonical text of a neutral tree, numbers spelled plainly. */
    public static String write(Object tree) {
        StringBuilder out = new StringBuilder();
        append(out, tree, CanonicalJson::plain);
        return out.toString();
    }

    /** Hex SHA-256 of the fingerprint text of {@code tree} (numbers in the frozen fingerprint spelling). */
    public static String sha256(Object tree) {
        StringBuilder out = new StringBuilder();
        append(out, tree, CanonicalJson::fingerprint);
        return Sha256.hex(out.toString());
    }

    private static void append(StringBuilder out, Object value, Function<BigDecimal, String> numbers) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            List<String> keys = new ArrayList<>();
            map.keySet().forEach(k -> keys.add(String.valueOf(k)));
            keys.sort(String::compareTo);
            out.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(out, keys.get(i));
                out.append(':');
                append(out, map.get(keys.get(i)), numbers);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                append(out, list.get(i), numbers);
            }
            out.append(']');
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else if (value instanceof Number n) {
            out.append(numbers.apply(exact(n)));
        } else {
            throw new IllegalArgumentException(
                    "not a JSON value: " + value.getClass().getName());
        }
    }

    private static BigDecimal exact(Number n) {
        if (n instanceof Double d && (d.isNaN() || d.isInfinite())
                || n instanceof Float f && (f.isNaN() || f.isInfinite())) {
            throw new IllegalArgumentException("JSON has no non-finite numbers");
        }
        BigDecimal exact = new BigDecimal(n.toString());
        return exact.signum() == 0 ? BigDecimal.ZERO : exact.stripTrailingZeros();
    }

    /** {@code 10}, {@code -3}, {@code 2.5}, {@code 0.0000001}: no exponent unless the digits would run past the cap. */
    private static String plain(BigDecimal normal) {
        long integerDigits = (long) normal.precision() - normal.scale();
        long length = Math.max(integerDigits, 0) + Math.max(normal.scale(), 0) + 2;
        return length <= PLAIN_DIGITS_MAX ? normal.toPlainString() : normal.toString();
    }

    /** The frozen spelling idempotency fingerprints and checkpoint keys were made with: {@code 1E+1} for 10. */
    private static String fingerprint(BigDecimal normal) {
        return normal.toString();
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
