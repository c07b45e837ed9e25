package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.sandbox.http.ApiRequest;
import io.github.camelwebwork.sandbox.http.Messages;
import io.github.camelwebwork.sandbox.http.Validation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Field rules of the time sections beyond {@link BodyFields}: ids that may be null, "HH:mm" clock times (§2),
 * ISO-8601 date-times (§7.10) and query dates, worded like Laravel's validator (H6).
 */
final class TimeFields {

    private static final Pattern CLOCK = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private TimeFields() {
    }

    /** A date-time as sent: with an offset it is an instant, without one it is read in the member's timezone. */
    record DateTimeInput(Instant instant, LocalDateTime local) {
        Instant in(ZoneId zone) {
            return instant != null ? instant : local.atZone(zone).toInstant();
        }
    }

    static String requiredWith(String field, String other) {
        return "The " + Messages.attribute(field) + " field is required when " + Messages.attribute(other)
                + " is present.";
    }

    static String clockFormat(String field) {
        return "The " + Messages.attribute(field) + " does not match the format H:i.";
    }

    static String notADate(String field) {
        return "The " + Messages.attribute(field) + " is not a valid date.";
    }

    static String after(String field, String other) {
        return "The " + Messages.attribute(field) + " must be a date after " + Messages.attribute(other) + ".";
    }

    static String beforeOrEqual(String field, String when) {
        return "The " + Messages.attribute(field) + " must be a date before or equal to " + when + ".";
    }

    /** An id that may be sent as null ("int or null"): null when absent, null or invalid. */
    static Long nullableId(JsonNode body, String field, Validation v) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() || (n.isTextual() && n.asText().isEmpty()) ? null : v.integer(n, field);
    }

    /** "HH:mm", 00:00..23:59. */
    static LocalTime clock(JsonNode body, String field, boolean required, Validation v) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
            if (required || n != null) {
                v.add(field, Messages.required(field));
            }
            return null;
        }
        if (!n.isTextual() || !CLOCK.matcher(n.asText()).matches()) {
            v.add(field, clockFormat(field));
            return null;
        }
        return LocalTime.parse(n.asText());
    }

    /** A {@code Y-m-d} body date. */
    static LocalDate date(JsonNode body, String field, boolean required, Validation v) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
            if (required || n != null) {
                v.add(field, Messages.required(field));
            }
            return null;
        }
        return v.date(n, field);
    }

    /** An ISO-8601 date-time such as {@code 2024-01-15T09:00:00Z}, {@code ...+02:00} or without offset. */
    static DateTimeInput dateTime(JsonNode body, String field, Validation v) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
            v.add(field, Messages.required(field));
            return null;
        }
        String text = n.isTextual() ? n.asText().trim() : "";
        try {
            return new DateTimeInput(OffsetDateTime.parse(text).toInstant(), null);
        } catch (DateTimeParseException notWithOffset) {
            try {
                return new DateTimeInput(null, LocalDateTime.parse(text.replace(' ', 'T')));
            } catch (DateTimeParseException e) {
                v.add(field, notADate(field));
                return null;
            }
        }
    }

    /** A {@code Y-m-d} query parameter; null when absent or invalid. */
    static LocalDate queryDate(ApiRequest r, String field, boolean required, Validation v) {
        String raw = r.query(field);
        if (raw == null || raw.isBlank()) {
            if (required) {
                v.add(field, Messages.required(field));
            }
            return null;
        }
        if (!DATE.matcher(raw).matches()) {
            v.add(field, Messages.dateFormat(field));
            return null;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            v.add(field, Messages.dateFormat(field));
            return null;
        }
    }

    /** A string of at most {@code max} characters that may be null; null when absent, null, blank or invalid. */
    static String text(JsonNode body, String field, int max, Validation v) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
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
}
