package io.github.camelwebwork.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A successful answer, unwrapped from the envelope {@code {success, data, message, meta}} (reference §2).
 */
public record ApiResponse(int statusCode, JsonNode envelope, Map<String, String> headers, boolean recovered) {

    public ApiResponse(int statusCode, JsonNode envelope, Map<String, String> headers) {
        this(statusCode, envelope, headers, false);
    }

    /** Not an HTTP answer: what a look-up found after an attempt whose outcome was unknown. */
    public static ApiResponse recovered(JsonNode envelope) {
        return new ApiResponse(200, envelope, Map.of(), true);
    }

    /** {@code data}; a {@link MissingNode} when absent, {@code NullNode} when null. */
    public JsonNode data() {
        return envelope.path("data");
    }

    /** The API's {@code message}, or null. */
    public String message() {
        JsonNode message = envelope.get("message");
        return message == null || message.isNull() ? null : message.asText();
    }

    /** {@code meta.pagination}, or the top-level {@code pagination} that one snapshot sends (reference §4, H4). */
    public JsonNode pagination() {
        JsonNode nested = envelope.path("meta").path("pagination");
        if (nested.isObject()) {
            return nested;
        }
        JsonNode top = envelope.path("pagination");
        return top.isObject() ? top : MissingNode.getInstance();
    }

    /** A response header by case-insensitive name, or null. */
    public String header(String name) {
        return header(headers, name);
    }

    /** A header of {@code headers} by case-insensitive name, or null. */
    static String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    static Map<String, String> headersOf(List<Map.Entry<String, String>> raw) {
        Map<String, String> map = new LinkedHashMap<>();
        raw.forEach(e -> map.putIfAbsent(e.getKey(), e.getValue()));
        return Collections.unmodifiableMap(map);
    }
}
