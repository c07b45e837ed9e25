package io.github.camelwebwork.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Base of every WebWork resource model. Reading is lenient (house rule H4): fields this version does not know are
 * kept in {@link #getAdditionalProperties()} and written back unchanged, so a newer API loses nothing on a round trip.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class WebworkModel {

    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    /** Fields the API sent that this model does not declare, by wire name. */
    @JsonAnyGetter
    public Map<String, Object> getAdditionalProperties() {
        return additionalProperties;
    }

    @JsonAnySetter
    public void setAdditionalProperty(String name, Object value) {
        additionalProperties.put(name, value);
    }
}
