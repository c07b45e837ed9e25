package io.github.camelwebwork.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects every field error of one request, so a 422 lists them all at once (H6). JSON body numbers must
 * be JSON integers: stricter than Laravel (which also takes "1"), to catch clients that send strings.
 */
public final class Validation {

    private static final Pattern QUERY_INTEGER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final Map<String, List<String>> errors = new LinkedHashMap<>();
    private String hint;

    public void add(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /** Extra explanation for the envelope's {@code error} string. */
    public void hint(String text) {
        hint = text;
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors, hint);
        }
    }

    // ---- query string ----

    /** An integer query parameter; an empty value counts as absent. Null when absent or invalid. */
    public Long queryInteger(ApiRequest request, String field, boolean required) {
        String raw = request.query(field);
        if (raw == null || raw.isBlank()) {
            if (required) {
                add(field, Messages.required(field));
            }
            return null;
        }
        if (!QUERY_INTEGER.matcher(raw.trim()).matches()) {
            add(field, Messages.integer(field));
            return null;
        }
        return Long.parseLong(raw.trim());
    }

    public Integer queryChoice(ApiRequest request, String field, Set<Integer> allowed) {
        Long value = queryInteger(request, field, false);
        if (value != null && !isChoice(value, allowed)) {
            add(field, Messages.invalidChoice(field));
            return null;
        }
        return value == null ? null : value.intValue();
    }

    public String queryText(ApiRequest request, String field, Set<String> allowed) {
        String raw = request.query(field);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (allowed != null && !allowed.contains(raw)) {
            add(field, Messages.invalidChoice(field));
            return null;
        }
        return raw;
    }

    public static boolean isChoice(long value, Set<Integer> allowed) {
        return value == (int) value && allowed.contains((int) value);
    }

    // ---- JSON body ----

    /** A required integer body field; null when absent, null or invalid. */
    public Long bodyInteger(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            add(field, Messages.required(field));
            return null;
        }
        return integer(node, field);
    }

    /** Checks a present, non-null node is an integer. */
    public Long integer(JsonNode node, String field) {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            add(field, Messages.integer(field));
            return null;
        }
        return node.asLong();
    }

    /** Checks a present, non-null node is a {@code YYYY-MM-DD} date. */
    public LocalDate date(JsonNode node, String field) {
        if (!node.isTextual() || !DATE.matcher(node.asText()).matches()) {
            add(field, Messages.dateFormat(field));
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            add(field, Messages.dateFormat(field));
            return null;
        }
    }
}
