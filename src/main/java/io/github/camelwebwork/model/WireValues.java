package io.github.camelwebwork.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Look-ups shared by the {@link WireValue} enumerations (the counterpart of {@link Codes}). */
public final class WireValues {

    private WireValues() {
    }

    /**
     * The constant whose wire value equals {@code value} exactly (case-sensitive), else the constant whose name equals
     * it ignoring case ({@code "regular_user"}, {@code "TRACKER_STARTED"}); empty for null or an unknown value.
     */
    public static <E extends Enum<E> & WireValue> Optional<E> fromWire(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        E[] constants = type.getEnumConstants();
        for (E e : constants) {
            if (e.wireValue().equals(value)) {
                return Optional.of(e);
            }
        }
        String t = value.trim();
        for (E e : constants) {
            if (e.name().equalsIgnoreCase(t)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** "active, paused" for error messages. */
    public static String describe(WireValue[] values) {
        return Arrays.stream(values).map(WireValue::wireValue).collect(Collectors.joining(", "));
    }

    /** "active, paused" for error messages. */
    public static <E extends Enum<E> & WireValue> String describe(Class<E> type) {
        return describe(type.getEnumConstants());
    }
}
