package io.github.camelwebwork.sandbox;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An expense (§7.12) recorded by a member ({@code userId}, the caller who created it). {@code id} null means
 * "a new UUID" and null timestamps "now" when added to the state. Deleting sets {@code deletedAt} (soft delete:
 * the expense disappears from every read).
 */
public record SandboxExpense(String id, long workspaceId, long userId, String name, LocalDate date,
                             BigDecimal amount, String categoryId, Long projectId, String note, boolean billable,
                             Instant createdAt, Instant updatedAt, Instant deletedAt) {

    public SandboxExpense {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    /** The fields PUT /expenses/{id} may change, stamped {@code now}. */
    public SandboxExpense withDetails(String newName, LocalDate newDate, BigDecimal newAmount, String newCategoryId,
                                      Long newProjectId, String newNote, boolean newBillable, Instant now) {
        return new SandboxExpense(id, workspaceId, userId, newName, newDate, newAmount, newCategoryId, newProjectId,
                newNote, newBillable, createdAt, now, deletedAt);
    }

    public SandboxExpense deleted(Instant now) {
        return new SandboxExpense(id, workspaceId, userId, name, date, amount, categoryId, projectId, note, billable,
                createdAt, now, now);
    }

    public SandboxExpense shiftedByWeeks(long weeks) {
        Duration by = Duration.ofDays(7 * weeks);
        return new SandboxExpense(id, workspaceId, userId, name, date.plusWeeks(weeks), amount, categoryId,
                projectId, note, billable, createdAt == null ? null : createdAt.plus(by),
                updatedAt == null ? null : updatedAt.plus(by), deletedAt == null ? null : deletedAt.plus(by));
    }

    public SandboxExpense withId(String newId, Instant now) {
        Instant created = createdAt == null || createdAt.isAfter(now) ? now : createdAt;
        Instant updated = updatedAt == null || updatedAt.isAfter(now) || updatedAt.isBefore(created) ? created
                : updatedAt;
        return new SandboxExpense(newId, workspaceId, userId, name, date, amount, categoryId, projectId, note,
                billable, created, updated, deletedAt);
    }
}
