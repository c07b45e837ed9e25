package io.github.camelwebwork.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** An answer ready for the wire: status, body bytes and extra headers (Content-Type is always JSON). */
public record HttpAnswer(int status, byte[] body, Map<String, String> headers) {

    public HttpAnswer {
        headers = Map.copyOf(headers);
    }

    public static HttpAnswer json(int status, JsonNode body, Map<String, String> headers) {
        try {
            return new HttpAnswer(status, Json.MAPPER.writeValueAsBytes(body), headers);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same answer with more headers (these win). */
    public HttpAnswer withHeaders(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(more);
        return new HttpAnswer(status, body, all);
    }
}
