package io.github.camelwebwork.sandbox.api;

import io.github.camelwebwork.sandbox.Role;
import io.github.camelwebwork.sandbox.SandboxContract;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxTask;
import io.github.camelwebwork.sandbox.SandboxTime;
import io.github.camelwebwork.sandbox.SandboxTimeEntry;
import io.github.camelwebwork.sandbox.SandboxUser;
import io.github.camelwebwork.sandbox.SandboxWorkspace;
import io.github.camelwebwork.sandbox.http.Messages;
import io.github.camelwebwork.sandbox.http.Validation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The checks every way of recording time shares (tracker, manual entries, time requests): who may have time, on
 * which contract and task, and within which weekly limit. Each adds its field errors to {@code v} (H6: all at
 * once) and returns null when the value is unusable.
 */
final class TimeRules {

    static final String PAUSED = "The selected contract is paused.";
    static final String LIMIT_REACHED = "The weekly hours limit of this contract has been reached.";

    private TimeRules() {
    }

    /** A member who can have time: active (invited members have not started yet) and not a project viewer. */
    static SandboxUser trackingMember(SandboxState state, SandboxWorkspace ws, Long userId, Validation v) {
        if (userId == null) {
            return null;
        }
        boolean ok = state.member(ws.id(), userId).filter(m -> m.isActive() && m.role() != Role.PROJECT_VIEWER)
                .isPresent();
        if (!ok) {
            v.add("user_id", Messages.invalidChoice("user_id"));
            return null;
        }
        return state.user(userId).orElseThrow();
    }

    /** Any member, past ones included (reads of recorded time). */
    static SandboxUser anyMember(SandboxState state, SandboxWorkspace ws, Long userId, Validation v) {
        if (userId == null) {
            return null;
        }
        if (state.member(ws.id(), userId).isEmpty()) {
            v.add("user_id", Messages.invalidChoice("user_id"));
            return null;
        }
        return state.user(userId).orElseThrow();
    }

    /** The user's own live contract in the workspace; a paused one is refused with its own message. */
    static SandboxContract contract(SandboxState state, SandboxWorkspace ws, Long contractId, Long userId,
                                    Validation v) {
        if (contractId == null || v.has("contract_id")) {
            return null;
        }
        SandboxContract c = state.contract(contractId)
                .filter(x -> x.workspaceId() == ws.id() && !x.isDeleted())
                .filter(x -> userId == null || x.userId() == userId)
                .orElse(null);
        if (c == null) {
            v.add("contract_id", Messages.invalidChoice("contract_id"));
            return null;
        }
        if (!c.isActive()) {
            v.add("contract_id", PAUSED);
            return null;
        }
        return c;
    }

    /** A live task of the contract's project ("must belong to the contract's project", §7.7). */
    static SandboxTask task(SandboxState state, SandboxContract contract, Long taskId, Validation v) {
        if (taskId == null || contract == null || v.has("task_id")) {
            return null;
        }
        SandboxTask t = state.task(taskId)
                .filter(x -> !x.isDeleted() && x.projectId() == contract.projectId())
                .orElse(null);
        if (t == null) {
            v.add("task_id", Messages.invalidChoice("task_id"));
        }
        return t;
    }

    /** {@code task_id} only together with {@code contract_id} (§7.7). */
    static void taskNeedsContract(Long taskId, Long contractId, Validation v) {
        if (taskId != null && contractId == null && !v.has("contract_id")) {
            v.add("contract_id", TimeFields.requiredWith("contract_id", "task_id"));
        }
    }

    /** Minutes already recorded on the contract in the week (Monday..Sunday) of {@code date}. */
    static long minutesInWeek(SandboxState state, SandboxContract contract, LocalDate date, Instant now) {
        LocalDate monday = SandboxTime.weekStart(date);
        return state.timeEntries(contract.workspaceId()).stream()
                .filter(e -> e.contractId() != null && e.contractId() == contract.id())
                .filter(e -> !e.date().isBefore(monday) && !e.date().isAfter(monday.plusDays(6)))
                .mapToLong(e -> e.durationMinutes(now))
                .sum();
    }

    /** Whole seconds of an entry, up to {@code now} while it runs. */
    static long seconds(SandboxTimeEntry e, Instant now) {
        return Duration.between(e.start(), e.end() == null ? now : e.end()).getSeconds();
    }
}
