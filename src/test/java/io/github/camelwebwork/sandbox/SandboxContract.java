package io.github.camelwebwork.sandbox;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A contract (§7.4): a member's assignment to a project, which time is tracked against. {@code id} 0 means "next free
 * id" and null timestamps mean "now" when added to the state. {@code rateType}: 1 Custom, 2 Member, 3 Project rate.
 */
public record SandboxContract(long id, long workspaceId, long projectId, long userId, int weeklyHoursLimit,
                              String screenshots, Double rate, int rateType, String status, Instant createdAt,
                              Instant updatedAt, Instant deletedAt) {

    public static final Set<String> STATUSES = Set.of("active", "paused");
    public static final Set<String> SCREENSHOTS = Set.of("full", "blurred", "no_preview", "no_screenshot",
            "background_blurred", "video_full", "video_blurred", "video_full_silent", "video_blurred_silent");

    public SandboxContract {
        Objects.requireNonNull(status, "status");
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("contract status must be one of " + STATUSES + ": " + status);
        }
    }

    public static SandboxContract active(long workspaceId, long projectId, long userId) {
        return new SandboxContract(0, workspaceId, projectId, userId, 168, "full", null, 3, "active", null, null,
                null);
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public boolean isActive() {
        return "active".equals(status) && !isDeleted();
    }

    /** The fields PUT /contracts/{id} may change (§7.4), stamped {@code now}. */
    public SandboxContract withSettings(int newWeeklyHoursLimit, String newScreenshots, Double newRate,
                                        int newRateType, String newStatus, Instant now) {
        return new SandboxContract(id, workspaceId, projectId, userId, newWeeklyHoursLimit, newScreenshots, newRate,
                newRateType, newStatus, createdAt, now, deletedAt);
    }

    /** Soft delete (§7.4): the contract keeps its data with deleted_at set. */
    public SandboxContract deleted(Instant now) {
        return new SandboxContract(id, workspaceId, projectId, userId, weeklyHoursLimit, screenshots, rate, rateType,
                status, createdAt, now, now);
    }

    public SandboxContract withId(long newId, Instant now) {
        Instant created = createdAt == null ? now : createdAt;
        return new SandboxContract(newId, workspaceId, projectId, userId, weeklyHoursLimit, screenshots, rate,
                rateType, status, created, updatedAt == null ? created : updatedAt, deletedAt);
    }
}
