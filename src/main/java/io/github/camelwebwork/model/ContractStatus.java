package io.github.camelwebwork.model;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Contract status (reference §7.4). */
public enum ContractStatus implements WireValue {
    ACTIVE("active"),
    PAUSED("paused");

    private final String wireValue;

    ContractStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    @JsonValue
    @Override
    public String wireValue() {
        return wireValue;
    }

    /** The constant of a wire value; empty when absent or a value this version does not know (kept as is, H4). */
    public static Optional<ContractStatus> fromWire(String value) {
        return WireValues.fromWire(ContractStatus.class, value);
    }
}
