package io.github.camelwebwork.sandbox.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * The attendance rule of §7.14 {@code /reports/daily-attendance}, in one place (the reference names the statuses
 * but not the rule). A workday is Monday..Friday, 09:00–17:00 in the member's own timezone, 480 minutes expected
 * less any approved leave that day. With a 10-minute grace: "Late" = first start after 09:10; "Left early" = last
 * end before 16:50; "Tracked less" = fewer minutes than expected; "Absent" = nothing tracked on a workday that has
 * begun (past 09:10); "On leave" = approved leave that day; "Holiday" = a weekend day without time; "Present" =
 * any tracked time. A full day of leave is judged on nothing else; a partial one (half day, hours) lowers the
 * expected minutes and skips Late and Left early, which the leave may explain. "Left early" and "Tracked less"
 * are judged only once the workday is over (17:00 passed). An untracked gap of 15 minutes or more between first
 * start and last end counts as a break, like an explicit "Break" entry.
 */
final class Workday {

    static final LocalTime START = LocalTime.of(9, 0);
    static final LocalTime END = LocalTime.of(17, 0);
    static final int EXPECTED_MINUTES = 480;
    static final int GRACE_MINUTES = 10;
    static final int MIN_BREAK_GAP_MINUTES = 15;

    static final String PRESENT = "Present";
    static final String LATE = "Late";
    static final String LEFT_EARLY = "Left early";
    static final String TRACKED_LESS = "Tracked less";
    static final String ABSENT = "Absent";
    static final String ON_LEAVE = "On leave";
    static final String HOLIDAY = "Holiday";
    /** The {@code status} filter values and the status each selects. */
    static final Map<String, String> FILTERS = Map.of("late", LATE, "left_early", LEFT_EARLY,
            "tracked_less", TRACKED_LESS, "absent", ABSENT, "on_leave", ON_LEAVE);

    private Workday() {
    }

    static int startMinute() {
        return START.getHour() * 60 + START.getMinute();
    }

    static int endMinute() {
        return END.getHour() * 60 + END.getMinute();
    }

    static boolean hasBegun(LocalDate date, ZoneId zone, Instant now) {
        return !now.isBefore(date.atTime(START.plusMinutes(GRACE_MINUTES)).atZone(zone).toInstant());
    }

    static boolean isOver(LocalDate date, ZoneId zone, Instant now) {
        return !now.isBefore(date.atTime(END).atZone(zone).toInstant());
    }
}
