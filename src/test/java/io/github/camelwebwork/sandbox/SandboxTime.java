package io.github.camelwebwork.sandbox;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * Calendar rules of the time sections. A member's day and week are those of the member's own timezone (the
 * {@code timezone} of the user, UTC when unset or unknown): "HH:mm" clock times, a time entry's {@code date} and
 * timesheet weeks (Monday..Sunday, §7.9) are all read in it. The reference does not say whose timezone applies;
 * the member's own is what the member sees in the tracker.
 */
public final class SandboxTime {

    private SandboxTime() {
    }

    public static ZoneId zoneOf(SandboxUser user) {
        if (user == null || user.timezone() == null || user.timezone().isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(user.timezone());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    public static LocalDate localDate(Instant instant, SandboxUser user) {
        return LocalDate.ofInstant(instant, zoneOf(user));
    }

    public static LocalDate weekStart(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
