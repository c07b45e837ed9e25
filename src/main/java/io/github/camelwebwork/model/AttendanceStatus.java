package io.github.camelwebwork.model;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Status filter values of {@code GET /reports/daily-attendance} (reference §7.14). The report itself
 * answers with the display labels of {@link AttendanceLabel}; {@link #label()} links the two. */
public enum AttendanceStatus implements WireValue {
    LATE("late"),
    LEFT_EARLY("left_early"),
    TRACKED_LESS("tracked_less"),
    ABSENT("absent"),
    ON_LEAVE("on_leave");

    private final String wireValue;

    AttendanceStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    @JsonValue
    @Override
    public String wireValue() {
        return wireValue;
    }

    /** The label the report shows for a user matching this filter, e.g. {@code left_early} -> "Left early". */
    public AttendanceLabel label() {
        return AttendanceLabel.valueOf(name());
    }

    /** The constant of a wire value; empty when absent or a value this version does not know (kept as is, H4). */
    public static Optional<AttendanceStatus> fromWire(String value) {
        return WireValues.fromWire(AttendanceStatus.class, value);
    }
}
