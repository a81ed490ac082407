package dev.campaignstudio.core.contract;

import dev.campaignstudio.core.id.WireEnum;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the fields of one JSON object of a neutral tree (maps, lists, strings, numbers, booleans, nulls),
 * recording a violation with its pointer for each problem instead of stopping at the first.
 * A JSON {@code null} reads as an absent field.
 */
final class Fields {

    /** What a text field may contain. */
    enum Text {
        /** No control characters at all. */
        LINE,
        /** Line breaks and tabs allowed. */
        PARAGRAPHS
    }

    private static final BigDecimal HUGE = new BigDecimal("1e18");

    private final Map<?, ?> map;
    private final String pointer;
    private final Violations violations;
    private final Set<String> read = new HashSet<>();

    private Fields(Map<?, ?> map, String pointer, Violations violations) {
        this.map = map;
        this.pointer = pointer;
        this.violations = violations;
    }

    /** A reader of {@code value} when it is an object; otherwise records a type violation. */
    static Optional<Fields> of(Object value, String pointer, Violations violations) {
        if (value instanceof Map<?, ?> map) {
            return Optional.of(new Fields(map, pointer, violations));
        }
        violations.add(pointer, "TYPE", "must be a JSON object");
        return Optional.empty();
    }

    String pointer() {
        return pointer;
    }

    String at(String key) {
        return Violation.child(pointer, key);
    }

    Violations violations() {
        return violations;
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    private Object take(String key, boolean required) {
        read.add(key);
        Object value = map.get(key);
        if (value == null && required) {
            violations.add(at(key), "REQUIRED", "is required");
        }
        return value;
    }

    String text(String key, boolean required, int min, int max, Text kind) {
        Object value = take(key, required);
        if (value == null) {
            return null;
        }
        return checkText(value, at(key), min, max, kind, violations);
    }

    static String checkText(Object value, String where, int min, int max, Text kind, Violations violations) {
        if (!(value instanceof String s)) {
            violations.add(where, "TYPE", "must be a string");
            return null;
        }
        int length = s.codePointCount(0, s.length());
        if (length < min || (min > 0 && s.isBlank())) {
            violations.add(
                    where, "TOO_SHORT", min == 1 ? "must not be empty" : "must have at least " + min + " characters");
            return null;
        }
        if (length > max) {
            violations.add(where, "TOO_LONG", "must have at most " + max + " characters");
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean allowedBreak = kind == Text.PARAGRAPHS && (c == '\n' || c == '\r' || c == '\t');
            if (Character.isISOControl(c) && !allowedBreak) {
                violations.add(where, "FORMAT", "must not contain control characters");
                return null;
            }
        }
        return s;
    }

    String token(String key, boolean required, int max, String pattern, String describe) {
        String value = text(key, required, 1, max, Text.LINE);
        if (value != null && !value.matches(pattern)) {
            violations.add(at(key), "FORMAT", "must be " + describe);
            return null;
        }
        return value;
    }

    Integer integer(String key, boolean required, long min, long max) {
        Object value = take(key, required);
        if (value == null) {
            return null;
        }
        Optional<BigInteger> whole = wholeNumber(value);
        if (whole.isEmpty()) {
            violations.add(at(key), "TYPE", "must be an integer");
            return null;
        }
        BigInteger n = whole.get();
        if (n.compareTo(BigInteger.valueOf(min)) < 0) {
            violations.add(at(key), "TOO_SMALL", "must be at least " + min);
            return null;
        }
        if (n.compareTo(BigInteger.valueOf(max)) > 0) {
            violations.add(at(key), "TOO_LARGE", "must be at most " + max);
            return null;
        }
        return n.intValueExact();
    }

    /**
     * An integer whose bounds depend on something read elsewhere (a mode's rules), which then checks them: a value
     * beyond the int range is clamped to it, so a huge or hugely negative value is refused there, with that bound.
     */
    Integer boundedLater(String key, boolean required) {
        Object value = take(key, required);
        if (value == null) {
            return null;
        }
        Optional<BigInteger> whole = wholeNumber(value);
        if (whole.isEmpty()) {
            violations.add(at(key), "TYPE", "must be an integer");
            return null;
        }
        BigInteger clamped =
                whole.get().max(BigInteger.valueOf(Integer.MIN_VALUE)).min(BigInteger.valueOf(Integer.MAX_VALUE));
        return clamped.intValueExact();
    }

    Double decimal(String key, boolean required, double min, double max) {
        Object value = take(key, required);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number) || value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            violations.add(at(key), "TYPE", "must be a number");
            return null;
        }
        BigDecimal exact = new BigDecimal(number.toString());
        if (exact.compareTo(BigDecimal.valueOf(min)) < 0) {
            violations.add(at(key), "TOO_SMALL", "must be at least " + min);
            return null;
        }
        if (exact.compareTo(BigDecimal.valueOf(max)) > 0) {
            violations.add(at(key), "TOO_LARGE", "must be at most " + max);
            return null;
        }
        return exact.doubleValue();
    }

    <E extends Enum<E> & WireEnum> E choice(String key, boolean required, Class<E> type) {
        return choice(key, required, s -> WireEnum.parse(type, s), WireEnum.spellings(type));
    }

    /** A string that must be one of a set of spellings, each read by {@code parse}; {@code spellings} lists them. */
    <T> T choice(String key, boolean required, Function<String, Optional<T>> parse, String spellings) {
        Object value = take(key, required);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            violations.add(at(key), "TYPE", "must be a string, one of " + spellings);
            return null;
        }
        Optional<T> parsed = parse.apply(s);
        if (parsed.isEmpty()) {
            violations.add(at(key), "ENUM", "must be one of " + spellings);
            return null;
        }
        return parsed.get();
    }

    Optional<Fields> object(String key, boolean required) {
        Object value = take(key, required);
        if (value == null) {
            return Optional.empty();
        }
        return of(value, at(key), violations);
    }

    Optional<List<?>> array(String key, boolean required, int minItems, int maxItems) {
        Object value = take(key, required);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof List<?> list)) {
            violations.add(at(key), "TYPE", "must be a JSON array");
            return Optional.empty();
        }
        if (list.size() < minItems) {
            violations.add(at(key), "TOO_FEW", "must have at least " + minItems + (minItems == 1 ? " item" : " items"));
            return Optional.empty();
        }
        if (list.size() > maxItems) {
            violations.add(at(key), "TOO_MANY", "must have at most " + maxItems + " items, got " + list.size());
            return Optional.empty();
        }
        return Optional.of(list);
    }

    /** The raw value of a field whose shape the caller checks itself. */
    Object raw(String key) {
        return take(key, false);
    }

    /** Marks a field as known without reading it (read elsewhere). */
    void known(String key) {
        read.add(key);
    }

    /** Refuses a present field that does not apply here, with {@code reason}. */
    void refuse(String key, String reason) {
        read.add(key);
        if (has(key)) {
            violations.add(at(key), "NOT_ALLOWED", reason);
        }
    }

    /** Records every field that no reader asked for. Call once, after all reads. */
    void refuseUnknown() {
        List<String> unknown = new ArrayList<>();
        for (Object key : map.keySet()) {
            if (!read.contains(String.valueOf(key))) {
                unknown.add(String.valueOf(key));
            }
        }
        unknown.sort(String::compareTo);
        for (String key : unknown) {
            violations.add(at(key), "UNKNOWN_FIELD", "is not a field of this object");
        }
    }

    private static Optional<BigInteger> wholeNumber(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Optional.of(BigInteger.valueOf(((Number) value).longValue()));
        }
        if (value instanceof BigInteger big) {
            return Optional.of(big);
        }
        if (value instanceof Number number
                && !(value instanceof Double d && (d.isNaN() || d.isInfinite()))
                && !(value instanceof Float f && (f.isNaN() || f.isInfinite()))) {
            BigDecimal exact = new BigDecimal(number.toString());
            if (exact.abs().compareTo(HUGE) > 0) {
                return Optional.of(BigInteger.TEN.pow(19).multiply(BigInteger.valueOf(exact.signum())));
            }
            if (exact.signum() == 0 || exact.stripTrailingZeros().scale() <= 0) {
                return Optional.of(exact.toBigInteger());
            }
        }
        return Optional.empty();
    }
}
