package io.github.camelwebwork.sandbox;

import java.time.Instant;
import java.util.Objects;

/** A workspace (the API's "team"); {@code createdAt} null means "now" when added to the state. */
public record SandboxWorkspace(long id, String name, long ownerId, Instant createdAt) {

    public SandboxWorkspace {
        Objects.requireNonNull(name, "name");
    }

    public static SandboxWorkspace of(long id, String name, long ownerId) {
        return new SandboxWorkspace(id, name, ownerId, null);
    }
}
