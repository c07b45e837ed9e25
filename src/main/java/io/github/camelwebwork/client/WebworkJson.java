package io.github.camelwebwork.client;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

/** The JSON mapper settings for the WebWork wire format. */
public final class WebworkJson {

    private WebworkJson() {
    }

    /**
     * Lenient on read (house rule H4): unknown fields never fail; a single value where a list was expected is read.
     * Numbers go on the wire exactly as given: {@code 18000} stays {@code 18000}, never {@code 1.8E+4}.
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
    }
}
