package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.sandbox.SandboxLeave;
import io.github.camelwebwork.sandbox.SandboxTime;
import io.github.camelwebwork.sandbox.SandboxTimeEntry;
import io.github.camelwebwork.sandbox.SandboxUser;
import io.github.camelwebwork.sandbox.http.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One user's row of §7.14 {@code /reports/daily-attendance}, judged by {@link Workday}. Times are integer minutes
 * after the member's local midnight ({@code first_start} 545 = 09:05); breaks are "HH:mm - HH:mm" strings in the
 * member's time. Productivity: {@code activity_level} (minutes-weighted) and {@code idle_minutes} ("Idle time").
 */
final class AttendanceReport {

    private record Span(Instant start, Instant end) {
    }

    private final ReportContext ctx;

    AttendanceReport(ReportContext ctx) {
        this.ctx = ctx;
    }

    ObjectNode user(SandboxUser user, LocalDate date) {
        ZoneId zone = SandboxTime.zoneOf(user);
        List<SandboxTimeEntry> day = ctx.entries(user.id(), date, date);
        List<SandboxTimeEntry> worked = day.stream().filter(ReportContext::isTracked)
                .sorted(Comparator.comparing(SandboxTimeEntry::start)).toList();
        long tracked = worked.stream().mapToLong(ctx::minutes).sum();
        int leaveMinutes = (int) Math.min(Workday.EXPECTED_MINUTES, Math.round(60 * ctx.state.leaves(ctx.ws.id())
                .stream().filter(l -> l.userId() == user.id() && l.isApproved())
                .mapToDouble(l -> l.hoursOn(date)).sum()));
        boolean workday = SandboxLeave.isWorkingDay(date);
        int expected = workday ? Workday.EXPECTED_MINUTES - leaveMinutes : 0;
        Integer first = worked.isEmpty() ? null : minuteOfDay(worked.get(0).start(), date, zone);
        boolean running = worked.stream().anyMatch(SandboxTimeEntry::isRunning);
        Integer last = worked.isEmpty() || running ? null : worked.stream()
                .map(e -> minuteOfDay(e.end(), date, zone)).max(Integer::compare).orElse(null);
        boolean over = Workday.isOver(date, zone, ctx.now);
        boolean partialLeave = leaveMinutes > 0;
        int lateBy = first == null || partialLeave || !workday ? 0 : Math.max(0, first - Workday.startMinute());
        int leftEarlyBy = last == null || partialLeave || !workday || !over ? 0
                : Math.max(0, Workday.endMinute() - last);

        Set<String> statuses = new LinkedHashSet<>();
        if (!worked.isEmpty()) {
            statuses.add(Workday.PRESENT);
        }
        if (leaveMinutes > 0 && workday) {
            statuses.add(Workday.ON_LEAVE);
        }
        if (!workday && worked.isEmpty()) {
            statuses.add(Workday.HOLIDAY);
        } else if (workday && expected > 0) {
            if (worked.isEmpty() && Workday.hasBegun(date, zone, ctx.now)) {
                statuses.add(Workday.ABSENT);
            }
            if (lateBy > Workday.GRACE_MINUTES) {
                statuses.add(Workday.LATE);
            }
            if (leftEarlyBy > Workday.GRACE_MINUTES) {
                statuses.add(Workday.LEFT_EARLY);
            }
            if (!worked.isEmpty() && over && tracked < expected) {
                statuses.add(Workday.TRACKED_LESS);
            }
        }
        List<Span> breaks = breaks(day, worked);
        ObjectNode n = Json.object();
        n.put("user_id", user.id());
        n.put("user_name", user.fullName());
        statuses.forEach(n.putArray("statuses")::add);
        n.put("first_start", first);
        n.put("last_end", last);
        n.put("tracked_minutes", tracked);
        n.put("expected_minutes", expected);
        n.put("late_minutes", lateBy > Workday.GRACE_MINUTES ? lateBy : 0);
        n.put("left_early_minutes", leftEarlyBy > Workday.GRACE_MINUTES ? leftEarlyBy : 0);
        n.put("leave_minutes", workday ? leaveMinutes : 0);
        n.put("break_minutes", breaks.stream().mapToLong(b -> Duration.between(b.start(), b.end()).toMinutes()).sum());
        ArrayNode list = n.putArray("breaks");
        breaks.forEach(b -> list.add(clock(b.start(), zone) + " - " + clock(b.end(), zone)));
        n.put("activity_level", ctx.activityLevel(worked));
        n.put("idle_minutes", worked.stream().filter(e -> "Idle time".equals(e.method()))
                .mapToLong(ctx::minutes).sum());
        return n;
    }

    /** "Break" entries plus untracked gaps of {@link Workday#MIN_BREAK_GAP_MINUTES} or more none covers, by start. */
    private List<Span> breaks(List<SandboxTimeEntry> day, List<SandboxTimeEntry> worked) {
        List<Span> spans = new ArrayList<>();
        day.stream().filter(e -> !ReportContext.isTracked(e) && e.end() != null)
                .forEach(e -> spans.add(new Span(e.start(), e.end())));
        List<Span> explicit = List.copyOf(spans);
        Instant coveredUntil = null;
        for (SandboxTimeEntry e : worked) {
            if (coveredUntil != null) {
                Span gap = new Span(coveredUntil, e.start());
                boolean longEnough = Duration.between(gap.start(), gap.end()).toMinutes()
                        >= Workday.MIN_BREAK_GAP_MINUTES;
                if (longEnough && explicit.stream().noneMatch(b -> overlaps(b, gap))) {
                    spans.add(gap);
                }
            }
            Instant end = e.end() == null ? ctx.now : e.end();
            coveredUntil = coveredUntil == null || end.isAfter(coveredUntil) ? end : coveredUntil;
        }
        spans.sort(Comparator.comparing(Span::start));
        return spans;
    }

    private static boolean overlaps(Span a, Span b) {
        return a.start().isBefore(b.end()) && a.end().isAfter(b.start());
    }

    /** Minutes after the member's local midnight of {@code date}; past midnight counts on (e.g. 1445). */
    private static int minuteOfDay(Instant instant, LocalDate date, ZoneId zone) {
        ZonedDateTime midnight = date.atStartOfDay(zone);
        return (int) ((instant.getEpochSecond() - midnight.toEpochSecond()) / 60);
    }

    private static String clock(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalTime().withSecond(0).withNano(0).toString();
    }
}
