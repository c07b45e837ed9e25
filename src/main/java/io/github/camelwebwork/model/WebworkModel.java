package io.github.camelwebwork.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Base of every WebWork resource model. Reading is lenient (house rule H4): fields this version does not know are
 * kept in {@link #getAdditionalProperties()} and written back unchanged, so a newer API loses nothing on a round trip.
 * A declared field whose value came in a type the model cannot hold is kept in {@link #getDriftedValues()} the same way
 * (see docs/drift.md).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class WebworkModel {

    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();
    // null until a value drifts: a record that fits allocates nothing for it
    private Map<String, Object> driftedValues;

    /** Fields the API sent that this model does not declare, by wire name. */
    @JsonAnyGetter
    public Map<String, Object> getAdditionalProperties() {
        return additionalProperties;
    }

    @JsonAnySetter
    public void setAdditionalProperty(String name, Object value) {
        additionalProperties.put(name, value);
    }

    /**
     * Declared fields whose value the API sent in a type this model cannot hold (a string where the reference says
     * integer, an object where it says string, ...), by wire name, as read from JSON ({@code Map}, {@code List},
     * {@code String}, number, boolean). The typed property stays null; a write of this model puts the raw value back
     * in its place, so a round trip loses nothing. Empty when everything fitted.
     */
    @JsonIgnore
    public Map<String, Object> getDriftedValues() {
        return driftedValues == null ? Map.of() : Collections.unmodifiableMap(driftedValues);
    }

    /** Keeps a value that does not fit the declared field {@code wireName} (the reader does this on a drift). */
    public void putDriftedValue(String wireName, Object value) {
        if (driftedValues == null) {
            driftedValues = new LinkedHashMap<>();
        }
        driftedValues.put(wireName, value);
    }

    /** The drifted values, or null when there are none (no allocation for the writer's check). */
    Map<String, Object> driftedOrNull() {
        return driftedValues;
    }
}
