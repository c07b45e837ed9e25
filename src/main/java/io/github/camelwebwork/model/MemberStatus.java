package io.github.camelwebwork.model;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Member and workspace status (reference §7.1, §7.2); project viewers use the first three (§7.6). */
public enum MemberStatus implements WireValue {
    ACTIVE("active"),
    INACTIVE("inactive"),
    LEFT("left"),
    UNKNOWN("unknown");

    private final String wireValue;

    MemberStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    @JsonValue
    @Override
    public String wireValue() {
        return wireValue;
    }

    /** The constant of a wire value; empty when absent or a value this version does not know (kept as is, H4). */
    public static Optional<MemberStatus> fromWire(String value) {
        return WireValues.fromWire(MemberStatus.class, value);
    }
}
