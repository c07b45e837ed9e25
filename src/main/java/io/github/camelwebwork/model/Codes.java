package io.github.camelwebwork.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Look-ups shared by the {@link CodedValue} enumerations. */
public final class Codes {

    private Codes() {
    }

    public static <E extends CodedValue> Optional<E> fromCode(E[] values, Integer code) {
        if (code == null) {
            return Optional.empty();
        }
        return Arrays.stream(values).filter(v -> v.code() == code).findFirst();
    }

    /** Accepts the code ("10") or the label in any case ("doing", "Doing"). */
    public static <E extends CodedValue> Optional<E> parse(E[] values, String text) {
        String t = text.trim();
        return Arrays.stream(values)
                .filter(v -> String.valueOf(v.code()).equals(t) || v.label().equalsIgnoreCase(t)
                        || ((Enum<?>) v).name().equalsIgnoreCase(t.replace(' ', '_')))
                .findFirst();
    }

    /** "0 (Incomplete), 10 (Doing), ..." for error messages. */
    public static String describe(CodedValue[] values) {
        return Arrays.stream(values).map(v -> v.code() + " (" + v.label() + ")").collect(Collectors.joining(", "));
    }

}
