package io.github.camelwebwork.operation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.client.ApiRequest;
import io.github.camelwebwork.client.ApiResponse;
import io.github.camelwebwork.client.WebworkClient;

/** Sends a {@link ResolvedCall} and reads its typed result. */
public final class OperationExecutor {

    private final ObjectMapper mapper;
    private final ResultReader reader;
    private final WriteOutcomes writes;

    public OperationExecutor(ObjectMapper mapper) {
        this.mapper = mapper;
        this.reader = new ResultReader(mapper);
        this.writes = new WriteOutcomes(mapper, reader);
    }

    /**
     * @param maxResults at most this many records of a list (0: no limit)
     */
    public OperationResult execute(WebworkClient client, ResolvedCall call, int maxResults) {
        return execute(client, call, maxResults, null, null, Reading.DEFAULT);
    }

    /**
     * Sends the call; a write's outcome is settled by {@link WriteOutcomes}.
     *
     * @param maxResults at most this many records of a list (0: no limit)
     * @param keys       where a create's idempotency key is kept; null: no key
     * @param key        the create's idempotency key (with {@code keys})
     * @param reading    the body's form ({@code outputType}) and whether a model mismatch fails ({@code strictModels})
     */
    public OperationResult execute(WebworkClient client, ResolvedCall call, int maxResults, IdempotencyKeys keys,
                                   String key, Reading reading) {
        OperationDef op = call.operation();
        ApiRequest request = call.request();
        if (call.walksPages()) {
            return walk(client, op, request, maxResults, reading);
        }
        if ("GET".equals(request.method())) {
            return read(op, client.execute(request), maxResults, reading);
        }
        return writes.settle(client, op, request, keys == null ? null : new WriteOutcomes.Key(keys, key),
                response -> read(op, response, maxResults, reading));
    }

    /**
     * Sends a write that is not an operation call of a route (the webhook consumer's registration), settling its
     * outcome as {@link #execute} does.
     */
    public ApiResponse write(WebworkClient client, OperationDef op, ApiRequest request) {
        return writes.send(client, op, request).response();
    }

    /**
     * The record a create of {@code op} with this body made, found by the operation's look-up
     * ({@link CreateLookups}); empty when there is none, or the operation has no look-up.
     */
    public Optional<JsonNode> lookUp(WebworkClient client, OperationDef op, ObjectNode body) {
        return writes.lookUp(client, op, body);
    }

    private OperationResult read(OperationDef op, ApiResponse response, int maxResults, Reading reading) {
        OperationResult result = readBody(op, response, maxResults, reading);
        return response.recovered() ? result.asRecovered() : result;
    }

    private OperationResult readBody(OperationDef op, ApiResponse response, int maxResults, Reading reading) {
        Map<String, Object> extras = extras(op, response);
        return switch (op.shape()) {
            case OBJECT -> new OperationResult(true, reader.object(response, op, reading), response.message(), null,
                    extras);
            case OPTIONAL_OBJECT -> new OperationResult(true, response.data().isObject()
                    || reading.output() != OutputType.MODEL ? reader.object(response, op, reading) : null,
                    response.message(), null, extras);
            case LIST -> {
                Object list = reader.list(response, op, reading);
                if (maxResults > 0 && list instanceof List<?> l && l.size() > maxResults) {
                    list = l.subList(0, maxResults);
                }
                yield new OperationResult(true, list, response.message(), reader.pagination(response), extras);
            }
            case NONE -> new OperationResult(false, null, response.message(), null, extras);
        };
    }

    private OperationResult walk(WebworkClient client, OperationDef op, ApiRequest request, int maxResults,
                                 Reading reading) {
        int perPage = request.query().stream().filter(e -> e.getKey().equals("per_page"))
                .map(e -> Integer.parseInt(e.getValue())).findFirst().orElse(op.maxPerPage());
        ApiRequest first = request.withoutQueryParam("per_page").withQueryParam("page", "1");
        if (op.hasPageSize()) {
            first = first.withQueryParam("per_page", String.valueOf(perPage));
        }
        ApiResponse response = client.execute(first);
        PagedResult<?> paged = new PagedResult<>(client, first, reader, op, reading, response,
                perPage, maxResults);
        return new OperationResult(true, paged, response.message(), paged.getPagination(), extras(op, response));
    }

    private Map<String, Object> extras(OperationDef op, ApiResponse response) {
        if (op.envelopeExtras().isEmpty()) {
            return Map.of();
        }
        Map<String, Object> extras = new LinkedHashMap<>();
        for (String name : op.envelopeExtras()) {
            JsonNode value = response.envelope().get(name);
            if (value != null && !value.isNull()) {
                extras.put(name, mapper.convertValue(value, Object.class));
            }
        }
        return extras;
    }
}
