package io.github.camelwebwork.sandbox.api;

import io.github.camelwebwork.sandbox.SandboxContract;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxTime;
import io.github.camelwebwork.sandbox.SandboxTimeEntry;
import io.github.camelwebwork.sandbox.SandboxUser;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds manual time the way §7.8 describes (POST /time-entries and approved time requests): time that overlaps the
 * member's existing entries is not counted twice, and the contract's weekly hours limit caps what is saved, so fewer
 * minutes than asked may be saved. Each free stretch becomes one "Manually added time" entry (split at the member's
 * midnight, so every entry lies within its date).
 */
final class ManualTime {

    static final String METHOD = "Manually added time";

    record Outcome(List<SandboxTimeEntry> saved, long askedMinutes, long savedMinutes, boolean overlapped,
                   boolean limited) {
    }

    private record Stretch(Instant start, Instant end) {
        long minutes() {
            return Duration.between(start, end).toMinutes();
        }
    }

    private ManualTime() {
    }

    static Outcome add(SandboxState state, long workspaceId, SandboxUser user, SandboxContract contract, Long taskId,
                       String description, String notes, Instant start, Instant end) {
        Instant now = state.clock().instant();
        List<Stretch> free = splitAtMidnight(free(state, workspaceId, user.id(), start, end), SandboxTime.zoneOf(user));
        long freeMinutes = free.stream().mapToLong(Stretch::minutes).sum();
        long asked = Duration.between(start, end).toMinutes();
        Map<LocalDate, Long> room = new HashMap<>();
        List<SandboxTimeEntry> saved = new ArrayList<>();
        long savedMinutes = 0;
        for (Stretch s : free) {
            LocalDate date = SandboxTime.localDate(s.start(), user);
            long minutes = s.minutes();
            if (contract != null) {
                long left = room.computeIfAbsent(SandboxTime.weekStart(date), week -> contract.weeklyHoursLimit() * 60L
                        - TimeRules.minutesInWeek(state, contract, week, now));
                minutes = Math.max(0, Math.min(minutes, left));
                room.put(SandboxTime.weekStart(date), left - minutes);
            }
            if (minutes < 1) {
                continue;
            }
            Instant stop = minutes == s.minutes() ? s.end() : s.start().plusSeconds(60 * minutes);
            saved.add(state.addTimeEntry(new SandboxTimeEntry(null, workspaceId, user.id(),
                    contract == null ? null : contract.id(), contract == null ? null : contract.projectId(), taskId,
                    description, notes, METHOD, date, s.start(), stop, null, null, null)));
            savedMinutes += minutes;
        }
        return new Outcome(saved, asked, savedMinutes, freeMinutes < asked, savedMinutes < freeMinutes);
    }

    /** [start, end) minus the member's entries in the workspace; a running entry occupies everything after its start. */
    private static List<Stretch> free(SandboxState state, long workspaceId, long userId, Instant start, Instant end) {
        List<Stretch> taken = state.timeEntries(workspaceId).stream().filter(e -> e.userId() == userId)
                .map(e -> new Stretch(e.start(), e.end() == null ? Instant.MAX : e.end()))
                .sorted(Comparator.comparing(Stretch::start))
                .toList();
        List<Stretch> free = new ArrayList<>();
        Instant cursor = start;
        for (Stretch t : taken) {
            if (!t.end().isAfter(cursor)) {
                continue;
            }
            if (!t.start().isBefore(end)) {
                break;
            }
            if (t.start().isAfter(cursor)) {
                free.add(new Stretch(cursor, t.start()));
            }
            cursor = t.end();
        }
        if (cursor.isBefore(end)) {
            free.add(new Stretch(cursor, end));
        }
        return free;
    }

    private static List<Stretch> splitAtMidnight(List<Stretch> stretches, ZoneId zone) {
        List<Stretch> result = new ArrayList<>();
        for (Stretch s : stretches) {
            Instant from = s.start();
            while (from.isBefore(s.end())) {
                Instant midnight = LocalDate.ofInstant(from, zone).plusDays(1).atStartOfDay(zone).toInstant();
                Instant to = midnight.isBefore(s.end()) ? midnight : s.end();
                result.add(new Stretch(from, to));
                from = to;
            }
        }
        return result;
    }

    /** "8 hr", "1 hr 30 min", "45 min" (the reference's "8 hr successfully added for John Doe."). */
    static String hours(long minutes) {
        long h = minutes / 60;
        long m = minutes % 60;
        if (h > 0 && m > 0) {
            return h + " hr " + m + " min";
        }
        return h > 0 ? h + " hr" : m + " min";
    }

    /** The success message, with a warning when only part of the time could be saved. */
    static String message(Outcome o, SandboxUser user) {
        if (o.savedMinutes() >= o.askedMinutes()) {
            return hours(o.savedMinutes()) + " successfully added for " + user.fullName() + ".";
        }
        String why = o.overlapped() && o.limited()
                ? "the rest overlaps existing time entries or exceeds the contract's weekly hours limit"
                : o.overlapped() ? "the rest overlaps existing time entries"
                : "the rest exceeds the contract's weekly hours limit";
        return "Only " + hours(o.savedMinutes()) + " of " + hours(o.askedMinutes()) + " added for "
                + user.fullName() + ": " + why + ".";
    }
}
