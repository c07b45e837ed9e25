package io.github.camelwebwork.sandbox;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A user's membership of one workspace. {@code status} is one of {@link #STATUSES} (§7.2);
 * {@code activatedAt} null means "now" when added to the state, {@code createdAt}/{@code updatedAt} null mean
 * {@code activatedAt}. {@code rateStatus} 1 = the member may see rates (§2 "Rate visibility"). An archived
 * member (DELETE /members) has status "left" and {@code deletedAt} set.
 */
public record SandboxMember(long workspaceId, long userId, Role role, String status, String teamName, String title,
                            Instant activatedAt, Double rate, Integer rateType, int rateStatus, String screenshots,
                            Integer weeklyHoursLimit, boolean blocked, Instant createdAt, Instant updatedAt,
                            Instant deletedAt) {

    public static final Set<String> STATUSES = Set.of("active", "inactive", "left", "unknown");
    public static final int DEFAULT_WEEKLY_HOURS_LIMIT = 168;

    public SandboxMember {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(status, "status");
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("member status must be one of " + STATUSES + ": " + status);
        }
    }

    /** The directory fields only; rate settings and timestamps take their defaults. */
    public SandboxMember(long workspaceId, long userId, Role role, String status, String teamName, String title,
                         Instant activatedAt) {
        this(workspaceId, userId, role, status, teamName, title, activatedAt, null, null, defaultRateStatus(role),
                "full", DEFAULT_WEEKLY_HOURS_LIMIT, false, null, null, null);
    }

    public static SandboxMember active(long workspaceId, long userId, Role role) {
        return new SandboxMember(workspaceId, userId, role, "active", null, null, null);
    }

    /** Owners and executive managers see rates by default; others until rate_status is set to 1. */
    public static int defaultRateStatus(Role role) {
        return role == Role.OWNER || role == Role.EXECUTIVE_MANAGER ? 1 : 0;
    }

    public boolean isActive() {
        return "active".equals(status);
    }

    public boolean isArchived() {
        return "left".equals(status);
    }

    /** Fills null timestamps: activation "now", creation = activation, update = creation. */
    SandboxMember withTimestamps(Instant now) {
        Instant activated = activatedAt == null ? now : activatedAt;
        Instant created = createdAt == null ? activated : createdAt;
        return new SandboxMember(workspaceId, userId, role, status, teamName, title, activated, rate, rateType,
                rateStatus, screenshots, weeklyHoursLimit, blocked, created, updatedAt == null ? created : updatedAt,
                deletedAt);
    }

    public SandboxMember withRole(Role newRole) {
        return new SandboxMember(workspaceId, userId, newRole, status, teamName, title, activatedAt, rate, rateType,
                rateStatus, screenshots, weeklyHoursLimit, blocked, createdAt, updatedAt, deletedAt);
    }

    /** Status plus the matching deleted_at: set when archived ("left"), cleared otherwise. */
    public SandboxMember withStatus(String newStatus, Instant now) {
        Instant deleted = "left".equals(newStatus) ? (isArchived() && deletedAt != null ? deletedAt : now) : null;
        return new SandboxMember(workspaceId, userId, role, newStatus, teamName, title, activatedAt, rate, rateType,
                rateStatus, screenshots, weeklyHoursLimit, blocked, createdAt, now, deleted);
    }

    /** An accepted invitation: active, activated now. */
    public SandboxMember activated(Instant now) {
        return new SandboxMember(workspaceId, userId, role, "active", teamName, title, now, rate, rateType,
                rateStatus, screenshots, weeklyHoursLimit, blocked, createdAt, now, null);
    }

    public SandboxMember withSettings(int newRateStatus, Integer newWeeklyHoursLimit, Instant now) {
        return new SandboxMember(workspaceId, userId, role, status, teamName, title, activatedAt, rate, rateType,
                newRateStatus, screenshots, newWeeklyHoursLimit, blocked, createdAt, now, deletedAt);
    }
}
