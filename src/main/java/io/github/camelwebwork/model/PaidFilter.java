package io.github.camelwebwork.model;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** The {@code yes}/{@code no} of a leave's {@code is_paid} and of the {@code GET /leaves} filter (reference §7.11). */
public enum PaidFilter implements WireValue {
    YES("yes"),
    NO("no");

    private final String wireValue;

    PaidFilter(String wireValue) {
        this.wireValue = wireValue;
    }

    @JsonValue
    @Override
    public String wireValue() {
        return wireValue;
    }

    /** The constant of a wire value; empty when absent or a value this version does not know (kept as is, H4). */
    public static Optional<PaidFilter> fromWire(String value) {
        return WireValues.fromWire(PaidFilter.class, value);
    }
}
