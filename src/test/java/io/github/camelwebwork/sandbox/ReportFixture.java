package io.github.camelwebwork.sandbox;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Known time entries for the report tests (§7.14), added through the shared store after the seeded time data of
 * workspace 1 is removed, so every sum is exact. Clock: Wed 2024-05-15 15:00 UTC (TimeSandbox); the current week is
 * 2024-05-13..19. Members: Priya 102 (Asia/Kolkata), Rita 103 (America/New_York), Tom 104 (UTC); owner Olivia 100
 * (Europe/London, +01:00 in May).
 *
 * <pre>
 * Tom   Mon 13  09:00-11:00Z  c305 Mobile App  task 512  "Onboarding"  Desktop 80%   120 min  $200.00
 * Tom   Mon 13  11:30-12:15Z  c308 Internal    no task   "Tooling"     Desktop 60%    45 min  (not billable)
 * Tom   Mon 13  12:15-12:45Z  Break                                                   (not tracked time)
 * Tom   Tue 14  09:00-10:30Z  c305 Mobile App  task 513  "Onboarding"  Manual         90 min  $150.00
 * Rita  Mon 13  13:00-17:00Z  c303 Website     task 503  "Migrate posts" Desktop 70% 240 min  $340.00
 * Priya Tue 14  04:00-06:00Z  c302 Website     no task   "Sprint planning" Desktop 50% 120 min $180.00
 * Priya Tue 14  06:00-07:00Z  c304 Mobile App  task 512  (none)        Desktop 90%    60 min  $95.00
 * Tom   Mon  6  09:00-10:00Z  c305 Mobile App  no task   "Last week"   Desktop 70%    60 min  (previous week)
 * </pre>
 * This week: 675 tracked minutes, $965.00.
 */
final class ReportFixture {

    private ReportFixture() {
    }

    /** A sandbox on TimeSandbox's clock whose time data in workspace 1 is this week's entries. */
    static WebworkSandbox startWithWeek() {
        WebworkSandbox sandbox = TimeSandbox.start(new TimeSandbox.MovableClock());
        addWeek(sandbox.state());
        return sandbox;
    }

    static void clearTime(SandboxState state) {
        state.timeEntries(1).forEach(e -> state.removeTimeEntry(e.id()));
    }

    static void addWeek(SandboxState state) {
        clearTime(state);
        add(state, 104, 305L, 101L, 512L, "Onboarding", "Desktop tracker", "2024-05-13", "09:00", "11:00", 80);
        add(state, 104, 308L, 102L, null, "Tooling", "Desktop tracker", "2024-05-13", "11:30", "12:15", 60);
        add(state, 104, null, null, null, "Lunch break", "Break", "2024-05-13", "12:15", "12:45", null);
        add(state, 104, 305L, 101L, 513L, "Onboarding", "Manually added time", "2024-05-14", "09:00", "10:30", null);
        add(state, 103, 303L, 100L, 503L, "Migrate posts", "Desktop tracker", "2024-05-13", "13:00", "17:00", 70);
        add(state, 102, 302L, 100L, null, "Sprint planning", "Desktop tracker", "2024-05-14", "04:00", "06:00", 50);
        add(state, 102, 304L, 101L, 512L, null, "Desktop tracker", "2024-05-14", "06:00", "07:00", 90);
        add(state, 104, 305L, 101L, null, "Last week", "Desktop tracker", "2024-05-06", "09:00", "10:00", 70);
    }

    /** An entry of workspace 1 dated {@code date} (the member's day), from {@code start} to {@code end} UTC. */
    static SandboxTimeEntry add(SandboxState state, long user, Long contract, Long project, Long task,
                                String description, String method, String date, String start, String end,
                                Integer activity) {
        return state.addTimeEntry(new SandboxTimeEntry(null, 1, user, contract, project, task, description, null,
                method, LocalDate.parse(date), Instant.parse(date + "T" + start + ":00Z"),
                end == null ? null : Instant.parse(date + "T" + end + ":00Z"), activity, null, null));
    }
}
