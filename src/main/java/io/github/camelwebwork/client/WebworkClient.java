package io.github.camelwebwork.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import io.github.camelwebwork.metrics.ClientMetrics;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link ApiRequest}s to one WebWork base URL with one credential and unwraps the envelope. Every non-2xx answer
 * and every {@code success: false} becomes a typed {@link WebworkApiException}; never an empty result in its place.
 * <p>
 * Each attempt first takes one request from the credential's shared {@link RateBudget}. Failures are retried per
 * {@link RetrySettings} and {@link CallSafety}: a 429 after its {@code Retry-After}; a 5xx, timeout, reset or unreadable
 * answer with exponential backoff and jitter, but only for idempotent calls, or when the attempt certainly did not reach
 * the server. A 401 is retried once after the token provider refreshed the token. The client sends, retries and
 * reports: the final failure carries the number of attempts and whether an attempt may have taken effect; whether a
 * write happened is decided above it.
 */
public class WebworkClient {

    private static final Logger LOG = LoggerFactory.getLogger(WebworkClient.class);
    /** Reference "Tasks: wire examples": {@code Content-Type: application/json}, no charset parameter. */
    private static final ContentType JSON = ContentType.create("application/json");
    private static final byte[] NO_BODY = new byte[0];
    /** What {@link #parseSuccess} takes a body Jackson cannot read for: not an object, so "not JSON". */
    private static final JsonNode NOT_JSON = JsonNodeFactory.instance.textNode("not JSON");

    private final CloseableHttpClient http;
    private final String baseUrl;
    private final String basePath;
    private final AccessTokenProvider tokens;
    private final ObjectMapper mapper;
    private final RateBudget budget;
    private final RateBudget.Lane lane;
    private final RetrySettings retry;
    private final StoreBudget shared;
    private final FailsafeExecutor<ApiResponse> idempotentRetries;
    private final FailsafeExecutor<ApiResponse> unsafeRetries;
    private final ClientMetrics metrics;

    public WebworkClient(CloseableHttpClient http, String baseUrl, AccessTokenProvider tokens, ObjectMapper mapper) {
        this(http, baseUrl, tokens, mapper, null, RetrySettings.NO_RETRIES);
    }

    /** {@code budget} null: no local rate budget. */
    public WebworkClient(CloseableHttpClient http, String baseUrl, AccessTokenProvider tokens, ObjectMapper mapper,
                         RateBudget budget, RetrySettings retry) {
        this(http, baseUrl, tokens, mapper, budget, RateBudget.Lane.INTERACTIVE, retry, null, ClientMetrics.NOOP);
    }

    private WebworkClient(CloseableHttpClient http, String baseUrl, AccessTokenProvider tokens, ObjectMapper mapper,
                          RateBudget budget, RateBudget.Lane lane, RetrySettings retry, StoreBudget shared,
                          ClientMetrics metrics) {
        this.lane = Objects.requireNonNull(lane, "lane");
        this.http = Objects.requireNonNull(http, "http");
        this.baseUrl = stripTrailingSlash(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.basePath = URI.create(this.baseUrl).getRawPath();
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.budget = budget;
        this.retry = Objects.requireNonNull(retry, "retry");
        this.shared = shared;
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.idempotentRetries = retries(CallSafety.IDEMPOTENT, retry.maxAttempts());
        this.unsafeRetries = retries(CallSafety.NOT_IDEMPOTENT, retry.maxAttempts());
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    /** The shared budget, or null. */
    public RateBudget getBudget() {
        return budget;
    }

    /** This client, drawing on the budget in {@code lane} (the HTTP client, credential and budget are shared). */
    public WebworkClient withLane(RateBudget.Lane lane) {
        return lane == this.lane ? this
                : new WebworkClient(http, baseUrl, tokens, mapper, budget, lane, retry, shared, metrics);
    }

    /** This client, reporting its attempts, retries and budget waits to {@code metrics}. */
    public WebworkClient withMetrics(ClientMetrics metrics) {
        return new WebworkClient(http, baseUrl, tokens, mapper, budget, lane, retry, shared, metrics);
    }

    /**
     * This client, taking each request also from {@code shared}, the credential's budget in a {@link BudgetStore}
     * that other processes share, after the local budget let it go.
     */
    public WebworkClient withStoreBudget(StoreBudget shared) {
        Objects.requireNonNull(budget, "a store budget comes after the local budget");
        return new WebworkClient(http, baseUrl, tokens, mapper, budget, lane, retry, shared, metrics);
    }

    /** The budget kept in a {@link BudgetStore}, or null (the local budget alone). */
    public StoreBudget getStoreBudget() {
        return shared;
    }

    /** The lane this client's calls take in the rate budget. */
    public RateBudget.Lane getLane() {
        return lane;
    }

    /** The retry settings every call of this client follows. */
    public RetrySettings getRetrySettings() {
        return retry;
    }

    /** An idempotent call (GET, PUT, DELETE, verbs). */
    public ApiResponse execute(ApiRequest request) {
        return execute(request, CallSafety.IDEMPOTENT);
    }

    public ApiResponse execute(ApiRequest request, CallSafety safety) {
        return execute(request, safety, retry.maxAttempts());
    }

    /**
     * One attempt of an idempotent call, answered within {@code timeout}: no retry, no token refresh, and no wait
     * for the rate budget beyond {@code timeout}. For health probes, which must answer fast rather than heal.
     */
    public ApiResponse probe(ApiRequest request, Duration timeout) {
        RequestConfig config = RequestConfig.custom().setResponseTimeout(Timeout.of(timeout))
                .setConnectionRequestTimeout(Timeout.of(timeout)).build();
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(config);
        return sendOnce(request, tokens.accessToken(), timeout, context);
    }

    /**
     * Sends {@code request}, retrying what its safety allows, in at most {@code maxAttempts} attempts. A
     * {@link CallSafety#NOT_IDEMPOTENT} call is sent again only after an attempt that certainly did not reach the
     * server; after one that may have, the call fails {@link WebworkException#isOutcomeUnknown() outcome unknown}
     * and deciding what happened is the caller's (the operation layer's write outcomes).
     */
    public ApiResponse execute(ApiRequest request, CallSafety safety, int maxAttempts) {
        AtomicInteger attempts = new AtomicInteger();
        AtomicBoolean doubted = new AtomicBoolean();
        FailsafeExecutor<ApiResponse> failsafe = maxAttempts != retry.maxAttempts() ? retries(safety, maxAttempts)
                : safety == CallSafety.IDEMPOTENT ? idempotentRetries : unsafeRetries;
        try {
            return failsafe.get(ctx -> {
                attempts.incrementAndGet();
                try {
                    return sendWithRefresh(request);
                } catch (RuntimeException e) {
                    if (maybeProcessed(e)) {
                        doubted.set(true);
                    }
                    throw e;
                }
            });
        } catch (WebworkTooManyRequestsException e) {
            WebworkRateLimitException limited = new WebworkRateLimitException(
                    "WebWork API " + request.method() + " " + basePath + request.path() + " is rate limited: "
                    + "HTTP 429, Retry-After " + describe(e.getRetryAfter()) + " (maxRetryAfter "
                    + retry.maxRetryAfter() + ")", 429, e.getRetryAfter());
            limited.initCause(e);
            limited.setAttempts(attempts.get());
            throw limited;
        } catch (WebworkException e) {
            e.setAttempts(Math.max(1, attempts.get()));
            // an attempt may have taken effect: a create that may have been processed; an idempotent call refused
            // after such an attempt (the refusal may mean "already done")
            boolean refusedAfterDoubt = doubted.get() && attempts.get() > 1
                                        && e instanceof WebworkApiException api && api.isRefusal();
            if (safety == CallSafety.NOT_IDEMPOTENT ? doubted.get() : refusedAfterDoubt) {
                e.setOutcomeUnknown(true);
            }
            throw e;
        } catch (FailsafeException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new WebworkException("WebWork API " + request.method() + " " + basePath + request.path()
                                       + " was interrupted", cause);
        }
    }

    /**
     * The retries of a call of {@code safety} in at most {@code maxAttempts} attempts. Policies and executors are
     * immutable and thread-safe: those of the configured attempts are built once per client, not per call.
     */
    private FailsafeExecutor<ApiResponse> retries(CallSafety safety, int maxAttempts) {
        RetryPolicy<ApiResponse> policy = RetryPolicy.<ApiResponse>builder()
                .handleIf((r, e) -> e != null && retryable(e, safety))
                .abortIf((r, e) -> e instanceof WebworkTooManyRequestsException tooMany
                                   && retryAfter(tooMany).compareTo(retry.maxRetryAfter()) > 0)
                .withMaxAttempts(Math.max(1, maxAttempts))
                .withBackoff(positive(retry.initialBackoff()), positive(retry.maxBackoff()).plusNanos(1))
                .withJitter(0.25)
                .withDelayFn(ctx -> ctx.getLastException() instanceof WebworkTooManyRequestsException tooMany
                        ? retryAfter(tooMany) : Duration.ofMillis(-1))
                .onRetry(event -> metrics.retry(event.getLastException()))
                .build();
        return Failsafe.with(policy);
    }

    private static boolean retryable(Throwable e, CallSafety safety) {
        if (e instanceof WebworkTooManyRequestsException) {
            return true;                                   // not processed
        }
        return isTransient(e) && (safety == CallSafety.IDEMPOTENT || !maybeProcessed(e));
    }

    /**
     * A failure that another attempt may not meet: a transport failure or a 5xx; not a certificate or protocol
     * mismatch, nor the local budget's own refusal (it already waited its maximum).
     */
    public static boolean isTransient(Throwable e) {
        if (e instanceof WebworkRateLimitException || e.getCause() instanceof SSLException) {
            return false;
        }
        return e instanceof WebworkTransportException
               || e instanceof WebworkApiException api && api.getStatusCode() >= 500;
    }

    private static boolean maybeProcessed(Throwable e) {
        if (e instanceof WebworkTransportException t) {
            return t.isMaybeProcessed();
        }
        // 429 and the local budget: not processed; 4xx: refused; 5xx: unknown
        return e instanceof WebworkApiException api && api.getStatusCode() >= 500;
    }

    private ApiResponse sendWithRefresh(ApiRequest request) {
        String token = tokens.accessToken();
        try {
            return sendOnce(request, token);
        } catch (WebworkAuthenticationException e) {
            if (tokens.refreshAfterRejection(token)) {
                metrics.tokenRefreshed();
                LOG.info("{} {}: access token rejected (401); sending once more with the refreshed token",
                        request.method(), basePath + request.path());
                return sendOnce(request, tokens.accessToken());
            }
            throw e;
        }
    }

    private ApiResponse sendOnce(ApiRequest request, String token) {
        return sendOnce(request, token, retry.maxBudgetWait(), null);
    }

    private ApiResponse sendOnce(ApiRequest request, String token, Duration budgetWait, HttpClientContext context) {
        if (shared != null) {
            return sendOnceShared(request, token, budgetWait, context);
        }
        takeBudget(request, budgetWait);
        ServerCount seen = budget == null ? null : new ServerCount();
        try {
            return send(request, token, context, null, seen);
        } finally {
            if (budget != null) {
                budget.completed(seen.limit, seen.remaining);
            }
        }
    }

    /** The {@code X-RateLimit-*} of an answer, booked with its completion (one budget lock per answer, not two). */
    private static final class ServerCount {
        Integer limit;
        Integer remaining;
    }

    /** The same, taking the request from the store's budget too (kept apart: the single-JVM path stays as it was). */
    private ApiResponse sendOnceShared(ApiRequest request, String token, Duration budgetWait, HttpClientContext context) {
        long deadline = System.nanoTime() + budgetWait.toNanos();
        takeBudget(request, budgetWait);
        StoreBudget.Ticket ticket;
        try {
            long started = System.nanoTime();
            ticket = shared.acquire(lane, Duration.ofNanos(Math.max(0, deadline - started)));
            metrics.budgetWait(lane.name(), System.nanoTime() - started, ticket != null);
        } catch (InterruptedException e) {
            budget.completed();
            Thread.currentThread().interrupt();
            throw new WebworkException("Interrupted while waiting for WebWork request budget", e);
        } catch (RuntimeException e) {
            budget.completed();
            throw e;
        }
        if (ticket == null) {
            budget.completed();
            throw noBudget(request, budgetWait, " shared in " + shared.store());
        }
        try {
            return send(request, token, context, ticket, null);
        } finally {
            shared.completed(ticket);
            budget.completed();
        }
    }

    private ApiResponse send(ApiRequest request, String token, HttpClientContext context, StoreBudget.Ticket ticket,
                             ServerCount seen) {
        String target = baseUrl + request.pathAndQuery();
        String fullPath = basePath + request.path();
        ClassicRequestBuilder builder = ClassicRequestBuilder.create(request.method())
                .setUri(target)
                .setHeader("Authorization", "Bearer " + token)
                .setHeader("Accept", "application/json");
        if (request.body() != null) {
            builder.setEntity(new ByteArrayEntity(serialize(request), JSON));
        }
        long started = System.nanoTime();
        try {
            ApiResponse response = http.execute(builder.build(), context, r -> read(request, fullPath, r, ticket, seen));
            metrics.request(request.method(), request.path(), response.statusCode(), null, System.nanoTime() - started);
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} -> {} in {} ms", request.method(), basePath + request.pathAndQuery(),
                        response.statusCode(), (System.nanoTime() - started) / 1_000_000);
            }
            return response;
        } catch (RuntimeException e) {
            metrics.request(request.method(), request.path(), 0, e, System.nanoTime() - started);
            throw e;
        } catch (IOException e) {
            metrics.request(request.method(), request.path(), 0, e, System.nanoTime() - started);
            throw new WebworkTransportException("WebWork API " + request.method() + " " + fullPath
                                                + " got no answer: " + e.getClass().getSimpleName()
                                                + (e.getMessage() == null ? "" : ": " + e.getMessage()), e,
                    !neverSent(e));
        }
    }

    /** Failures that happen before a single byte of the request left this machine. */
    private static boolean neverSent(IOException e) {
        return e instanceof ConnectException || e instanceof HttpHostConnectException
               || e instanceof ConnectTimeoutException || e instanceof UnknownHostException
               || e instanceof NoRouteToHostException
               || e instanceof InterruptedIOException && e.getClass().getSimpleName().equals("ConnectionRequestTimeoutException");
    }

    private void takeBudget(ApiRequest request, Duration wait) {
        if (budget == null) {
            return;
        }
        try {
            long started = System.nanoTime();
            boolean granted = budget.acquire(lane, wait);
            metrics.budgetWait(lane.name(), System.nanoTime() - started, granted);
            if (!granted) {
                throw noBudget(request, wait, "");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebworkException("Interrupted while waiting for WebWork request budget", e);
        }
    }

    private WebworkRateLimitException noBudget(ApiRequest request, Duration wait, String where) {
        return new WebworkRateLimitException("No WebWork request budget for " + request.method() + " "
                                             + basePath + request.path() + " within "
                                             + (wait.equals(retry.maxBudgetWait()) ? "maxBudgetWait " : "") + wait
                                             + " (" + budget.limit() + " requests per " + budget.window() + where
                                             + ")", 0, null);
    }

    private byte[] serialize(ApiRequest request) {
        try {
            return mapper.writeValueAsBytes(request.body());
        } catch (JsonProcessingException e) {
            throw new WebworkException("Cannot write the JSON body of " + request.method() + " " + request.path(), e);
        }
    }

    private ApiResponse read(ApiRequest request, String fullPath, ClassicHttpResponse response,
                             StoreBudget.Ticket ticket, ServerCount seen) throws IOException {
        int status = response.getCode();
        Map<String, String> headers = ApiResponse.headersOf(headers(response));
        observeBudget(status, headers, ticket, seen);
        boolean ok = status >= 200 && status < 300;
        HttpEntity entity = response.getEntity();
        JsonNode envelope;
        String raw = "";
        if (ok) {
            // parsed straight from the stream (Jackson's recycled buffers, no copy of the body): a success's body is
            // never quoted in an error
            envelope = entity == null ? null : parseSuccess(entity, request, fullPath, status);
        } else {
            byte[] body = entity == null ? NO_BODY : EntityUtils.toByteArray(entity);
            envelope = parse(body);
            raw = new String(body, StandardCharsets.UTF_8);
        }
        if (!ok || envelope == null || envelope.path("success").asBoolean(true) == false) {
            if (status == 429) {
                String message = envelope == null ? null : envelope.path("message").asText(null);
                throw new WebworkTooManyRequestsException(status, request.method(), fullPath, message, null,
                        retryAfter(headers));
            }
            if (!ok || envelope != null) {
                throw ApiErrors.toException(status, request.method(), fullPath, envelope, raw);
            }
        }
        return new ApiResponse(status, envelope == null ? mapper.createObjectNode() : envelope, headers);
    }

    /** A 2xx answer's envelope; null for an empty (or blank) body; a transport failure for one that is not JSON. */
    private JsonNode parseSuccess(HttpEntity entity, ApiRequest request, String fullPath, int status)
            throws IOException {
        JsonNode node;
        try (InputStream in = entity.getContent()) {
            node = in == null ? null : mapper.readTree(in);
        } catch (JsonProcessingException e) {
            node = NOT_JSON;
        }
        if (node == null || node.isMissingNode()) {
            return null;
        }
        if (!node.isObject()) {
            throw new WebworkTransportException("WebWork API " + request.method() + " " + fullPath
                                                + " answered HTTP " + status + " with a body that is not JSON",
                    null, true);
        }
        return node;
    }

    private void observeBudget(int status, Map<String, String> headers, StoreBudget.Ticket ticket,
                               ServerCount seen) {
        if (budget == null) {
            return;
        }
        if (status == 429) {
            // Retry-After says exactly when to go on; the Remaining of a refusal (0) would book a whole window
            Duration wait = retryAfter(headers);
            budget.pauseFor(wait == null ? Duration.ofSeconds(1) : wait);
        } else if (ticket == null) {
            seen.limit = intHeader(headers, "X-RateLimit-Limit");
            seen.remaining = intHeader(headers, "X-RateLimit-Remaining");
        } else {
            // the store holds every process's requests: the others' are in the server's count, not spent elsewhere
            budget.observe(intHeader(headers, "X-RateLimit-Limit"), null);
            shared.observe(ticket, intHeader(headers, "X-RateLimit-Remaining"));
        }
    }

    /**
     * {@code Retry-After} in seconds (H5); the sandbox's {@code Retry-After-Millis} when present, so that tests with a
     * scaled-down window stay fast.
     */
    static Duration retryAfter(Map<String, String> headers) {
        Integer millis = intHeader(headers, "Retry-After-Millis");
        if (millis != null) {
            return Duration.ofMillis(millis);
        }
        Integer seconds = intHeader(headers, "Retry-After");
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }

    private static Duration retryAfter(WebworkTooManyRequestsException e) {
        return e.getRetryAfter() == null ? Duration.ofSeconds(1) : e.getRetryAfter();
    }

    private static Integer intHeader(Map<String, String> headers, String name) {
        String value = ApiResponse.header(headers, name);
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException ignored) {
            return null;
        }
    }

    private static String describe(Duration d) {
        return d == null ? "absent" : d.toMillis() + " ms";
    }

    private static Duration positive(Duration d) {
        return d.isZero() || d.isNegative() ? Duration.ofMillis(1) : d;
    }

    private JsonNode parse(byte[] body) {
        if (isBlank(body)) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;                                   // not JSON (a byte array has no other I/O to fail)
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static List<Map.Entry<String, String>> headers(ClassicHttpResponse response) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (Header h : response.getHeaders()) {
            list.add(Map.entry(h.getName(), h.getValue()));
        }
        return list;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "WebworkClient[" + baseUrl + "]";
    }
}
