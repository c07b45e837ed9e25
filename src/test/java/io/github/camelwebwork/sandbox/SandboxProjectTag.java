package io.github.camelwebwork.sandbox;

import java.util.Objects;

/** A project tag (§7.3 Project.tags[]); {@code color} is a CSS colour or null. */
public record SandboxProjectTag(long id, String name, String color) {

    public SandboxProjectTag {
        Objects.requireNonNull(name, "name");
    }
}
