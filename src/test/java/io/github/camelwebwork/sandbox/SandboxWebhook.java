package io.github.camelwebwork.sandbox;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A registered webhook (§7.13). {@code id} is a string id (H10); null id, token or timestamps mean "new" when
 * added to the state. {@code token} is the secret that signs deliveries to {@code url} (§8.1).
 */
public record SandboxWebhook(String id, long workspaceId, String url, List<String> events, String token,
                             long creatorId, Instant createdAt, Instant updatedAt) {

    /** §8.1's union of the event lists of every snapshot. */
    public static final Set<String> EVENTS = Set.of("tracker.started", "tracker.stopped", "member.invited",
            "member.updated", "member.deleted", "member.activated", "member.archived", "project.created",
            "project.updated", "project.deleted", "task.updated");
    private static final SecureRandom RANDOM = new SecureRandom();

    public SandboxWebhook {
        Objects.requireNonNull(url, "url");
        events = List.copyOf(events);
    }

    public static SandboxWebhook of(long workspaceId, String url, List<String> events, long creatorId) {
        return new SandboxWebhook(null, workspaceId, url, events, null, creatorId, null, null);
    }

    /** A fresh secret shaped like the reference's example: {@code whsec_} plus 32 hex digits. */
    public static String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }

    public boolean subscribes(String event) {
        return events.contains(event);
    }

    public SandboxWebhook withTarget(String newUrl, List<String> newEvents, Instant now) {
        return new SandboxWebhook(id, workspaceId, newUrl, newEvents, token, creatorId, createdAt, now);
    }

    SandboxWebhook withIdentity(String newId, String newToken, Instant now) {
        Instant created = createdAt == null ? now : createdAt;
        return new SandboxWebhook(newId, workspaceId, url, events, newToken, creatorId, created,
                updatedAt == null ? created : updatedAt);
    }
}
