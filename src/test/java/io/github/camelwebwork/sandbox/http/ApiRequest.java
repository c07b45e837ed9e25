package io.github.camelwebwork.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.sandbox.ListOrder;
import java.util.List;
import java.util.Map;

/**
 * An authenticated request as a handler sees it. {@code path} is relative to {@code /api/v2};
 * {@code body} is a JSON object (empty when there was no body, and always empty on GET). {@code listOrder} is the
 * order a list answers in ({@link PageRequest#respond}).
 */
public record ApiRequest(String method, String path, Map<String, String> pathParams,
                         Map<String, List<String>> query, JsonNode body, long callerId, ListOrder listOrder) {

    /** A request whose lists answer {@link ListOrder#ascending()}. */
    public ApiRequest(String method, String path, Map<String, String> pathParams, Map<String, List<String>> query,
                      JsonNode body, long callerId) {
        this(method, path, pathParams, query, body, callerId, ListOrder.ascending());
    }

    public boolean isRead() {
        return "GET".equals(method);
    }

    /** First value of a query parameter, or null. */
    public String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A numeric path id; anything else cannot name a resource, hence 404 (like a numeric route constraint). */
    public long pathId(String name, String resource) {
        String raw = pathParams.get(name);
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.notFound(resource);
        }
    }
}
