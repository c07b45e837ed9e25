package io.github.camelwebwork.routes.export;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelwebwork.routes.RouteClock;
import org.apache.camel.Exchange;

/**
 * One ISO-8601 week (Monday to Sunday) that an export covers, named by its week-based year and week number:
 * {@code 2026-W47}. The week-based year is not always the calendar year: 2024-12-30 lies in {@code 2025-W01} and
 * 2027-01-01 in {@code 2026-W53}, so file names built with {@link #fileName(String, String)} sort and group correctly
 * across New Year.
 * <p>
 * Used by {@code routes/scheduled-export.yaml}: {@link #resolve(String, String)} turns the optional
 * {@code ExportWeek} header (a week {@code 2026-W47} or any date {@code 2026-11-18} of the week) into the period, and
 * without it picks the last full week before today in the export's time zone.
 */
public final class ExportPeriod {

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-?W(\\d{1,2})");

    private final LocalDate monday;
    private final ZoneId zone;

    private ExportPeriod(LocalDate monday, ZoneId zone) {
        this.monday = Objects.requireNonNull(monday, "monday");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The ISO week holding {@code date}. */
    public static ExportPeriod weekOf(LocalDate date, ZoneId zone) {
        return new ExportPeriod(date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), zone);
    }

    /** The last full ISO week before the current one, "current" being today in {@code zone} by {@code clock}. */
    public static ExportPeriod lastWeek(Clock clock, ZoneId zone) {
        return weekOf(LocalDate.now(clock.withZone(zone)).minusWeeks(1), zone);
    }

    /** ISO week {@code week} (1 to 52 or 53) of the week-based year {@code weekBasedYear}. */
    public static ExportPeriod of(int weekBasedYear, int week, ZoneId zone) {
        LocalDate jan4 = LocalDate.of(weekBasedYear, 1, 4);       // always in week 1
        long weeks = jan4.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week < 1 || week > weeks) {
            throw new IllegalArgumentException(
                    "Week-based year " + weekBasedYear + " has weeks 1 to " + weeks + ", not " + week);
        }
        return weekOf(jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week), zone);
    }

    /**
     * The period of a request: blank means {@link #lastWeek(Clock, ZoneId) last week} by the system clock; otherwise
     * an ISO week ({@code 2026-W47}, {@code 2026W47}) or a date ({@code 2026-11-18}) whose week is meant.
     *
     * @param requested the {@code ExportWeek} header, may be null
     * @param zone      a time-zone id such as {@code Europe/Berlin}; blank means UTC
     * @throws IllegalArgumentException when {@code requested} or {@code zone} cannot be read
     */
    public static ExportPeriod resolve(String requested, String zone) {
        return resolve(requested, zone, Clock.systemUTC());
    }

    /** {@link #resolve(String, String)} by the {@link RouteClock} of the exchange's context (the shipped route's). */
    public static ExportPeriod requested(Exchange exchange, String requested, String zone) {
        return resolve(requested, zone, RouteClock.of(exchange.getContext()));
    }

    /** {@link #resolve(String, String)} with a given clock. */
    public static ExportPeriod resolve(String requested, String zone, Clock clock) {
        ZoneId zoneId = zone == null || zone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(zone.trim());
        if (requested == null || requested.isBlank()) {
            return lastWeek(clock, zoneId);
        }
        String text = requested.trim().toUpperCase(Locale.ROOT);
        Matcher m = WEEK.matcher(text);
        if (m.matches()) {
            return of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), zoneId);
        }
        try {
            return weekOf(LocalDate.parse(text), zoneId);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "Not an ISO week (2026-W47) or a date (2026-11-18): '" + requested + "'", e);
        }
    }

    /** {@code 2026-W47}: the week-based year, "-W" and the two-digit week number. */
    public String getLabel() {
        return String.format("%04d-W%02d", getWeekBasedYear(), getWeek());
    }

    public int getWeekBasedYear() {
        return monday.get(IsoFields.WEEK_BASED_YEAR);
    }

    public int getWeek() {
        return monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    /** The Monday. */
    public LocalDate getStart() {
        return monday;
    }

    /** The Sunday. */
    public LocalDate getEnd() {
        return monday.plusDays(6);
    }

    /** The Monday as {@code YYYY-MM-DD} (the report's {@code start_date}). */
    public String getStartDate() {
        return getStart().toString();
    }

    /** The Sunday as {@code YYYY-MM-DD} (the report's {@code end_date}). */
    public String getEndDate() {
        return getEnd().toString();
    }

    /** The seven days, Monday first, as {@code YYYY-MM-DD}. */
    public List<String> getDays() {
        List<String> days = new ArrayList<>(7);
        for (int i = 0; i < 7; i++) {
            days.add(monday.plusDays(i).toString());
        }
        return days;
    }

    /** The zone "last week" was computed in (the entries themselves are dated in each member's own zone). */
    public ZoneId getZone() {
        return zone;
    }

    /** {@code <prefix>-<label>.<extension>}, e.g. {@code tracked-hours-2026-W47.csv}. */
    public String fileName(String prefix, String extension) {
        return prefix + "-" + getLabel() + "." + extension;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExportPeriod p && p.monday.equals(monday) && p.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(monday, zone);
    }

    @Override
    public String toString() {
        return getLabel() + " (" + getStartDate() + " to " + getEndDate() + ", " + zone + ")";
    }
}
