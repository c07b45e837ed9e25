package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.sandbox.Role;
import io.github.camelwebwork.sandbox.SandboxMember;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxTime;
import io.github.camelwebwork.sandbox.SandboxTimeEntry;
import io.github.camelwebwork.sandbox.SandboxUser;
import io.github.camelwebwork.sandbox.SandboxWorkspace;
import io.github.camelwebwork.sandbox.http.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What every report (§7.14) reads, at one instant: the workspace's time entries (the shared store; a running entry
 * counts up to now) and its members. Rules shared by all reports:
 * <ul>
 * <li>Tracked time is every method except "Break" (a break is not worked time; breaks appear in the timeline and
 * the attendance report only). An entry belongs to its {@code date}, the member's own day.</li>
 * <li>The users of a report paginated by users are the active members who can track (not project viewers) plus
 * anyone else with tracked time in the range (e.g. an archived member), by user id.</li>
 * <li>Amounts: contract hourly rate × hours ({@link ContractJson#hourlyRate}), in the workspace currency
 * ({@link ContractJson#CURRENCY}), only for callers who see rates (§2).</li>
 * </ul>
 */
final class ReportContext {

    static final String BREAK = "Break";

    final SandboxState state;
    final SandboxWorkspace ws;
    final Instant now;
    final boolean seesRates;
    private final List<SandboxTimeEntry> entries;

    ReportContext(SandboxState state, Access access, SandboxWorkspace ws, long callerId) {
        this.state = state;
        this.ws = ws;
        this.now = state.clock().instant();
        this.seesRates = access.seesRates(ws, callerId);
        this.entries = state.timeEntries(ws.id());
    }

    /** The workspace owner's timezone: the reports' "system timezone" (§7.14 daily-timeline). */
    ZoneId ownerZone() {
        return SandboxTime.zoneOf(state.user(ws.ownerId()).orElse(null));
    }

    LocalDate today() {
        return LocalDate.ofInstant(now, ownerZone());
    }

    /** All entries of a member on the given days, breaks included, by start. */
    List<SandboxTimeEntry> entries(long userId, LocalDate from, LocalDate to) {
        return entries.stream().filter(e -> e.userId() == userId && !e.date().isBefore(from) && !e.date().isAfter(to))
                .toList();
    }

    /** Tracked (non-break) entries of the whole workspace on the given days. */
    List<SandboxTimeEntry> tracked(LocalDate from, LocalDate to) {
        return entries.stream().filter(e -> isTracked(e) && !e.date().isBefore(from) && !e.date().isAfter(to))
                .toList();
    }

    static boolean isTracked(SandboxTimeEntry e) {
        return !BREAK.equals(e.method());
    }

    long minutes(SandboxTimeEntry e) {
        return e.durationMinutes(now);
    }

    /** The report's users (see the class comment), restricted to {@code only} unless it is empty. */
    List<SandboxUser> users(Collection<Long> only, LocalDate from, LocalDate to) {
        Set<Long> ids = new TreeSet<>();
        state.members(ws.id()).stream().filter(m -> m.isActive() && m.role() != Role.PROJECT_VIEWER)
                .forEach(m -> ids.add(m.userId()));
        tracked(from, to).forEach(e -> ids.add(e.userId()));
        return ids.stream().filter(id -> only.isEmpty() || only.contains(id))
                .map(id -> state.user(id).orElseThrow())
                .sorted(Comparator.comparingLong(SandboxUser::id))
                .toList();
    }

    SandboxMember member(long userId) {
        return state.member(ws.id(), userId).orElse(null);
    }

    /** What the entry is billed at, or null (no contract, non-billable project). */
    BigDecimal amount(SandboxTimeEntry e) {
        Double rate = e.contractId() == null ? null
                : state.contract(e.contractId()).map(c -> ContractJson.hourlyRate(c, state)).orElse(null);
        return rate == null ? null : BigDecimal.valueOf(rate).multiply(BigDecimal.valueOf(minutes(e)))
                .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    /** §7.14 tracked-hours: {@code total_amount} is an object keyed by currency code; empty when nothing is billed. */
    static ObjectNode byCurrency(BigDecimal amount) {
        ObjectNode n = Json.object();
        if (amount != null) {
            n.put(ContractJson.CURRENCY, amount.setScale(2, RoundingMode.HALF_UP));
        }
        return n;
    }

    /** Minutes-weighted average activity of the entries that have one (manual time has none), or null. */
    Integer activityLevel(Collection<SandboxTimeEntry> of) {
        long weighted = 0;
        long minutes = 0;
        for (SandboxTimeEntry e : of) {
            if (e.activityLevel() != null && isTracked(e)) {
                weighted += (long) e.activityLevel() * minutes(e);
                minutes += minutes(e);
            }
        }
        return minutes == 0 ? null : (int) Math.round((double) weighted / minutes);
    }
}
