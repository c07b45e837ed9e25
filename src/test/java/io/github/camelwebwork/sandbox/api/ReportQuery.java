package io.github.camelwebwork.sandbox.api;

import io.github.camelwebwork.sandbox.http.ApiRequest;
import io.github.camelwebwork.sandbox.http.Messages;
import io.github.camelwebwork.sandbox.http.Validation;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Query parameters of the reports (§7.14). A list filter may come as CSV ({@code users=1,2}), as a PHP array
 * ({@code users[]=1&users[]=2}, {@code users[0]=1}) or mixed; its field errors are keyed per element, as Laravel's
 * {@code users.*} rules are ({@code users.1}). Ranges are inclusive and "at most 31 days" counts days inclusively
 * (May 1..May 31 is allowed, Jan 1..Feb 1 is not).
 */
final class ReportQuery {

    static final int MAX_RANGE_DAYS = 31;
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    private static final Set<String> TRUE = Set.of("1", "true");
    private static final Set<String> FALSE = Set.of("0", "false");

    record Range(LocalDate start, LocalDate end) {
        List<LocalDate> days() {
            return start.datesUntil(end.plusDays(1)).toList();
        }

        boolean contains(LocalDate date) {
            return !date.isBefore(start) && !date.isAfter(end);
        }
    }

    private ReportQuery() {
    }

    static String tooLong(int maxDays) {
        return "The date range may not be longer than " + maxDays + " days.";
    }

    /** Every value of {@code field}, {@code field[]} and {@code field[n]}, CSV parts split, blanks dropped. */
    static List<String> texts(ApiRequest r, String field) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, List<String>> param : r.query().entrySet()) {
            String name = param.getKey();
            if (name.equals(field) || name.equals(field + "[]")
                    || (name.startsWith(field + "[") && name.endsWith("]"))) {
                param.getValue().forEach(value -> {
                    for (String part : value.split(",")) {
                        if (!part.isBlank()) {
                            values.add(part.trim());
                        }
                    }
                });
            }
        }
        return values;
    }

    /** An id list; an element that is not an integer is a {@code field.i} error. */
    static List<Long> ids(ApiRequest r, String field, Validation v) {
        List<String> raw = texts(r, field);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            if (INTEGER.matcher(raw.get(i)).matches()) {
                ids.add(Long.parseLong(raw.get(i)));
            } else {
                v.add(field + "." + i, Messages.integer(field + "." + i));
            }
        }
        return ids;
    }

    /** A list of values from {@code allowed}; anything else is a {@code field.i} error. */
    static List<String> choices(ApiRequest r, String field, Set<String> allowed, Validation v) {
        List<String> raw = texts(r, field);
        for (int i = 0; i < raw.size(); i++) {
            if (!allowed.contains(raw.get(i))) {
                v.add(field + "." + i, Messages.invalidChoice(field + "." + i));
            }
        }
        return raw;
    }

    /** Required {@code start_date}/{@code end_date}, end ≥ start, at most {@code maxDays}; null when invalid. */
    static Range requiredRange(ApiRequest r, Validation v, int maxDays) {
        LocalDate start = TimeFields.queryDate(r, "start_date", true, v);
        LocalDate end = TimeFields.queryDate(r, "end_date", true, v);
        return check(start, end, maxDays, v);
    }

    /** End ≥ start and, when {@code maxDays} > 0, at most that many days; null when either is missing or wrong. */
    static Range check(LocalDate start, LocalDate end, int maxDays, Validation v) {
        if (start == null || end == null) {
            return null;
        }
        if (end.isBefore(start)) {
            v.add("end_date", Messages.afterOrEqual("end_date", "start_date"));
            return null;
        }
        if (maxDays > 0 && ChronoUnit.DAYS.between(start, end) + 1 > maxDays) {
            v.add("end_date", tooLong(maxDays));
            return null;
        }
        return new Range(start, end);
    }

    /** A boolean query flag: 1/0/true/false; absent means {@code otherwise}. */
    static boolean flag(ApiRequest r, String field, boolean otherwise, Validation v) {
        String raw = r.query(field);
        if (raw == null || raw.isBlank()) {
            return otherwise;
        }
        String value = raw.trim().toLowerCase(Locale.ROOT);
        if (!TRUE.contains(value) && !FALSE.contains(value)) {
            v.add(field, "The " + Messages.attribute(field) + " field must be true or false.");
            return otherwise;
        }
        return TRUE.contains(value);
    }
}
