package io.github.camelwebwork.operation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.client.ApiRequest;
import io.github.camelwebwork.client.ApiResponse;
import io.github.camelwebwork.client.Recovery;
import io.github.camelwebwork.client.WebworkClient;
import io.github.camelwebwork.model.Pagination;

/** Sends a {@link ResolvedCall} and reads its typed result. */
public final class OperationExecutor {

    private final ObjectMapper mapper;
    private final ResultReader reader;

    public OperationExecutor(ObjectMapper mapper) {
        this.mapper = mapper;
        this.reader = new ResultReader(mapper);
    }

    /**
     * @param maxResults at most this many records of a list (0: no limit)
     */
    public OperationResult execute(WebworkClient client, ResolvedCall call, int maxResults) {
        OperationDef op = call.operation();
        ApiRequest request = call.request();
        if (call.walksPages()) {
            return walk(client, op, request, maxResults);
        }
        ApiResponse response;
        try {
            response = client.execute(request, op.callSafety(), recovery(client, op, request));
        } catch (io.github.camelwebwork.client.WebworkApiException e) {
            // a state verb refused after an attempt whose answer was lost: done already if the record is there now
            int status = e.getStatusCode();
            java.util.Optional<StateVerb> check = VerbChecks.of(op);
            if (e.isOutcomeUnknown() && (status == 400 || status == 409 || status == 422) && check.isPresent()) {
                if (VerbChecks.reached(op, check.get(), request, client)) {
                    return new OperationResult(false, null, "Already " + check.get().targetStatus()
                                                           + " (an earlier attempt had done it)",
                            null, Map.of(), true);
                }
                e.setOutcomeUnknown(false);             // checked: not done, and the API says why
            }
            throw e;
        }
        try {
            return read(op, response, maxResults);
        } catch (RuntimeException e) {
            if ("GET".equals(request.method())) {
                throw e;
            }
            // the write was answered with success, so it took effect; only its answer cannot be read. Marked so that
            // an idempotent create keeps its key: a redelivery looks the record up instead of creating it again.
            io.github.camelwebwork.client.WebworkException unreadable = e instanceof
                    io.github.camelwebwork.client.WebworkException w ? w
                    : new io.github.camelwebwork.client.WebworkException("WebWork " + op.qualifiedName()
                                                                         + " succeeded but its answer cannot be read: "
                                                                         + e.getMessage(), e);
            unreadable.setOutcomeUnknown(true);
            throw unreadable;
        }
    }

    /**
     * For a create with a look-up: the record an earlier attempt made, as the create's result, or empty when there is
     * none (the create may be sent). Empty too for operations without a look-up.
     */
    public java.util.Optional<OperationResult> findExisting(WebworkClient client, ResolvedCall call) {
        Recovery recovery = recovery(client, call.operation(), call.request());
        return recovery == null ? java.util.Optional.empty()
                : recovery.find().map(response -> read(call.operation(), response, 0));
    }

    /**
     * The record a create of {@code op} with this body made, found by the operation's look-up
     * ({@link CreateLookups}); empty when there is none, or the operation has no look-up.
     */
    public java.util.Optional<JsonNode> lookUp(WebworkClient client, OperationDef op,
                                               com.fasterxml.jackson.databind.node.ObjectNode body) {
        return op.lookup() == null ? java.util.Optional.empty() : op.lookup().find(body, new ClientFinder(client));
    }

    private Recovery recovery(WebworkClient client, OperationDef op, ApiRequest request) {
        if (op.lookup() == null || request.body() == null) {
            return null;
        }
        return () -> lookUp(client, op, request.body())
                .map(found -> ApiResponse.recovered(mapper.createObjectNode().put("success", true)
                        .<com.fasterxml.jackson.databind.node.ObjectNode>set("data", found)
                        .put("message", "Found the record an earlier attempt had created")));
    }

    private OperationResult read(OperationDef op, ApiResponse response, int maxResults) {
        OperationResult result = readBody(op, response, maxResults);
        return response.recovered() ? result.asRecovered() : result;
    }

    private OperationResult readBody(OperationDef op, ApiResponse response, int maxResults) {
        Map<String, Object> extras = extras(op, response);
        return switch (op.shape()) {
            case OBJECT -> new OperationResult(true, reader.object(response, op.resultType(), op.qualifiedName()),
                    response.message(), null, extras);
            case OPTIONAL_OBJECT -> new OperationResult(true, response.data().isObject()
                    ? reader.object(response, op.resultType(), op.qualifiedName()) : null,
                    response.message(), null, extras);
            case LIST -> {
                List<?> list = reader.list(response, op.resultType());
                if (maxResults > 0 && list.size() > maxResults) {
                    list = list.subList(0, maxResults);
                }
                yield new OperationResult(true, list, response.message(), reader.pagination(response), extras);
            }
            case NONE -> new OperationResult(false, null, response.message(), null, extras);
        };
    }

    private OperationResult walk(WebworkClient client, OperationDef op, ApiRequest request, int maxResults) {
        int perPage = request.query().stream().filter(e -> e.getKey().equals("per_page"))
                .map(e -> Integer.parseInt(e.getValue())).findFirst().orElse(op.maxPerPage());
        ApiRequest first = request.withoutQueryParam("per_page").withQueryParam("page", "1");
        if (op.hasPageSize()) {
            first = first.withQueryParam("per_page", String.valueOf(perPage));
        }
        ApiResponse response = client.execute(first);
        PagedResult<?> paged = new PagedResult<>(client, first, reader, op.resultType(), response, perPage,
                maxResults);
        return new OperationResult(true, paged, response.message(), paged.getPagination(), extras(op, response));
    }

    /** Reads lists through the client for the look-ups, newest (last) page first. */
    private final class ClientFinder implements CreateLookup.Finder {

        private final WebworkClient client;

        ClientFinder(WebworkClient client) {
            this.client = client;
        }

        @Override
        public java.util.Optional<JsonNode> newestFirst(String path, List<Map.Entry<String, String>> query,
                                                        int perPage, java.util.function.Predicate<JsonNode> match) {
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
                        return java.util.Optional.of(items.get(i));
                    }
                }
            }
            return java.util.Optional.empty();
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
