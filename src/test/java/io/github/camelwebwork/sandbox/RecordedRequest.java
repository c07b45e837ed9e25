package io.github.camelwebwork.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.camelwebwork.sandbox.http.Json;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request as the sandbox received it, recorded on arrival (before authentication, so rejected requests show
 * too) and completed with its outcome just before the answer is sent. {@code path} includes {@code /api/v2};
 * {@code rawQuery} is null without a query; header names are lower-case; {@code body} is the raw UTF-8 text, ""
 * if none. {@code status} is the HTTP status sent, 0 while unanswered or when no answer was sent (a connection
 * reset); {@code fault} is the injected {@link FaultKind}, or null.
 */
public record RecordedRequest(String method, String path, String rawQuery, Map<String, List<String>> query,
                              Map<String, List<String>> headers, String body, int status, FaultKind fault) {

    public RecordedRequest {
        query = copy(query);
        headers = copy(headers);
        body = body == null ? "" : body;
    }

    /** A request as it arrived: no status yet, no fault. */
    public RecordedRequest(String method, String path, String rawQuery, Map<String, List<String>> query,
                           Map<String, List<String>> headers, String body) {
        this(method, path, rawQuery, query, headers, body, 0, null);
    }

    /** This request with its outcome. */
    public RecordedRequest withOutcome(int status, FaultKind fault) {
        return new RecordedRequest(method, path, rawQuery, query, headers, body, status, fault);
    }

    /** First value of a header, case-insensitive, or null. */
    public String header(String name) {
        return first(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** First value of a query parameter, or null. */
    public String queryParam(String name) {
        return first(query.get(name));
    }

    /** The body parsed; {@link MissingNode} when empty; {@link UncheckedIOException} when not JSON. */
    public JsonNode json() {
        if (body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("recorded body is not JSON: " + body, e);
        }
    }

    @Override
    public String toString() {
        return method + " " + path + (rawQuery == null ? "" : "?" + rawQuery) + (body.isEmpty() ? "" : " " + body);
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> source) {
        Map<String, List<String>> copy = new TreeMap<>();
        source.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }
}
