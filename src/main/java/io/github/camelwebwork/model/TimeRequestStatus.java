package io.github.camelwebwork.model;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Time request status (reference §7.10). */
public enum TimeRequestStatus implements WireValue {
    PENDING("pending"),
    APPROVED("approved"),
    REJECTED("rejected");

    private final String wireValue;

    TimeRequestStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    @JsonValue
    @Override
    public String wireValue() {
        return wireValue;
    }

    /** The constant of a wire value; empty when absent or a value this version does not know (kept as is, H4). */
    public static Optional<TimeRequestStatus> fromWire(String value) {
        return WireValues.fromWire(TimeRequestStatus.class, value);
    }
}
