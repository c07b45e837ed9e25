package io.github.camelwebwork.model;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Display statuses in a daily-attendance report's {@code statuses[]} (reference §7.14). */
public enum AttendanceLabel implements WireValue {
    PRESENT("Present"),
    LATE("Late"),
    LEFT_EARLY("Left early"),
    TRACKED_LESS("Tracked less"),
    ABSENT("Absent"),
    ON_LEAVE("On leave"),
    HOLIDAY("Holiday");

    private final String wireValue;

    AttendanceLabel(String wireValue) {
        this.wireValue = wireValue;
    }

    @JsonValue
    @Override
    public String wireValue() {
        return wireValue;
    }

    /** The constant of a wire value; empty when absent or a value this version does not know (kept as is, H4). */
    public static Optional<AttendanceLabel> fromWire(String value) {
        return WireValues.fromWire(AttendanceLabel.class, value);
    }
}
