package io.github.camelwebwork.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.client.WebworkJson;

/**
 * The JSON mapper for writing WebWork models: the wire settings of {@link WebworkJson}, and a model's drifted values
 * ({@link WebworkModel#getDriftedValues()}) written back in their fields' places, so a round trip loses nothing.
 */
public final class ModelJson {

    private ModelJson() {
    }

    public static ObjectMapper newMapper() {
        return WebworkJson.newMapper().registerModule(DriftedValueWriter.module());
    }
}
