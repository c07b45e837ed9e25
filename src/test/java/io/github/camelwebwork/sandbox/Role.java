package io.github.camelwebwork.sandbox;

import java.util.Arrays;
import java.util.Optional;

/** Workspace roles, with the exact labels of the reference's roles enum (§2 "Roles enum"). */
public enum Role {
    OWNER("Owner"),
    EXECUTIVE_MANAGER("Executive manager"),
    PROJECT_MANAGER("Project manager"),
    TEAM_MANAGER("Team manager"),
    REGULAR_USER("Regular User"),
    PROJECT_VIEWER("Project viewer");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The wire value, e.g. {@code "Executive manager"}. */
    public String label() {
        return label;
    }

    public static Optional<Role> fromLabel(String label) {
        return Arrays.stream(values()).filter(r -> r.label.equalsIgnoreCase(label)).findFirst();
    }
}
