package io.github.camelwebwork.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.sandbox.http.Envelope;
import io.github.camelwebwork.sandbox.http.HttpAnswer;
import io.github.camelwebwork.sandbox.http.Json;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Applies the {@link Deviation}s switched on to the requests the sandbox reads (before its API answers them) and to
 * its answers (after), so that the API itself stays written from the reference.
 */
public final class Deviations {

    private static final String BASE = "/api/v2";
    private static final Pattern IN_PATH = Pattern.compile(Pattern.quote(BASE) + "/workspaces/(\\d+)(/.+)");
    private static final Set<String> UNSCOPED = Set.of(BASE + "/workspaces", "/oauth/token");
    private static final int PAGE_CAP = 50;

    private final Set<Deviation> on;

    private Deviations(Set<Deviation> on) {
        this.on = on;
    }

    public static Deviations of(Set<Deviation> deviations) {
        return new Deviations(deviations.isEmpty() ? EnumSet.noneOf(Deviation.class) : EnumSet.copyOf(deviations));
    }

    public static Deviations none() {
        return of(Set.of());
    }

    public boolean has(Deviation deviation) {
        return on.contains(deviation);
    }

    /** The list order the deviations ask for, or {@code otherwise}. */
    public ListOrder listOrder(ListOrder otherwise) {
        return has(Deviation.LIST_ORDER_NEWEST_FIRST) ? ListOrder.descending()
                : has(Deviation.LIST_ORDER_UNORDERED) ? ListOrder.shuffled(17) : otherwise;
    }

    /** The {@code X-RateLimit-*} headers of an answer as the deviating API sends them. */
    public Map<String, String> rateLimitHeaders(Map<String, String> headers) {
        return has(Deviation.NO_RATE_LIMIT_HEADERS) ? Map.of() : headers;
    }

    /** The answer of {@code api} to {@code request}, both as the deviating API reads and writes them. */
    public HttpAnswer answer(RecordedRequest request, Function<RecordedRequest, HttpAnswer> api) {
        if (on.isEmpty()) {
            return api.apply(request);
        }
        RecordedRequest read = request;
        if (has(Deviation.WORKSPACE_ID_IN_PATH) && !UNSCOPED.contains(request.path())) {
            Matcher m = IN_PATH.matcher(request.path());
            if (!m.matches()) {
                return shaped(error(404, "Not found.", "The route " + request.path() + " could not be found."));
            }
            read = scoped(request, m.group(1), BASE + m.group(2));
        }
        if (has(Deviation.PAGE_CAPPED_AT_50) && perPage(read) > PAGE_CAP) {
            read = withQuery(read, "per_page", Integer.toString(PAGE_CAP));
        }
        return shaped(api.apply(read));
    }

    private HttpAnswer shaped(HttpAnswer answer) {
        JsonNode body = parse(answer.body());
        if (!(body instanceof ObjectNode envelope)) {
            return answer;
        }
        if (answer.status() >= 400) {
            return has(Deviation.ERROR_SHAPE_DIFFERENT) ? json(answer, otherError(answer.status(), envelope)) : answer;
        }
        fields(envelope.path("data"));
        return has(Deviation.BARE_DATA_WITHOUT_ENVELOPE) ? json(answer, envelope.path("data")) : json(answer, envelope);
    }

    private void fields(JsonNode data) {
        List<JsonNode> records = new ArrayList<>();
        if (data.isArray()) {
            data.forEach(records::add);
        } else if (data.isObject()) {
            records.add(data);
        }
        for (JsonNode record : records) {
            if (!(record instanceof ObjectNode object)) {
                continue;
            }
            if (has(Deviation.FIELD_MISSING)) {
                object.remove("id");
            }
            if (has(Deviation.FIELD_OF_ANOTHER_TYPE) && object.path("name").isTextual()) {
                object.set("name", Json.object().put("en", object.path("name").asText()));
            }
        }
    }

    private static ObjectNode otherError(int status, ObjectNode envelope) {
        ObjectNode root = Json.object();
        root.putObject("error").put("code", status).put("message", envelope.path("message").asText());
        return root;
    }

    private static HttpAnswer error(int status, String message, String error) {
        ObjectNode root = Json.object().put("success", false).put("message", message).put("error", error);
        root.putObject("meta").put("api_version", Envelope.API_VERSION);
        return HttpAnswer.json(status, root, Map.of());
    }

    /** The request as the sandbox's routes take it: workspace_id from the path into the query (GET) or body. */
    private static RecordedRequest scoped(RecordedRequest request, String workspaceId, String path) {
        if ("GET".equals(request.method())) {
            return withQuery(new RecordedRequest(request.method(), path, request.rawQuery(), request.query(),
                    request.headers(), request.body()), "workspace_id", workspaceId);
        }
        ObjectNode body = request.body().isBlank() ? Json.object() : (ObjectNode) request.json();
        body.put("workspace_id", Long.parseLong(workspaceId));
        return new RecordedRequest(request.method(), path, request.rawQuery(), request.query(), request.headers(),
                body.toString());
    }

    private static RecordedRequest withQuery(RecordedRequest request, String name, String value) {
        Map<String, List<String>> query = new LinkedHashMap<>(request.query());
        query.put(name, List.of(value));
        String raw = query.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
        return new RecordedRequest(request.method(), request.path(), raw, query, request.headers(), request.body());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static int perPage(RecordedRequest request) {
        try {
            String value = request.queryParam("per_page");
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static HttpAnswer json(HttpAnswer answer, JsonNode body) {
        return HttpAnswer.json(answer.status(), body, answer.headers());
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return null;                        // not JSON (a fault's body): nothing to reshape
        }
    }

    @Override
    public String toString() {
        return on.toString();
    }
}
