package io.github.camelwebwork.operation;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.client.ApiRequest;
import io.github.camelwebwork.client.ApiResponse;
import io.github.camelwebwork.client.RetrySettings;
import io.github.camelwebwork.client.WebworkApiException;
import io.github.camelwebwork.client.WebworkClient;
import io.github.camelwebwork.client.WebworkException;
import io.github.camelwebwork.model.Pagination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides whether a write happened, after the client reported its outcome:
 * <ul>
 * <li>a create whose attempt may have reached the server (timeout, reset, 5xx) is looked up by its
 * {@link CreateLookup} before it is sent again, and the record found is its result; a look-up that fails leaves the
 * outcome unknown and the create is not sent again;</li>
 * <li>a state verb refused (400, 409, 422) after such an attempt is done already when the record is in the verb's
 * target status ({@link VerbChecks});</li>
 * <li>a write answered with success whose answer cannot be read did take effect: it stays "outcome unknown";</li>
 * <li>an idempotency key is added before a create, confirmed when it took effect and removed only when it certainly
 * did not; a key seen before is looked up first.</li>
 * </ul>
 * Every attempt of a create counts against the client's {@code maxAttempts}, look-ups aside.
 */
final class WriteOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(WriteOutcomes.class);

    /** A key of one create in its store. */
    record Key(IdempotencyKeys store, String value) {
    }

    private final ObjectMapper mapper;
    private final ResultReader reader;

    WriteOutcomes(ObjectMapper mapper, ResultReader reader) {
        this.mapper = mapper;
        this.reader = reader;
    }

    /**
     * Sends the write {@code request} of {@code op} and settles its outcome; {@code read} turns the answer into the
     * result. {@code key} null: no idempotency key.
     */
    OperationResult settle(WebworkClient client, OperationDef op, ApiRequest request, Key key,
                           Function<ApiResponse, OperationResult> read) {
        if (key != null && !key.store().add(key.value())) {
            Optional<JsonNode> existing = lookUp(client, op, request.body());
            if (existing.isPresent()) {
                LOG.info("{}: idempotency key seen before and its record exists; not creating it again",
                        op.qualifiedName());
                key.store().confirm(key.value());
                return read.apply(recovered(existing.get())).asRecovered();
            }
        }
        try {
            OperationResult result = readWrite(op, send(client, op, request), read);
            if (key != null) {
                key.store().confirm(key.value());
            }
            return result;
        } catch (RuntimeException e) {
            if (key != null && !(e instanceof WebworkException w && w.isOutcomeUnknown())) {
                key.store().remove(key.value());
            }
            throw e;
        }
    }

    /**
     * Sends a write until it is answered or its outcome is settled: the answer (possibly the record an earlier
     * attempt made), or, for a state verb an earlier attempt had done, that message.
     */
    Settled send(WebworkClient client, OperationDef op, ApiRequest request) {
        RetrySettings retry = client.getRetrySettings();
        int attempts = 0;
        while (true) {
            try {
                return new Settled(client.execute(request, op.callSafety(), retry.maxAttempts() - attempts), null);
            } catch (WebworkException e) {
                attempts += e.getAttempts();
                e.setAttempts(attempts);
                if (!e.isOutcomeUnknown()) {
                    throw e;
                }
                if (op.stateVerb() != null && e instanceof WebworkApiException api && api.isRefusal()) {
                    if (VerbChecks.reached(op, op.stateVerb(), request, client)) {
                        return new Settled(null, "Already " + op.stateVerb().targetStatus()
                                                 + " (an earlier attempt had done it)");
                    }
                    e.setOutcomeUnknown(false);                 // checked: not done, and the API says why
                    throw e;
                }
                if (op.lookup() == null || request.body() == null || attempts >= retry.maxAttempts()
                    || !WebworkClient.isTransient(e)) {
                    throw e;
                }
                pause(retry, e, attempts);
                Optional<JsonNode> found;
                try {
                    found = lookUp(client, op, request.body());
                } catch (RuntimeException failure) {
                    // still unknown: the create is never sent again unsettled
                    WebworkException lookUpFailed = failure instanceof WebworkException w ? w
                            : new WebworkException("The look-up of " + op.qualifiedName() + " failed: "
                                                   + failure.getMessage(), failure);
                    lookUpFailed.setOutcomeUnknown(true);
                    lookUpFailed.setAttempts(attempts);
                    lookUpFailed.addSuppressed(e);
                    throw lookUpFailed;
                }
                if (found.isPresent()) {
                    LOG.info("{} {}: the earlier attempt had taken effect ({}); not sending it again",
                            request.method(), request.path(), e.getClass().getSimpleName());
                    return new Settled(recovered(found.get()), null);
                }
            }
        }
    }

    /** The answer of a write, or the message of a state verb found done already (then {@code response} is null). */
    record Settled(ApiResponse response, String alreadyDone) {
    }

    private static OperationResult readWrite(OperationDef op, Settled settled,
                                             Function<ApiResponse, OperationResult> read) {
        if (settled.alreadyDone() != null) {
            return new OperationResult(false, null, settled.alreadyDone(), null, Map.of(), true);
        }
        try {
            return read.apply(settled.response());
        } catch (RuntimeException e) {
            // answered with success, so it took effect; only its answer cannot be read. Marked so that an idempotent
            // create keeps its key: a redelivery looks the record up instead of creating it again.
            WebworkException unreadable = e instanceof WebworkException w ? w
                    : new WebworkException("WebWork " + op.qualifiedName() + " succeeded but its answer cannot be"
                                           + " read: " + e.getMessage(), e);
            unreadable.setOutcomeUnknown(true);
            throw unreadable;
        }
    }

    /**
     * Before looking for what an attempt made: after a timeout the server may still be processing the create, so it
     * gets the settle time; otherwise the backoff.
     */
    private static void pause(RetrySettings retry, WebworkException e, int attempts) {
        Duration wait = e.getCause() instanceof SocketTimeoutException ? retry.settleAfterTimeout()
                : retry.backoff(attempts);
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    private ApiResponse recovered(JsonNode found) {
        return ApiResponse.recovered(mapper.createObjectNode().put("success", true)
                .<ObjectNode>set("data", found).put("message", "Found the record an earlier attempt had created"));
    }

    /** The record a create of {@code op} with this body made; empty when there is none, or it has no look-up. */
    Optional<JsonNode> lookUp(WebworkClient client, OperationDef op, ObjectNode body) {
        return op.lookup() == null || body == null ? Optional.empty()
                : op.lookup().find(body, new ClientFinder(client));
    }

    /** Reads lists through the client for the look-ups, newest (last) page first. */
    private final class ClientFinder implements CreateLookup.Finder {

        private final WebworkClient client;

        ClientFinder(WebworkClient client) {
            this.client = client;
        }

        @Override
        public Optional<JsonNode> newestFirst(String path, List<Map.Entry<String, String>> query, int perPage,
                                              Predicate<JsonNode> match) {
            ApiRequest first = new ApiRequest("GET", path, query, null).withQueryParam("page", "1");
            if (perPage > 0) {
                first = first.withQueryParam("per_page", String.valueOf(perPage));
            }
            ApiResponse firstPage = client.execute(first);
            Pagination pagination = reader.pagination(firstPage);
            int last = pagination == null || pagination.getLastPage() == null ? 1 : pagination.getLastPage();
            for (int page = last; page >= 1; page--) {
                ApiResponse response = page == 1 ? firstPage
                        : client.execute(first.withQueryParam("page", String.valueOf(page)));
                JsonNode items = items(response.data());
                for (int i = items.size() - 1; i >= 0; i--) {
                    if (match.test(items.get(i))) {
                        return Optional.of(items.get(i));
                    }
                }
            }
            return Optional.empty();
        }

        @Override
        public JsonNode data(String path, List<Map.Entry<String, String>> query) {
            return client.execute(new ApiRequest("GET", path, query, null)).data();
        }

        private JsonNode items(JsonNode data) {
            JsonNode records = HouseRules.listRecords(data);
            return records.isArray() ? records : mapper.createArrayNode();
        }
    }
}
