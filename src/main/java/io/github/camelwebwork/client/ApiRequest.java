package io.github.camelwebwork.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One fully resolved and validated WebWork call: method, path below the base URL (ids already in place), query
 * parameters in order, and the JSON body (null when the call sends none). Holds no credential.
 */
public record ApiRequest(String method, String path, List<Map.Entry<String, String>> query, ObjectNode body) {

    public ApiRequest {
        query = List.copyOf(query);
    }

    /** The path and encoded query, e.g. {@code /tasks?workspace_id=1&project_id=100}. */
    public String pathAndQuery() {
        if (query.isEmpty()) {
            return path;
        }
        return path + "?" + query.stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** The same call on another page (page numbers start at 1). */
    public ApiRequest withQueryParam(String name, String value) {
        List<Map.Entry<String, String>> q = new ArrayList<>(query.size() + 1);
        boolean replaced = false;
        for (Map.Entry<String, String> e : query) {
            if (e.getKey().equals(name)) {
                q.add(Map.entry(name, value));
                replaced = true;
            } else {
                q.add(e);
            }
        }
        if (!replaced) {
            q.add(Map.entry(name, value));
        }
        return new ApiRequest(method, path, q, body);
    }

    /** The same call without a query parameter. */
    public ApiRequest withoutQueryParam(String name) {
        return new ApiRequest(method, path, query.stream().filter(e -> !e.getKey().equals(name)).toList(), body);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return method + " " + pathAndQuery() + (body == null ? "" : " " + body);
    }
}
