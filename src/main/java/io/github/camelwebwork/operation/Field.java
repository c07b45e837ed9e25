package io.github.camelwebwork.operation;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.camelwebwork.model.CodedValue;
import io.github.camelwebwork.model.Codes;
import io.github.camelwebwork.model.TaskAssignee;
import io.github.camelwebwork.model.WireValue;

/**
 * One wire field of a request and its rules (reference limits). {@link #normalise} turns what a route gave (a string
 * from a URI, a number from a JSON body, an enum, a list) into the value sent, or records why it cannot be sent.
 */
public final class Field {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    /** Marks a value that failed validation. */
    public static final Object INVALID = new Object() {
        @Override
        public String toString() {
            return "INVALID";
        }
    };

    private record Spec(String wireName, FieldType type, boolean required, boolean nullable, Integer minLength,
                        Integer maxLength, BigDecimal min, BigDecimal max, boolean minExclusive, CodedValue[] codes,
                        List<String> choices, ListStyle listStyle) {
    }

    private final Spec spec;

    private Field(Spec spec) {
        this.spec = spec;
    }

    private static Field of(String wireName, FieldType type) {
        return new Field(new Spec(wireName, type, false, false, null, null, null, null, false, null, null,
                ListStyle.COMMA_SEPARATED));
    }

    public static Field text(String wireName) {
        return of(wireName, FieldType.TEXT);
    }

    public static Field email(String wireName) {
        return of(wireName, FieldType.EMAIL).length(3, 255);
    }

    public static Field url(String wireName) {
        return of(wireName, FieldType.URL).length(1, 2048);
    }

    public static Field integerId(String wireName) {
        return of(wireName, FieldType.INTEGER_ID).atLeast(1);
    }

    public static Field stringId(String wireName) {
        return of(wireName, FieldType.STRING_ID);
    }

    public static Field integer(String wireName) {
        return of(wireName, FieldType.INTEGER);
    }

    public static Field number(String wireName) {
        return of(wireName, FieldType.NUMBER);
    }

    public static Field bool(String wireName) {
        return of(wireName, FieldType.BOOLEAN);
    }

    public static Field date(String wireName) {
        return of(wireName, FieldType.DATE);
    }

    public static Field time(String wireName) {
        return of(wireName, FieldType.TIME);
    }

    public static Field dateTime(String wireName) {
        return of(wireName, FieldType.DATE_TIME);
    }

    public static Field code(String wireName, CodedValue[] values) {
        Spec s = of(wireName, FieldType.CODE).spec;
        return new Field(new Spec(s.wireName, s.type, false, false, null, null, null, null, false, values, null,
                s.listStyle));
    }

    /** One of the wire values of a {@link WireValue} enumeration. */
    public static Field choice(String wireName, WireValue[] values) {
        return choice(wireName, Arrays.stream(values).map(WireValue::wireValue).toList());
    }

    public static Field choice(String wireName, List<String> values) {
        return new Field(new Spec(wireName, FieldType.CHOICE, false, false, null, null, null, null, false, null,
                List.copyOf(values), ListStyle.COMMA_SEPARATED));
    }

    public static Field integerIds(String wireName) {
        return of(wireName, FieldType.INTEGER_ID_LIST).atLeast(1);
    }

    public static Field texts(String wireName) {
        return of(wireName, FieldType.TEXT_LIST);
    }

    /** A list of wire values of a {@link WireValue} enumeration. */
    public static Field choices(String wireName, WireValue[] values) {
        return new Field(new Spec(wireName, FieldType.TEXT_LIST, false, false, null, null, null, null, false, null,
                Arrays.stream(values).map(WireValue::wireValue).toList(), ListStyle.COMMA_SEPARATED));
    }

    private Field with(Spec s) {
        return new Field(s);
    }

    public Field required() {
        Spec s = spec;
        return with(new Spec(s.wireName, s.type, true, s.nullable, s.minLength, s.maxLength, s.min, s.max,
                s.minExclusive, s.codes, s.choices, s.listStyle));
    }

    /** An explicit JSON null is allowed and sent (to clear the field). */
    public Field nullable() {
        Spec s = spec;
        return with(new Spec(s.wireName, s.type, s.required, true, s.minLength, s.maxLength, s.min, s.max,
                s.minExclusive, s.codes, s.choices, s.listStyle));
    }

    public Field length(int minChars, int maxChars) {
        Spec s = spec;
        return with(new Spec(s.wireName, s.type, s.required, s.nullable, minChars, maxChars, s.min, s.max,
                s.minExclusive, s.codes, s.choices, s.listStyle));
    }

    public Field range(long minValue, long maxValue) {
        Spec s = spec;
        return with(new Spec(s.wireName, s.type, s.required, s.nullable, s.minLength, s.maxLength,
                BigDecimal.valueOf(minValue), BigDecimal.valueOf(maxValue), false, s.codes, s.choices, s.listStyle));
    }

    public Field atLeast(long minValue) {
        Spec s = spec;
        return with(new Spec(s.wireName, s.type, s.required, s.nullable, s.minLength, s.maxLength,
                BigDecimal.valueOf(minValue), s.max, false, s.codes, s.choices, s.listStyle));
    }

    /** Strictly greater than zero (amounts). */
    public Field positive() {
        Spec s = spec;
        return with(new Spec(s.wireName, s.type, s.required, s.nullable, s.minLength, s.maxLength, BigDecimal.ZERO,
                s.max, true, s.codes, s.choices, s.listStyle));
    }

    public Field listStyle(ListStyle style) {
        Spec s = spec;
        return with(new Spec(s.wireName, s.type, s.required, s.nullable, s.minLength, s.maxLength, s.min, s.max,
                s.minExclusive, s.codes, s.choices, style));
    }

    public String wireName() {
        return spec.wireName;
    }

    public FieldType type() {
        return spec.type;
    }

    public boolean isRequired() {
        return spec.required;
    }

    public ListStyle listStyle() {
        return spec.listStyle;
    }

    /** A short description of what is accepted, for the README and error messages. */
    public String describe() {
        Spec s = spec;
        return switch (s.type) {
            case TEXT -> s.maxLength == null ? "text" : "text of " + s.minLength + " to " + s.maxLength + " characters";
            case EMAIL -> "e-mail address";
            case URL -> "http(s) URL";
            case INTEGER_ID -> "integer id";
            case STRING_ID -> "string id";
            case INTEGER, NUMBER -> (s.type == FieldType.INTEGER ? "integer" : "number") + bounds();
            case BOOLEAN -> "true or false";
            case DATE -> "date YYYY-MM-DD";
            case TIME -> "time HH:mm";
            case DATE_TIME -> "ISO-8601 date-time";
            case CODE -> "one of " + Codes.describe(s.codes);
            case CHOICE -> "one of " + String.join(", ", s.choices);
            case INTEGER_ID_LIST -> "list of integer ids";
            case TEXT_LIST -> s.choices == null ? "list of text" : "list of " + String.join(", ", s.choices);
        };
    }

    private String bounds() {
        if (spec.min != null && spec.max != null) {
            return " " + spec.min + ".." + spec.max;
        }
        if (spec.min != null) {
            return spec.minExclusive ? " > " + spec.min : " >= " + spec.min;
        }
        return "";
    }

    /**
     * The value to send for {@code raw} ({@code null} means an explicit JSON null), or {@link #INVALID} after adding
     * the reason to {@code violations}.
     */
    public Object normalise(Object raw, List<String> violations) {
        if (raw == null) {
            if (!spec.nullable) {
                violations.add(wireName() + ": must not be null");
                return INVALID;
            }
            return null;
        }
        return switch (spec.type) {
            case TEXT -> text(raw, violations);
            case EMAIL -> pattern(raw, violations, EMAIL, "an e-mail address");
            case URL -> url(raw, violations);
            case INTEGER_ID -> integerValue(raw, violations, "an integer id");
            case STRING_ID -> stringId(raw, violations);
            case INTEGER -> integerValue(raw, violations, "an integer");
            case NUMBER -> number(raw, violations);
            case BOOLEAN -> bool(raw, violations);
            case DATE -> date(raw, violations);
            case TIME -> time(raw, violations);
            case DATE_TIME -> dateTime(raw, violations);
            case CODE -> code(raw, violations);
            case CHOICE -> choice(raw, violations);
            case INTEGER_ID_LIST -> idList(raw, violations);
            case TEXT_LIST -> textList(raw, violations);
        };
    }

    private Object text(Object raw, List<String> violations) {
        if (!(raw instanceof CharSequence)) {
            violations.add(wireName() + ": must be text (got " + raw.getClass().getSimpleName() + ")");
            return INVALID;
        }
        String s = raw.toString();
        int length = s.codePointCount(0, s.length());
        Integer min = spec.minLength;
        Integer max = spec.maxLength;
        if (min != null && length < min || max != null && length > max) {
            violations.add(wireName() + ": must be " + (min == null ? "at most " + max : min + " to " + max)
                           + " characters long (got " + length + ")");
            return INVALID;
        }
        return s;
    }

    private Object pattern(Object raw, List<String> violations, Pattern pattern, String what) {
        Object text = text(raw, violations);
        if (text == INVALID) {
            return INVALID;
        }
        if (!pattern.matcher(text.toString().trim()).matches()) {
            violations.add(wireName() + ": must be " + what + " (got '" + raw + "')");
            return INVALID;
        }
        return text.toString().trim();
    }

    private Object url(Object raw, List<String> violations) {
        Object text = text(raw.toString(), violations);
        if (text == INVALID) {
            return INVALID;
        }
        try {
            URI uri = URI.create(text.toString().trim());
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return uri.toString();
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        violations.add(wireName() + ": must be an absolute http or https URL (got '" + raw + "')");
        return INVALID;
    }

    private Object stringId(Object raw, List<String> violations) {
        String s = raw.toString().trim();
        if (s.isEmpty()) {
            violations.add(wireName() + ": must not be blank");
            return INVALID;
        }
        return s;
    }

    private Object integerValue(Object raw, List<String> violations, String what) {
        Long value = toLong(raw);
        if (value == null) {
            violations.add(wireName() + ": must be " + what + " (got '" + raw + "')");
            return INVALID;
        }
        if (!inRange(BigDecimal.valueOf(value))) {
            violations.add(wireName() + ": must be " + rangeWords() + " (got " + value + ")");
            return INVALID;
        }
        return spec.type == FieldType.INTEGER ? (Object) Math.toIntExact(value) : value;
    }

    private Object number(Object raw, List<String> violations) {
        BigDecimal value;
        try {
            value = raw instanceof BigDecimal b ? b : new BigDecimal(raw.toString().trim());
        } catch (NumberFormatException e) {
            violations.add(wireName() + ": must be a number (got '" + raw + "')");
            return INVALID;
        }
        if (!inRange(value)) {
            violations.add(wireName() + ": must be " + rangeWords() + " (got " + value.toPlainString() + ")");
            return INVALID;
        }
        return value;
    }

    private boolean inRange(BigDecimal value) {
        if (spec.min != null) {
            int c = value.compareTo(spec.min);
            if (c < 0 || c == 0 && spec.minExclusive) {
                return false;
            }
        }
        return spec.max == null || value.compareTo(spec.max) <= 0;
    }

    private String rangeWords() {
        if (spec.max == null) {
            return spec.minExclusive ? "greater than " + spec.min : "at least " + spec.min;
        }
        return "between " + spec.min + " and " + spec.max;
    }

    private Object bool(Object raw, List<String> violations) {
        if (raw instanceof Boolean b) {
            return b;
        }
        String s = raw.toString().trim();
        if ("true".equalsIgnoreCase(s) || "1".equals(s)) {
            return true;
        }
        if ("false".equalsIgnoreCase(s) || "0".equals(s)) {
            return false;
        }
        violations.add(wireName() + ": must be true or false (got '" + raw + "')");
        return INVALID;
    }

    private Object date(Object raw, List<String> violations) {
        if (raw instanceof LocalDate d) {
            return d.toString();
        }
        String s = raw.toString().trim();
        if (!DATE.matcher(s).matches()) {
            violations.add(wireName() + ": must be a date YYYY-MM-DD (got '" + s + "')");
            return INVALID;
        }
        try {
            LocalDate.parse(s, STRICT_DATE);
        } catch (DateTimeParseException e) {
            violations.add(wireName() + ": " + s + " is not a calendar date");
            return INVALID;
        }
        return s;
    }

    private Object time(Object raw, List<String> violations) {
        if (raw instanceof LocalTime t) {
            return String.format("%02d:%02d", t.getHour(), t.getMinute());
        }
        String s = raw.toString().trim();
        if (!TIME.matcher(s).matches()) {
            violations.add(wireName() + ": must be a time HH:mm (got '" + s + "')");
            return INVALID;
        }
        return s;
    }

    private Object dateTime(Object raw, List<String> violations) {
        if (raw instanceof OffsetDateTime || raw instanceof ZonedDateTime || raw instanceof Instant) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    raw instanceof Instant i ? i.atOffset(ZoneOffset.UTC) : (TemporalAccessor) raw);
        }
        String s = raw.toString().trim();
        try {
            OffsetDateTime.parse(s);
            return s;
        } catch (DateTimeParseException e) {
            violations.add(wireName() + ": must be an ISO-8601 date-time with an offset, e.g. 2024-01-15T09:00:00Z"
                           + " (got '" + s + "')");
            return INVALID;
        }
    }

    private Object code(Object raw, List<String> violations) {
        if (raw instanceof CodedValue c && List.of(spec.codes).contains(c)) {
            return c.code();
        }
        return Codes.parse(spec.codes, raw.toString()).map(c -> (Object) c.code()).orElseGet(() -> {
            violations.add(wireName() + ": must be one of " + Codes.describe(spec.codes) + " (got '" + raw + "')");
            return INVALID;
        });
    }

    private Object choice(Object raw, List<String> violations) {
        String s = raw instanceof WireValue w ? w.wireValue() : raw.toString().trim();
        for (String choice : spec.choices) {
            if (choice.equals(s)) {
                return choice;
            }
        }
        for (String choice : spec.choices) {
            if (choice.equalsIgnoreCase(s) || choice.replace(' ', '_').equalsIgnoreCase(s)) {
                return choice;
            }
        }
        violations.add(wireName() + ": must be one of " + String.join(", ", spec.choices) + " (got '" + raw + "')");
        return INVALID;
    }

    private static Collection<?> items(Object raw) {
        if (raw instanceof Collection<?> c) {
            return c;
        }
        if (raw instanceof Object[] array) {
            return List.of(array);
        }
        if (raw instanceof CharSequence s) {
            return s.toString().isBlank() ? List.of() : List.of(s.toString().trim().split("\\s*,\\s*"));
        }
        return List.of(raw);
    }

    private Object idList(Object raw, List<String> violations) {
        Collection<?> items = items(raw);
        List<Long> ids = new ArrayList<>(items.size());
        for (Object item : items) {
            Long id = item instanceof TaskAssignee a ? a.memberUserId()
                    : item instanceof Map<?, ?> m ? toLong(m.get("user_id") != null ? m.get("user_id") : m.get("id"))
                    : toLong(item);
            if (id == null || id < 1) {
                violations.add(wireName() + ": every element must be an integer id (got '" + item + "')");
                return INVALID;
            }
            ids.add(id);
        }
        return ids;
    }

    private Object textList(Object raw, List<String> violations) {
        List<String> values = new ArrayList<>();
        for (Object item : items(raw)) {
            if (spec.choices == null) {
                values.add(item.toString().trim());
                continue;
            }
            Object v = choice(item, violations);
            if (v == INVALID) {
                return INVALID;
            }
            values.add(v.toString());
        }
        if (spec.required && values.isEmpty()) {
            violations.add(wireName() + ": must not be empty");
            return INVALID;
        }
        return values;
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
        return wireName() + " (" + describe() + (spec.required ? ", required" : "") + ")";
    }
}
