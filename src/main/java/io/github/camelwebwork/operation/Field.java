package io.github.camelwebwork.operation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.camelwebwork.model.CodedValue;
import io.github.camelwebwork.model.Codes;
import io.github.camelwebwork.model.TaskAssignee;

/**
 * One wire field of a request and its rules (reference limits). {@link #normalise} turns what a route gave (a string
 * from a URI, a number from a JSON body, an enum, a list) into the value sent, or records why it cannot be sent.
 */
public final class Field {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final String wireName;
    private final FieldType type;
    private final boolean required;
    private final boolean nullable;
    private final Integer minLength;
    private final Integer maxLength;
    private final Long min;
    private final Long max;
    private final CodedValue[] codes;

    private Field(String wireName, FieldType type, boolean required, boolean nullable, Integer minLength,
                  Integer maxLength, Long min, Long max, CodedValue[] codes) {
        this.wireName = wireName;
        this.type = type;
        this.required = required;
        this.nullable = nullable;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.min = min;
        this.max = max;
        this.codes = codes;
    }

    public static Field text(String wireName) {
        return new Field(wireName, FieldType.TEXT, false, false, null, null, null, null, null);
    }

    public static Field integerId(String wireName) {
        return new Field(wireName, FieldType.INTEGER_ID, false, false, null, null, 1L, null, null);
    }

    public static Field stringId(String wireName) {
        return new Field(wireName, FieldType.STRING_ID, false, false, 1, null, null, null, null);
    }

    public static Field integer(String wireName) {
        return new Field(wireName, FieldType.INTEGER, false, false, null, null, null, null, null);
    }

    public static Field date(String wireName) {
        return new Field(wireName, FieldType.DATE, false, false, null, null, null, null, null);
    }

    public static Field code(String wireName, CodedValue[] values) {
        return new Field(wireName, FieldType.CODE, false, false, null, null, null, null, values);
    }

    public static Field integerIds(String wireName) {
        return new Field(wireName, FieldType.INTEGER_ID_LIST, false, false, null, null, 1L, null, null);
    }

    public Field required() {
        return new Field(wireName, type, true, nullable, minLength, maxLength, min, max, codes);
    }

    /** An explicit JSON null is allowed and sent (to clear the field). */
    public Field nullable() {
        return new Field(wireName, type, required, true, minLength, maxLength, min, max, codes);
    }

    public Field length(int minChars, int maxChars) {
        return new Field(wireName, type, required, nullable, minChars, maxChars, min, max, codes);
    }

    public Field range(long minValue, long maxValue) {
        return new Field(wireName, type, required, nullable, minLength, maxLength, minValue, maxValue, codes);
    }

    public Field atLeast(long minValue) {
        return new Field(wireName, type, required, nullable, minLength, maxLength, minValue, max, codes);
    }

    public String wireName() {
        return wireName;
    }

    public FieldType type() {
        return type;
    }

    public boolean isRequired() {
        return required;
    }

    /** A short description of what is accepted, for the README and error messages. */
    public String describe() {
        return switch (type) {
            case TEXT -> maxLength == null ? "text" : "text of " + minLength + " to " + maxLength + " characters";
            case INTEGER_ID -> "integer id";
            case STRING_ID -> "string id";
            case INTEGER -> min != null && max != null ? "integer " + min + ".." + max
                    : min != null ? "integer >= " + min : "integer";
            case DATE -> "date YYYY-MM-DD";
            case CODE -> "one of " + Codes.describe(codes);
            case INTEGER_ID_LIST -> "list of integer ids";
        };
    }

    /**
     * The value to send for {@code raw} ({@code null} means an explicit JSON null), or {@link #INVALID} after adding
     * the reason to {@code violations}.
     */
    public Object normalise(Object raw, List<String> violations) {
        if (raw == null) {
            if (!nullable) {
                violations.add(wireName + ": must not be null");
                return INVALID;
            }
            return null;
        }
        return switch (type) {
            case TEXT -> text(raw, violations);
            case INTEGER_ID -> integerValue(raw, violations, "an integer id");
            case STRING_ID -> stringId(raw, violations);
            case INTEGER -> integerValue(raw, violations, "an integer");
            case DATE -> date(raw, violations);
            case CODE -> code(raw, violations);
            case INTEGER_ID_LIST -> idList(raw, violations);
        };
    }

    /** Marks a value that failed validation. */
    public static final Object INVALID = new Object() {
        @Override
        public String toString() {
            return "INVALID";
        }
    };

    private Object text(Object raw, List<String> violations) {
        if (!(raw instanceof CharSequence)) {
            violations.add(wireName + ": must be text (got " + raw.getClass().getSimpleName() + ")");
            return INVALID;
        }
        String s = raw.toString();
        int length = s.codePointCount(0, s.length());
        if (minLength != null && length < minLength || maxLength != null && length > maxLength) {
            violations.add(wireName + ": must be " + (minLength == null ? "at most " + maxLength
                    : minLength + " to " + maxLength) + " characters long (got " + length + ")");
            return INVALID;
        }
        return s;
    }

    private Object stringId(Object raw, List<String> violations) {
        String s = raw.toString().trim();
        if (s.isEmpty()) {
            violations.add(wireName + ": must not be blank");
            return INVALID;
        }
        return s;
    }

    private Object integerValue(Object raw, List<String> violations, String what) {
        Long value = toLong(raw);
        if (value == null) {
            violations.add(wireName + ": must be " + what + " (got '" + raw + "')");
            return INVALID;
        }
        if (min != null && value < min || max != null && value > max) {
            violations.add(wireName + ": must be " + (max == null ? "at least " + min : "between " + min + " and " + max)
                           + " (got " + value + ")");
            return INVALID;
        }
        return type == FieldType.INTEGER ? (Object) Math.toIntExact(value) : value;
    }

    private Object date(Object raw, List<String> violations) {
        if (raw instanceof LocalDate d) {
            return d.toString();
        }
        String s = raw.toString().trim();
        if (!DATE.matcher(s).matches()) {
            violations.add(wireName + ": must be a date YYYY-MM-DD (got '" + s + "')");
            return INVALID;
        }
        try {
            LocalDate.parse(s, STRICT_DATE);
        } catch (DateTimeParseException e) {
            violations.add(wireName + ": " + s + " is not a calendar date");
            return INVALID;
        }
        return s;
    }

    private Object code(Object raw, List<String> violations) {
        if (raw instanceof CodedValue c && List.of(codes).contains(c)) {
            return c.code();
        }
        return Codes.parse(codes, raw.toString()).map(c -> (Object) c.code()).orElseGet(() -> {
            violations.add(wireName + ": must be one of " + Codes.describe(codes) + " (got '" + raw + "')");
            return INVALID;
        });
    }

    private Object idList(Object raw, List<String> violations) {
        Collection<?> items;
        if (raw instanceof Collection<?> c) {
            items = c;
        } else if (raw instanceof Object[] array) {
            items = List.of(array);
        } else if (raw instanceof CharSequence s) {
            items = s.toString().isBlank() ? List.of() : List.of(s.toString().split("\\s*,\\s*"));
        } else {
            items = List.of(raw);
        }
        List<Long> ids = new ArrayList<>(items.size());
        for (Object item : items) {
            Long id = item instanceof TaskAssignee a ? a.memberUserId()
                    : item instanceof Map<?, ?> m ? toLong(m.get("user_id") != null ? m.get("user_id") : m.get("id"))
                    : toLong(item);
            if (id == null || id < 1) {
                violations.add(wireName + ": every element must be an integer id (got '" + item + "')");
                return INVALID;
            }
            ids.add(id);
        }
        return ids;
    }

    private static Long toLong(Object raw) {
        if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) ? (long) d : null;
        }
        if (raw instanceof CharSequence s) {
            try {
                return Long.parseLong(s.toString().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return wireName + " (" + describe() + (required ? ", required" : "") + ")";
    }
}
