package io.github.camelwebwork.sandbox.api;

import io.github.camelwebwork.sandbox.SandboxContract;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxTimeEntry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Closing running time entries (§7.7): the stop endpoint, and a contract that is paused or deleted. */
final class Tracker {

    private Tracker() {
    }

    /** Tracked time is kept in whole seconds, as a datetime column keeps it. */
    static Instant now(SandboxState state) {
        return state.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    }

    static SandboxTimeEntry stop(SandboxState state, SandboxTimeEntry running, Instant updatedAt) {
        Instant end = now(state).isBefore(running.start()) ? running.start() : now(state);
        return state.saveTimeEntry(new SandboxTimeEntry(running.id(), running.workspaceId(), running.userId(),
                running.contractId(), running.projectId(), running.taskId(), running.activityDescription(),
                running.notes(), running.method(), running.date(), running.start(), end, running.activityLevel(),
                running.createdAt(), updatedAt));
    }

    /** Stops the contract member's tracker if it runs on this contract; the stopped entry, if any. */
    static Optional<SandboxTimeEntry> stopOn(SandboxState state, SandboxContract contract, Instant now) {
        return state.runningTimeEntry(contract.userId())
                .filter(e -> e.contractId() != null && e.contractId() == contract.id())
                .map(e -> stop(state, e, now));
    }
}
