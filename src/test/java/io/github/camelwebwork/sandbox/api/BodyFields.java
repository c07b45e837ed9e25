package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.sandbox.http.Messages;
import io.github.camelwebwork.sandbox.http.Validation;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the scalar fields of a create or update body into {@link Validation}, with Laravel's rules and wording:
 * empty strings count as null (ConvertEmptyStringsToNull), a required field that is absent, null or blank is
 * "required", an optional field sent as null clears the value. Every getter returns null when the field is
 * absent, null or invalid; {@link #has} tells "absent" from "sent as null".
 */
final class BodyFields {

    static final int MAX_STRING = 255;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final JsonNode body;
    private final Validation v;

    BodyFields(JsonNode body, Validation v) {
        this.body = body;
        this.v = v;
    }

    static String emailMessage(String field) {
        return "The " + Messages.attribute(field) + " must be a valid email address.";
    }

    static String takenMessage(String field) {
        return "The " + Messages.attribute(field) + " has already been taken.";
    }

    /** Present in the body, null included. */
    boolean has(String field) {
        return body.has(field);
    }

    String text(String field, boolean required, int max) {
        JsonNode n = body.get(field);
        if (!isSet(n)) {
            requiredIf(required, field);
            return null;
        }
        if (!n.isTextual()) {
            v.add(field, Messages.string(field));
            return null;
        }
        if (n.asText().codePointCount(0, n.asText().length()) > max) {
            v.add(field, Messages.maxCharacters(field, max));
            return null;
        }
        return n.asText();
    }

    /** A required-when-present text: on update, {@code "name": ""} is "required" rather than "clear it". */
    String presentText(String field, boolean required, int max) {
        return text(field, required || body.has(field), max);
    }

    String email(String field, boolean required) {
        String value = text(field, required || body.has(field), MAX_STRING);
        if (value != null && !EMAIL.matcher(value).matches()) {
            v.add(field, emailMessage(field));
            return null;
        }
        return value;
    }

    String choice(String field, Set<String> allowed, boolean required) {
        String value = text(field, required || body.has(field), MAX_STRING);
        if (value != null && !allowed.contains(value)) {
            v.add(field, Messages.invalidChoice(field));
            return null;
        }
        return value;
    }

    /** An integer in {@code allowed}; JSON integers only (see {@link Validation}). */
    Integer intChoice(String field, Set<Integer> allowed) {
        JsonNode n = body.get(field);
        if (!isSet(n)) {
            requiredIf(n != null, field);
            return null;
        }
        Long value = v.integer(n, field);
        if (value != null && !Validation.isChoice(value, allowed)) {
            v.add(field, Messages.invalidChoice(field));
            return null;
        }
        return value == null ? null : value.intValue();
    }

    Integer intBetween(String field, int min, int max) {
        JsonNode n = body.get(field);
        if (!isSet(n)) {
            return null;
        }
        Long value = v.integer(n, field);
        if (value != null && (value < min || value > max)) {
            v.add(field, Messages.between(field, min, max));
            return null;
        }
        return value == null ? null : value.intValue();
    }

    /** A number ≥ {@code min}; like Laravel's numeric rule, numeric strings ("12.5") count too. */
    Double number(String field, long min) {
        JsonNode n = body.get(field);
        if (!isSet(n)) {
            return null;
        }
        Double value = null;
        if (n.isNumber()) {
            value = n.asDouble();
        } else if (n.isTextual()) {
            try {
                value = Double.valueOf(n.asText().trim());
            } catch (NumberFormatException e) {
                value = null;
            }
        }
        if (value == null || value.isNaN() || value.isInfinite()) {
            v.add(field, "The " + Messages.attribute(field) + " must be a number.");
            return null;
        }
        if (value < min) {
            v.add(field, Messages.minValue(field, min));
            return null;
        }
        return value;
    }

    LocalDate date(String field) {
        JsonNode n = body.get(field);
        return isSet(n) ? v.date(n, field) : null;
    }

    private void requiredIf(boolean required, String field) {
        if (required) {
            v.add(field, Messages.required(field));
        }
    }

    private static boolean isSet(JsonNode n) {
        return n != null && !n.isNull() && !isBlankText(n);
    }

    private static boolean isBlankText(JsonNode n) {
        return n.isTextual() && n.asText().isBlank();
    }
}
