package io.github.camelwebwork.sandbox;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A user's membership of one workspace. {@code status} is one of {@link #STATUSES} (§7.2);
 * {@code activatedAt} null means "now" when added to the state.
 */
public record SandboxMember(long workspaceId, long userId, Role role, String status, String teamName, String title,
                            Instant activatedAt) {

    public static final Set<String> STATUSES = Set.of("active", "inactive", "left", "unknown");

    public SandboxMember {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(status, "status");
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("member status must be one of " + STATUSES + ": " + status);
        }
    }

    public static SandboxMember active(long workspaceId, long userId, Role role) {
        return new SandboxMember(workspaceId, userId, role, "active", null, null, null);
    }

    public boolean isActive() {
        return "active".equals(status);
    }
}
