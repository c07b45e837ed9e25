package io.github.camelwebwork.model;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a time entry was recorded: a time entry's {@code method} (reference §7.8). */
public enum TimeEntryMethod implements WireValue {
    DESKTOP_TRACKER("Desktop tracker"),
    MOBILE_TRACKER("Mobile tracker"),
    MANUALLY_ADDED_TIME("Manually added time"),
    EXTENSION_TRACKER("Extension tracker"),
    WEB_TRACKER("Web tracker"),
    IDLE_TIME("Idle time"),
    PAID_LEAVE("Paid leave"),
    BREAK("Break"),
    PAID_HOLIDAY("Paid holiday");

    private final String wireValue;

    TimeEntryMethod(String wireValue) {
        this.wireValue = wireValue;
    }

    @JsonValue
    @Override
    public String wireValue() {
        return wireValue;
    }

    /** The constant of a wire value; empty when absent or a value this version does not know (kept as is, H4). */
    public static Optional<TimeEntryMethod> fromWire(String value) {
        return WireValues.fromWire(TimeEntryMethod.class, value);
    }
}
