package io.github.camelwebwork.sandbox;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A time request (§7.10): a member asks for manual time from {@code start} to {@code end}; approving it adds the
 * time as "Manually added time" entries. {@code updatedBy} is who approved or rejected it; {@code comment} the
 * rejection reason. {@code id} null means "a new UUID" and null timestamps mean "now" when added to the state.
 */
public record SandboxTimeRequest(String id, long workspaceId, long userId, Long contractId, Long projectId,
                                 Long taskId, Instant start, Instant end, String status, String activityDescription,
                                 String comment, Long updatedBy, Instant createdAt, Instant updatedAt) {

    public static final Set<String> STATUSES = Set.of("pending", "approved", "rejected");

    public SandboxTimeRequest {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("time request status must be one of " + STATUSES + ": " + status);
        }
    }

    public boolean isPending() {
        return "pending".equals(status);
    }

    public SandboxTimeRequest withId(String newId, Instant now) {
        Instant created = createdAt == null ? now : createdAt;
        return new SandboxTimeRequest(newId, workspaceId, userId, contractId, projectId, taskId, start, end, status,
                activityDescription, comment, updatedBy, created, updatedAt == null ? created : updatedAt);
    }

    public SandboxTimeRequest decided(String newStatus, long byUserId, String newComment, Instant at) {
        return new SandboxTimeRequest(id, workspaceId, userId, contractId, projectId, taskId, start, end, newStatus,
                activityDescription, newComment, byUserId, createdAt, at);
    }
}
