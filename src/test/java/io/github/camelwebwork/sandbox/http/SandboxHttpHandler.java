package io.github.camelwebwork.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.camelwebwork.sandbox.RecordedRequest;
import io.github.camelwebwork.sandbox.SandboxState;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP entry point. Order of checks: record → route (404/405) → bearer token (401) →
 * body media type (415) and JSON syntax (400) → the operation's handler (403, 404, 422 ...).
 * An unknown path is 404 even without a token, as with per-route auth middleware.
 */
public final class SandboxHttpHandler implements HttpHandler {

    public static final String BASE_PATH = "/api/v2";
    private static final Logger LOG = LoggerFactory.getLogger(SandboxHttpHandler.class);
    private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+(\\S+)\\s*");

    private final Router router;
    private final SandboxState state;
    private final Consumer<RecordedRequest> recorder;

    public SandboxHttpHandler(Router router, SandboxState state, Consumer<RecordedRequest> recorder) {
        this.router = router;
        this.state = state;
        this.recorder = recorder;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            RecordedRequest request = read(exchange);
            recorder.accept(request);
            try {
                ApiResponse response = dispatch(request);
                write(exchange, response.status(), Envelope.success(response, state.clock().instant()), Map.of());
            } catch (ApiException e) {
                write(exchange, e.status(), Envelope.error(e, state.clock().instant()), e.headers());
            } catch (RuntimeException e) {
                LOG.error("sandbox failure on {}", request, e);
                ApiException failure = ApiException.of(500, "An error occurred", "Internal Server Error");
                write(exchange, 500, Envelope.error(failure, state.clock().instant()), Map.of());
            }
        } catch (IOException e) {
            LOG.debug("client went away", e);
        } finally {
            exchange.close();
        }
    }

    private ApiResponse dispatch(RecordedRequest request) {
        String path = request.path();
        Router.Match match = path.startsWith(BASE_PATH + "/")
                ? router.match(request.method(), path.substring(BASE_PATH.length())) : new Router.NotFound();
        if (match instanceof Router.NotFound) {
            throw ApiException.of(404, "Not found.", "The route " + path + " could not be found.");
        }
        if (match instanceof Router.MethodNotAllowed notAllowed) {
            String allowed = String.join(", ", notAllowed.allowed());
            throw new ApiException(405, "Method not allowed.", "The " + request.method()
                    + " method is not supported for route " + path + ". Supported methods: " + allowed + ".",
                    null, Map.of("Allow", allowed));
        }
        Router.Found found = (Router.Found) match;
        long callerId = authenticate(request);
        JsonNode body = body(request, found.handler() instanceof FormApiHandler);
        Map<String, List<String>> query;
        try {
            query = QueryString.parse(request.rawQuery());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Malformed query string: " + e.getMessage());
        }
        return found.handler().handle(new ApiRequest(request.method(), path.substring(BASE_PATH.length()),
                found.pathParams(), query, body, callerId));
    }

    private long authenticate(RecordedRequest request) {
        String header = request.header("Authorization");
        Matcher m = header == null ? null : BEARER.matcher(header);
        if (m == null || !m.matches()) {
            throw ApiException.unauthenticated("Missing bearer token: send Authorization: Bearer <token>");
        }
        return state.userIdForToken(m.group(1))
                .orElseThrow(() -> ApiException.unauthenticated("Invalid or expired token"));
    }

    private static JsonNode body(RecordedRequest request, boolean formAllowed) {
        if (request.method().equals("GET") || request.method().equals("HEAD") || request.body().isBlank()) {
            return Json.object();
        }
        String contentType = request.header("Content-Type");
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (formAllowed && mediaType.equals("application/x-www-form-urlencoded")) {
            try {
                return FormApiHandler.toJson(request.body());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("Malformed form body: " + e.getMessage());
            }
        }
        if (!mediaType.equals("application/json")) {
            throw ApiException.of(415, "Unsupported Media Type.",
                    "Requests with a body must be sent with Content-Type: application/json (got "
                            + (contentType == null ? "none" : contentType) + ")");
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(request.body());
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("Malformed JSON body: " + e.getOriginalMessage());
        }
        if (!(body instanceof ObjectNode)) {
            throw ApiException.badRequest("The JSON body must be an object");
        }
        return body;
    }

    private static RecordedRequest read(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(values));
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, List<String>> query;
        try {
            query = QueryString.parse(rawQuery);
        } catch (IllegalArgumentException e) {
            query = Map.of();
        }
        return new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), rawQuery, query,
                headers, new String(bytes, StandardCharsets.UTF_8));
    }

    private static void write(HttpExchange exchange, int status, ObjectNode envelope, Map<String, String> headers)
            throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(envelope);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
