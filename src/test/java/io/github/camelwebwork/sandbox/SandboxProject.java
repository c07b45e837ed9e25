package io.github.camelwebwork.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A project (§7.3). {@code id} 0 means "next free id" and null timestamps mean "now" when added to the
 * state. {@code status} 1 is an active project. An archived project (DELETE /projects) keeps its data with
 * {@code deletedAt} set and disappears from every read.
 */
public record SandboxProject(long id, long workspaceId, String name, long ownerId, LocalDate startDate,
                             LocalDate deadline, Double estimation, Double budget, String notes, String icon,
                             boolean billable, Double rate, Integer weeklyHoursLimit, String screenshots, int status,
                             Instant createdAt, Instant updatedAt, List<SandboxProjectTag> tags,
                             Instant deletedAt) {

    public SandboxProject {
        Objects.requireNonNull(name, "name");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Without tags, not deleted. */
    public SandboxProject(long id, long workspaceId, String name, long ownerId, LocalDate startDate,
                          LocalDate deadline, Double estimation, Double budget, String notes, String icon,
                          boolean billable, Double rate, Integer weeklyHoursLimit, String screenshots, int status,
                          Instant createdAt, Instant updatedAt) {
        this(id, workspaceId, name, ownerId, startDate, deadline, estimation, budget, notes, icon, billable, rate,
                weeklyHoursLimit, screenshots, status, createdAt, updatedAt, List.of(), null);
    }

    public static SandboxProject of(long id, long workspaceId, String name, long ownerId) {
        return new SandboxProject(id, workspaceId, name, ownerId, null, null, null, null, null, null,
                false, null, 168, "full", 1, null, null);
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    SandboxProject withIdAndTimestamps(long newId, Instant now) {
        Instant created = createdAt == null ? now : createdAt;
        return new SandboxProject(newId, workspaceId, name, ownerId, startDate, deadline, estimation, budget, notes,
                icon, billable, rate, weeklyHoursLimit, screenshots, status, created,
                updatedAt == null ? created : updatedAt, tags, deletedAt);
    }

    /** The fields a create or update body sets (§7.3), stamped {@code now}. */
    public SandboxProject withDetails(String newName, LocalDate newStart, LocalDate newDeadline, Double newEstimation,
                                      Double newBudget, String newNotes, String newIcon, Instant now) {
        return new SandboxProject(id, workspaceId, newName, ownerId, newStart, newDeadline, newEstimation, newBudget,
                newNotes, newIcon, billable, rate, weeklyHoursLimit, screenshots, status, createdAt, now, tags,
                deletedAt);
    }

    public SandboxProject archived(Instant now) {
        return new SandboxProject(id, workspaceId, name, ownerId, startDate, deadline, estimation, budget, notes,
                icon, billable, rate, weeklyHoursLimit, screenshots, status, createdAt, now, tags, now);
    }
}
