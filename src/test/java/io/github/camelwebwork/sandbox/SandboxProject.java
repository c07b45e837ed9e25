package io.github.camelwebwork.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A project (§7.3). {@code id} 0 means "next free id" and null timestamps mean "now" when added to the
 * state. {@code status} 1 is an active project.
 */
public record SandboxProject(long id, long workspaceId, String name, long ownerId, LocalDate startDate,
                             LocalDate deadline, Double estimation, Double budget, String notes, String icon,
                             boolean billable, Double rate, Integer weeklyHoursLimit, String screenshots, int status,
                             Instant createdAt, Instant updatedAt) {

    public SandboxProject {
        Objects.requireNonNull(name, "name");
    }

    public static SandboxProject of(long id, long workspaceId, String name, long ownerId) {
        return new SandboxProject(id, workspaceId, name, ownerId, null, null, null, null, null, null,
                false, null, 168, "full", 1, null, null);
    }

    SandboxProject withIdAndTimestamps(long newId, Instant now) {
        Instant created = createdAt == null ? now : createdAt;
        return new SandboxProject(newId, workspaceId, name, ownerId, startDate, deadline, estimation, budget, notes,
                icon, billable, rate, weeklyHoursLimit, screenshots, status, created,
                updatedAt == null ? created : updatedAt);
    }
}
