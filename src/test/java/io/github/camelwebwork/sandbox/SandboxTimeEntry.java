package io.github.camelwebwork.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * A time entry (§7.8): a stretch of tracked time of one member on one day, from the tracker, manual entry, an approved
 * time request, a leave or a break. {@code id} null means "a new encrypted-looking UUID" when added to the state;
 * {@code end} null means still running (the live tracker). {@code activityLevel} is 0..100 or null (manual time).
 * Everything the reports compute is derived from these entries.
 */
public record SandboxTimeEntry(String id, long workspaceId, long userId, Long contractId, Long projectId, Long taskId,
                               String activityDescription, String notes, String method, LocalDate date,
                               Instant start, Instant end, Integer activityLevel, Instant createdAt,
                               Instant updatedAt) {

    public static final Set<String> METHODS = Set.of("Desktop tracker", "Mobile tracker", "Manually added time",
            "Extension tracker", "Web tracker", "Idle time", "Paid leave", "Break", "Paid holiday");

    public SandboxTimeEntry {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(start, "start");
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("time entry method must be one of " + METHODS + ": " + method);
        }
    }

    public boolean isRunning() {
        return end == null;
    }

    /** Whole minutes between start and end (or {@code now} while running). */
    public long durationMinutes(Instant now) {
        return Duration.between(start, end == null ? now : end).toMinutes();
    }

    public SandboxTimeEntry withId(String newId, Instant now) {
        Instant created = createdAt == null ? now : createdAt;
        return new SandboxTimeEntry(newId, workspaceId, userId, contractId, projectId, taskId, activityDescription,
                notes, method, date, start, end, activityLevel, created, updatedAt == null ? created : updatedAt);
    }
}
