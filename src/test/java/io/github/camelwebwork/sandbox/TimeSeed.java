package io.github.camelwebwork.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates believable time data relative to the state's clock, so that "last week" always has data: for each
 * active member (not a project viewer) with active contracts in the workspace, working days (Mon–Fri) of the
 * {@code weeks} full weeks before the current week plus the current week up to now. The weeks are those of the UTC
 * calendar ({@link #WEEK_ZONE}, as {@link LeaveExpenseSeed} counts them), so "last week" means the same dates for
 * every member at any instant (on Sunday evening UTC it is already Monday in Asia/Kolkata); within those dates each
 * day's clock times are the member's own, in the member's timezone, and nothing ends after the clock's now.
 * A day starts 08:00–09:30 and holds 5–8 h in blocks of 40–150 min: mostly "Desktop tracker" with activity
 * 30..95 %, some "Manually added time", "Mobile tracker" on mobile work, and now and then a lunch "Break".
 * Contract weekly hours limits are respected. Each member-week gets a timesheet (older weeks approved, one
 * rejected, last week partly submitted, the current week pending) and a few time requests exist (two pending,
 * one approved with its time added, one rejected). Deterministic: the same settings and clock date give the
 * same data, ids included.
 */
public final class TimeSeed {

    /** The zone whose calendar says which week is the current one. */
    public static final ZoneId WEEK_ZONE = ZoneOffset.UTC;

    /** Today on {@code clock} in the calendar the seed counts its weeks by. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), WEEK_ZONE);
    }

    /** Monday of the last full week generated on {@code clock}: all its workdays are over, for every member. */
    public static LocalDate lastWeekMonday(Clock clock) {
        return SandboxTime.weekStart(today(clock)).minusWeeks(1);
    }

    /** {@code weeks}: full weeks before the current one; {@code randomSeed} varies the data. */
    public record Settings(long workspaceId, int weeks, long randomSeed) {
    }

    private static final String[] DESCRIPTIONS = {"Code review", "Sprint planning", "Bug fixing",
        "Feature implementation", "Client call", "Writing documentation", "Testing", "Design review",
        "Refactoring", "Stand-up meeting", "Deployment", "Research"};

    private final SandboxState state;
    private final Settings settings;
    private final Instant now;

    private TimeSeed(SandboxState state, Settings settings) {
        this.state = state;
        this.settings = settings;
        this.now = state.clock().instant();
    }

    public static void generate(SandboxState state, Settings settings) {
        if (state.workspace(settings.workspaceId()).isEmpty()) {
            return;
        }
        new TimeSeed(state, settings).run();
    }

    private void run() {
        List<SandboxMember> trackers = state.members(settings.workspaceId()).stream()
                .filter(m -> m.isActive() && m.role() != Role.PROJECT_VIEWER)
                .filter(m -> !activeContracts(m.userId()).isEmpty())
                .toList();
        for (int k = 0; k < trackers.size(); k++) {
            SandboxUser user = state.user(trackers.get(k).userId()).orElseThrow();
            for (int week = settings.weeks(); week >= 0; week--) {
                generateWeek(user, k, week);
            }
        }
        timeRequests(trackers);
    }

    private LocalDate currentMonday() {
        return lastWeekMonday(state.clock()).plusWeeks(1);
    }

    private List<SandboxContract> activeContracts(long userId) {
        return state.contracts(settings.workspaceId()).stream()
                .filter(c -> c.userId() == userId && "active".equals(c.status()))
                .filter(c -> state.project(c.projectId()).filter(p -> !p.isDeleted()).isPresent())
                .toList();
    }

    private void generateWeek(SandboxUser user, int memberIndex, int weeksAgo) {
        ZoneId zone = SandboxTime.zoneOf(user);
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate monday = currentMonday().minusWeeks(weeksAgo);
        Map<Long, Long> minutesByContract = new HashMap<>();
        int entries = 0;
        for (int day = 0; day < 5 && !monday.plusDays(day).isAfter(today); day++) {
            entries += generateDay(user, monday.plusDays(day), weeksAgo, day, minutesByContract);
        }
        if (entries > 0) {
            timesheet(user, zone, monday, memberIndex, weeksAgo);
        }
    }

    private int generateDay(SandboxUser user, LocalDate date, int weeksAgo, int day, Map<Long, Long> usedMinutes) {
        Random rnd = new Random(settings.randomSeed() * 1_000_003L + user.id() * 7_919L + weeksAgo * 101L + day);
        ZoneId zone = SandboxTime.zoneOf(user);
        List<SandboxContract> contracts = activeContracts(user.id());
        ZonedDateTime cursor = date.atTime(LocalTime.of(8, 0)).atZone(zone).plusMinutes(5L * rnd.nextInt(19));
        int target = 300 + 5 * rnd.nextInt(37);
        int worked = 0;
        int count = 0;
        boolean lunch = false;
        while (worked < target) {
            int block = Math.min(target - worked, 40 + 5 * rnd.nextInt(23));
            if (target - worked - block < 20) {
                block = target - worked;
            }
            SandboxContract contract = pick(contracts, usedMinutes, block, rnd);
            if (contract == null) {
                break;
            }
            ZonedDateTime end = cursor.plusMinutes(block);
            if (end.toInstant().isAfter(now)) {
                break;
            }
            add(user, date, count++, contract, cursor.toInstant(), end.toInstant(), rnd);
            usedMinutes.merge(contract.id(), (long) block, Long::sum);
            worked += block;
            cursor = end;
            if (!lunch && cursor.getHour() >= 12) {
                lunch = true;
                ZonedDateTime back = cursor.plusMinutes(30 + 15L * rnd.nextInt(3));
                if (rnd.nextInt(4) == 0 && !back.toInstant().isAfter(now)) {
                    addBreak(user, date, count++, cursor.toInstant(), back.toInstant());
                }
                cursor = back;
            } else {
                cursor = cursor.plusMinutes(5L * rnd.nextInt(3));
            }
        }
        return count;
    }

    /** A contract with room for {@code minutes} more this week, or null. */
    private static SandboxContract pick(List<SandboxContract> contracts, Map<Long, Long> used, int minutes,
                                        Random rnd) {
        List<SandboxContract> open = contracts.stream()
                .filter(c -> used.getOrDefault(c.id(), 0L) + minutes <= c.weeklyHoursLimit() * 60L)
                .toList();
        return open.isEmpty() ? null : open.get(rnd.nextInt(open.size()));
    }

    private void add(SandboxUser user, LocalDate date, int index, SandboxContract contract, Instant start,
                     Instant end, Random rnd) {
        List<SandboxTask> tasks = state.tasks(settings.workspaceId(), contract.projectId());
        Long taskId = !tasks.isEmpty() && rnd.nextBoolean() ? tasks.get(rnd.nextInt(tasks.size())).id() : null;
        boolean mobileWork = state.project(contract.projectId()).filter(p -> p.name().contains("Mobile")).isPresent();
        int roll = rnd.nextInt(10);
        String method = roll == 0 ? "Manually added time"
                : roll == 1 && mobileWork ? "Mobile tracker" : "Desktop tracker";
        Integer activity = method.equals("Manually added time") ? null : 30 + rnd.nextInt(66);
        String description = DESCRIPTIONS[rnd.nextInt(DESCRIPTIONS.length)];
        state.addTimeEntry(new SandboxTimeEntry(id("time-entry", user.id(), date, index), settings.workspaceId(),
                user.id(), contract.id(), contract.projectId(), taskId, description,
                method.equals("Manually added time") ? description : null, method, date, start, end, activity, end,
                end));
    }

    private void addBreak(SandboxUser user, LocalDate date, int index, Instant start, Instant end) {
        state.addTimeEntry(new SandboxTimeEntry(id("time-entry", user.id(), date, index), settings.workspaceId(),
                user.id(), null, null, null, "Lunch break", null, "Break", date, start, end, null, end, end));
    }

    /**
     * Older weeks approved by the owner, two weeks ago one rejected (the 4th member's), last week the 2nd and
     * 4th members' submitted and the 5th's still pending, the current week pending.
     */
    private void timesheet(SandboxUser user, ZoneId zone, LocalDate monday, int memberIndex, int weeksAgo) {
        long ws = settings.workspaceId();
        long approver = state.workspace(ws).orElseThrow().ownerId();
        Instant created = monday.atStartOfDay(zone).toInstant();
        SandboxTimesheet sheet = SandboxTimesheet.pending(ws, user.id(), monday, created);
        Instant submitted = monday.plusDays(6).atTime(18, 0).atZone(zone).toInstant();
        Instant reviewed = monday.plusDays(8).atTime(10, 0).atZone(zone).toInstant();
        if (weeksAgo == 2 && memberIndex == 3) {
            sheet = sheet.submitted(user.id(), submitted).rejected(approver, reviewed,
                    "Wednesday is missing the client workshop hours; please add them and resubmit.");
        } else if (weeksAgo >= 2) {
            sheet = sheet.submitted(user.id(), submitted).approved(approver, reviewed);
        } else if (weeksAgo == 1 && memberIndex % 2 == 1) {
            sheet = sheet.submitted(user.id(), submitted);
        } else if (weeksAgo == 1 && memberIndex < 4) {
            sheet = sheet.submitted(user.id(), submitted).approved(approver, submitted.plusSeconds(7_200));
        }
        state.addTimesheet(sheet);
    }

    /** On weekends, so they never overlap tracked time; each only if its member and week exist. */
    private void timeRequests(List<SandboxMember> trackers) {
        request(trackers, 3, 1, 5, LocalTime.of(10, 0), 150, "pending", "Hotfix for the checkout bug", null);
        request(trackers, 4, 1, 6, LocalTime.of(14, 0), 60, "pending", "Store review follow-up call", null);
        request(trackers, 2, 2, 5, LocalTime.of(9, 0), 120, "approved", "Weekend release support", null);
        request(trackers, 3, 3, 6, LocalTime.of(19, 0), 180, "rejected", "Reading up on the new framework",
                "Learning time is not billable; please log it as personal development.");
    }

    private void request(List<SandboxMember> trackers, int memberIndex, int weeksAgo, int day, LocalTime from,
                         int minutes, String status, String description, String comment) {
        if (memberIndex >= trackers.size() || weeksAgo > settings.weeks()) {
            return;
        }
        SandboxUser user = state.user(trackers.get(memberIndex).userId()).orElseThrow();
        ZoneId zone = SandboxTime.zoneOf(user);
        LocalDate date = currentMonday().minusWeeks(weeksAgo).plusDays(day);
        SandboxContract contract = activeContracts(user.id()).get(0);
        Instant start = date.atTime(from).atZone(zone).toInstant();
        Instant end = start.plusSeconds(60L * minutes);
        Instant created = end.plusSeconds(3_600);
        boolean decided = !"pending".equals(status);
        Instant updated = decided ? created.plusSeconds(86_400) : created;
        long reviewer = state.workspace(settings.workspaceId()).orElseThrow().ownerId();
        state.addTimeRequest(new SandboxTimeRequest(id("time-request", user.id(), date, 0), settings.workspaceId(),
                user.id(), contract.id(), contract.projectId(), null, start, end, status, description, comment,
                decided ? reviewer : null, created, updated));
        if ("approved".equals(status)) {
            state.addTimeEntry(new SandboxTimeEntry(id("time-entry", user.id(), date, 0), settings.workspaceId(),
                    user.id(), contract.id(), contract.projectId(), null, description, description,
                    "Manually added time", date, start, end, null, updated, updated));
        }
    }

    private String id(String kind, long userId, LocalDate date, int index) {
        String key = "webwork-sandbox:" + kind + ":" + settings.workspaceId() + ":" + userId + ":" + date + ":" + index;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
