package io.github.camelwebwork.operation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * A rule over several fields of one request, checked after each field was valid on its own. Values are the
 * normalised ones, keyed by wire name; a rule whose fields are absent does not apply.
 */
@FunctionalInterface
public interface CrossRule {

    /**
     * Adds a violation for {@code values} (wire name to normalised value) when the rule is broken; {@code clock} says
     * what "today" is for a rule that depends on it (the component's clock).
     */
    void check(Map<String, Object> values, Clock clock, List<String> violations);

    /** {@code end} must not be before {@code start} (dates). */
    static CrossRule notBefore(String start, String end) {
        return (values, clock, violations) -> {
            if (values.get(start) instanceof String s && values.get(end) instanceof String e
                && LocalDate.parse(e).isBefore(LocalDate.parse(s))) {
                violations.add(end + ": must not be before " + start + " (" + e + " < " + s + ")");
            }
        };
    }

    /** The date range covers at most {@code days} days, both ends included (reports, reference §7.14). */
    static CrossRule atMostDays(String start, String end, int days) {
        return (values, clock, violations) -> {
            if (values.get(start) instanceof String s && values.get(end) instanceof String e) {
                long span = ChronoUnit.DAYS.between(LocalDate.parse(s), LocalDate.parse(e)) + 1;
                if (span > days) {
                    violations.add(start + ".." + end + ": may cover at most " + days + " days (got " + span + ")");
                }
            }
        };
    }

    /** Like {@link #atMostDays} but only when {@code trigger} is given (tracked hours of one user, §7.14). */
    static CrossRule atMostDaysWhen(String trigger, String start, String end, int days) {
        CrossRule rule = atMostDays(start, end, days);
        return (values, clock, violations) -> {
            if (values.get(trigger) != null) {
                rule.check(values, clock, violations);
            }
        };
    }

    /** {@code end} must be after {@code start} (clock times HH:mm of one day). */
    static CrossRule timeAfter(String start, String end) {
        return (values, clock, violations) -> {
            if (values.get(start) instanceof String s && values.get(end) instanceof String e
                && !LocalTime.parse(e).isAfter(LocalTime.parse(s))) {
                violations.add(end + ": must be after " + start + " (" + e + " <= " + s + ")");
            }
        };
    }

    /** {@code end} must be after {@code start} (ISO-8601 date-times). */
    static CrossRule dateTimeAfter(String start, String end) {
        return (values, clock, violations) -> {
            if (values.get(start) instanceof String s && values.get(end) instanceof String e
                && !OffsetDateTime.parse(e).isAfter(OffsetDateTime.parse(s))) {
                violations.add(end + ": must be after " + start + " (" + e + " <= " + s + ")");
            }
        };
    }

    /** {@code dependent} may only be given together with {@code required} (task_id needs contract_id, §7.7). */
    static CrossRule onlyWith(String dependent, String required) {
        return (values, clock, violations) -> {
            if (values.get(dependent) != null && values.get(required) == null) {
                violations.add(dependent + ": may only be given together with " + required);
            }
        };
    }

    /** A single date within the last year and at most a year ahead of today in UTC (daily timeline, §7.14). */
    static CrossRule withinAYearOfToday(String date) {
        return (values, clock, violations) -> {
            if (values.get(date) instanceof String d) {
                LocalDate day = LocalDate.parse(d);
                LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
                if (day.isBefore(today.minusYears(1)) || day.isAfter(today.plusYears(1))) {
                    violations.add(date + ": must be within a year of today (got " + d + ")");
                }
            }
        };
    }
}
