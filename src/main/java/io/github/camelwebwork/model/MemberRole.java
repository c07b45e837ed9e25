package io.github.camelwebwork.model;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Workspace and member roles (reference §2, roles enum); {@link #CLIENT} appears only as a contract's
 * {@code user_role} (§7.4). */
public enum MemberRole implements WireValue {
    OWNER("Owner"),
    PROJECT_VIEWER("Project viewer"),
    EXECUTIVE_MANAGER("Executive manager"),
    TEAM_MANAGER("Team manager"),
    PROJECT_MANAGER("Project manager"),
    REGULAR_USER("Regular User"),
    CLIENT("Client");

    private final String wireValue;

    MemberRole(String wireValue) {
        this.wireValue = wireValue;
    }

    @JsonValue
    @Override
    public String wireValue() {
        return wireValue;
    }

    /** The constant of a wire value; empty when absent or a value this version does not know (kept as is, H4). */
    public static Optional<MemberRole> fromWire(String value) {
        return WireValues.fromWire(MemberRole.class, value);
    }
}
