package io.github.camelwebwork.model;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Timesheet status (reference §7.9; house rule H3: the G3 values. G2's {@code open} is not one of them and
 * reads as an unknown value). */
public enum TimesheetStatus implements WireValue {
    PENDING("pending"),
    SUBMITTED("submitted"),
    APPROVED("approved"),
    REJECTED("rejected");

    private final String wireValue;

    TimesheetStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    @JsonValue
    @Override
    public String wireValue() {
        return wireValue;
    }

    /** The constant of a wire value; empty when absent or a value this version does not know (kept as is, H4). */
    public static Optional<TimesheetStatus> fromWire(String value) {
        return WireValues.fromWire(TimesheetStatus.class, value);
    }
}
