package dev.campaignstudio.core.id;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** An enum spelled one way on the wire (snake_case or a ratio such as {@code 9:16}). */
public interface WireEnum {

    /** The spelling in JSON, CLI flags and the database. */
    String wire();

    /** The constant spelled {@code wire}, if any. */
    static <E extends Enum<E> & WireEnum> Optional<E> parse(Class<E> type, String wire) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wire().equals(wire)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /** The constant spelled {@code wire}, or an exception naming the accepted spellings. */
    static <E extends Enum<E> & WireEnum> E require(Class<E> type, String wire) {
        return parse(type, wire)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown " + type.getSimpleName() + " '" + wire + "', expected one of " + spellings(type)));
    }

    /** Every accepted spelling, in declaration order, keyed to its constant. */
    static <E extends Enum<E> & WireEnum> Map<String, E> byWire(Class<E> type) {
        Map<String, E> map = new LinkedHashMap<>();
        Arrays.stream(type.getEnumConstants()).forEach(c -> map.put(c.wire(), c));
        return map;
    }

    /** The accepted spellings joined for a message: {@code a, b, c}. */
    static <E extends Enum<E> & WireEnum> String spellings(Class<E> type) {
        return String.join(", ", byWire(type).keySet());
    }
}
