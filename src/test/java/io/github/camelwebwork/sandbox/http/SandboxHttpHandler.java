package io.github.camelwebwork.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.camelwebwork.sandbox.Deviations;
import io.github.camelwebwork.sandbox.FaultKind;
import io.github.camelwebwork.sandbox.FaultPlan;
import io.github.camelwebwork.sandbox.ListOrder;
import io.github.camelwebwork.sandbox.RecordedRequest;
import io.github.camelwebwork.sandbox.SandboxState;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP entry point. Order of checks: record → rate limit (429, H5) → injected fault → route (404/405) →
 * bearer token (401) → body media type (415) and JSON syntax (400) → the operation's handler (403, 404, 422 ...).
 * An unknown path is 404 even without a token, as with per-route auth middleware. {@code POST /oauth/token} goes
 * to the {@link TokenEndpoint} instead, outside the rate limit.
 */
public final class SandboxHttpHandler implements HttpHandler {

    public static final String BASE_PATH = "/api/v2";
    private static final Logger LOG = LoggerFactory.getLogger(SandboxHttpHandler.class);
    private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+(\\S+)\\s*");
    private static final byte[] MALFORMED = "{\"success\":true,\"data\":".getBytes(StandardCharsets.UTF_8);

    /** Records a request on arrival; the returned callback replaces the record with its outcome. */
    @FunctionalInterface
    public interface Recorder {
        Consumer<RecordedRequest> arrived(RecordedRequest request);
    }

    /** The fault to inject into the next request, or null. */
    public interface FaultSource {
        Injection next(String method, String path);

        /** Whether the fault is drawn on arrival, before the rate limit counts the request ({@code LATE_ARRIVAL}). */
        boolean drawnOnArrival();

        FaultSource NONE = new FaultSource() {
            @Override
            public Injection next(String method, String path) {
                return null;
            }

            @Override
            public boolean drawnOnArrival() {
                return false;
            }
        };
    }

    public record Injection(FaultKind kind, FaultPlan plan) {
    }

    /**
     * What surrounds the API: how bearer tokens resolve to users, the H5 limiter (null: no limit), the fault
     * source, the OAuth token endpoint (null: none), and the order lists answer in at the moment.
     */
    public record Traffic(Function<String, Optional<Long>> tokens, RateLimiter rateLimiter, FaultSource faults,
                          TokenEndpoint tokenEndpoint, Supplier<ListOrder> listOrder, Deviations deviations) {

        public Traffic(Function<String, Optional<Long>> tokens, RateLimiter rateLimiter, FaultSource faults,
                       TokenEndpoint tokenEndpoint, Supplier<ListOrder> listOrder) {
            this(tokens, rateLimiter, faults, tokenEndpoint, listOrder, Deviations.none());
        }
    }

    private final Router router;
    private final SandboxState state;
    private final Recorder recorder;
    private final Traffic traffic;

    /** Without rate limit, faults or token endpoint; every request is recorded once, on arrival. */
    public SandboxHttpHandler(Router router, SandboxState state, Consumer<RecordedRequest> recorder) {
        this(router, state, request -> {
            recorder.accept(request);
            return outcome -> { };
        }, new Traffic(state::userIdForToken, null, FaultSource.NONE, null, ListOrder::ascending));
    }

    public SandboxHttpHandler(Router router, SandboxState state, Recorder recorder, Traffic traffic) {
        this.router = router;
        this.state = state;
        this.recorder = recorder;
        this.traffic = traffic;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            RecordedRequest request = read(exchange);
            serve(exchange, request, recorder.arrived(request));
        } catch (IOException e) {
            // expected whenever a client gives up on an answer (its timeout, a fault it was served): no stack trace
            LOG.debug("client went away: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange, RecordedRequest request, Consumer<RecordedRequest> complete)
            throws IOException, InterruptedException {
        Map<String, String> limitHeaders = Map.of();
        boolean onArrival = traffic.faults().drawnOnArrival();
        Injection injection = onArrival ? traffic.faults().next(request.method(), request.path()) : null;
        if (injection != null && injection.kind() == FaultKind.LATE_ARRIVAL) {
            Thread.sleep(injection.plan().slowDelay().toMillis());
        }
        if (traffic.rateLimiter() != null && !isTokenRequest(request)) {
            RateLimiter.Decision decision = traffic.rateLimiter().acquire(limitKey(request, exchange));
            limitHeaders = traffic.deviations().rateLimitHeaders(decision.headers());
            if (!decision.admitted()) {
                send(exchange, request, complete, null, error(429, "Too Many Attempts.",
                        "Rate limit of " + decision.limit() + " requests exceeded", limitHeaders));
                return;
            }
        }
        if (!onArrival) {
            injection = traffic.faults().next(request.method(), request.path());
        }
        FaultKind fault = injection == null ? null : injection.kind();
        if (fault == null || fault == FaultKind.LATE_ARRIVAL) {
            send(exchange, request, complete, fault, answer(request).withHeaders(limitHeaders));
            return;
        }
        switch (fault) {
            case HTTP_500 -> send(exchange, request, complete, fault,
                    error(500, "An error occurred", "Internal Server Error", limitHeaders));
            case HTTP_502 -> send(exchange, request, complete, fault,
                    error(502, "Bad Gateway", "Bad Gateway", limitHeaders));
            case HTTP_503 -> send(exchange, request, complete, fault,
                    error(503, "Service Unavailable", "Service Unavailable", limitHeaders));
            case BURST_429 -> send(exchange, request, complete, fault, burst(injection.plan(), limitHeaders));
            case EXPIRED_TOKEN -> send(exchange, request, complete, fault, isTokenRequest(request)
                    ? TokenEndpoint.error(400, "invalid_grant", "Token expired.", Map.of())
                    : error(401, "Token expired.", "The access token has expired", limitHeaders));
            case RESET_BEFORE -> reset(request, complete, fault);
            case SLOW -> {
                Thread.sleep(injection.plan().slowDelay().toMillis());
                send(exchange, request, complete, fault, answer(request).withHeaders(limitHeaders));
            }
            case RESET_AFTER -> {
                answer(request);
                reset(request, complete, fault);
            }
            case TRUNCATED_JSON -> truncate(exchange, request, complete, answer(request).withHeaders(limitHeaders));
            case MALFORMED_JSON -> {
                HttpAnswer real = answer(request).withHeaders(limitHeaders);
                send(exchange, request, complete, fault, new HttpAnswer(real.status(), MALFORMED, real.headers()));
            }
        }
    }

    /** The request processed normally: the token endpoint's or the API's answer, as the deviations shape it. */
    private HttpAnswer answer(RecordedRequest request) {
        return traffic.deviations().answer(request, this::referenceAnswer);
    }

    private HttpAnswer referenceAnswer(RecordedRequest request) {
        if (isTokenRequest(request)) {
            try {
                return traffic.tokenEndpoint().handle(request);
            } catch (RuntimeException e) {
                LOG.error("sandbox failure on {}", request, e);
                return TokenEndpoint.error(500, "server_error", "Internal Server Error", Map.of());
            }
        }
        try {
            ApiResponse response = dispatch(request);
            return HttpAnswer.json(response.status(), Envelope.success(response, state.clock().instant()), Map.of());
        } catch (ApiException e) {
            return HttpAnswer.json(e.status(), Envelope.error(e, state.clock().instant()), e.headers());
        } catch (RuntimeException e) {
            LOG.error("sandbox failure on {}", request, e);
            return error(500, "An error occurred", "Internal Server Error", Map.of());
        }
    }

    private HttpAnswer error(int status, String message, String error, Map<String, String> headers) {
        return HttpAnswer.json(status, Envelope.error(ApiException.of(status, message, error), state.clock().instant()),
                headers);
    }

    /** An injected 429: the budget looks spent, but the wait is short (sandbox-only Retry-After-Millis). */
    private HttpAnswer burst(FaultPlan plan, Map<String, String> limitHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(limitHeaders);
        if (!headers.isEmpty()) {
            headers.put("X-RateLimit-Remaining", "0");
        }
        headers.put("Retry-After", "1");
        headers.put("Retry-After-Millis", Long.toString(plan.burstRetryAfter().toMillis()));
        return error(429, "Too Many Attempts.", "Too many requests, injected burst", headers);
    }

    private boolean isTokenRequest(RecordedRequest request) {
        return traffic.tokenEndpoint() != null && request.path().equals(TokenEndpoint.PATH);
    }

    /** H5 budgets per authenticated user (two tokens of a user share it); anonymous callers per address. */
    private String limitKey(RecordedRequest request, HttpExchange exchange) {
        String header = request.header("Authorization");
        Matcher m = header == null ? null : BEARER.matcher(header);
        if (m != null && m.matches()) {
            Optional<Long> user = traffic.tokens().apply(m.group(1));
            if (user.isPresent()) {
                return "user:" + user.get();
            }
        }
        return "address:" + exchange.getRemoteAddress().getAddress().getHostAddress();
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
                found.pathParams(), query, body, callerId, traffic.listOrder().get()));
    }

    private long authenticate(RecordedRequest request) {
        String header = request.header("Authorization");
        Matcher m = header == null ? null : BEARER.matcher(header);
        if (m == null || !m.matches()) {
            throw ApiException.unauthenticated("Missing bearer token: send Authorization: Bearer <token>");
        }
        return traffic.tokens().apply(m.group(1))
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

    private static void send(HttpExchange exchange, RecordedRequest request, Consumer<RecordedRequest> complete,
                             FaultKind fault, HttpAnswer answer) throws IOException {
        complete.accept(request.withOutcome(answer.status(), fault));
        headers(exchange, answer);
        exchange.sendResponseHeaders(answer.status(), answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }

    /**
     * No answer at all: closing an exchange whose headers were never sent makes the JDK server drop the
     * connection, so the client reads end-of-stream where it expected a status line.
     */
    private static void reset(RecordedRequest request, Consumer<RecordedRequest> complete, FaultKind fault) {
        complete.accept(request.withOutcome(0, fault));
    }

    /**
     * Announces the whole body but sends half of it, then drops the connection: closing an exchange whose fixed-length
     * body is incomplete makes the JDK server close the connection.
     */
    private static void truncate(HttpExchange exchange, RecordedRequest request, Consumer<RecordedRequest> complete,
                                 HttpAnswer answer) throws IOException {
        complete.accept(request.withOutcome(answer.status(), FaultKind.TRUNCATED_JSON));
        headers(exchange, answer);
        exchange.sendResponseHeaders(answer.status(), answer.body().length);
        OutputStream out = exchange.getResponseBody();
        out.write(answer.body(), 0, answer.body().length / 2);
        out.flush();
    }

    private static void headers(HttpExchange exchange, HttpAnswer answer) {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        answer.headers().forEach(exchange.getResponseHeaders()::set);
    }
}
