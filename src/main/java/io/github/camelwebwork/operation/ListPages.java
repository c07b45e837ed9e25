package io.github.camelwebwork.operation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.client.ApiResponse;
import io.github.camelwebwork.client.WebworkClient;
import io.github.camelwebwork.client.WebworkException;
import io.github.camelwebwork.client.WebworkNotFoundException;
import io.github.camelwebwork.model.Pagination;

/**
 * Reads a list operation one page at a time as raw records, for the consumers: the request is resolved and validated
 * like a producer's (options, then the given headers), and each page costs exactly one request.
 */
public final class ListPages {

    private final RequestResolver resolver;
    private final ResultReader reader;

    public ListPages(ObjectMapper mapper, Clock clock) {
        this.resolver = new RequestResolver(mapper, clock);
        this.reader = new ResultReader(mapper);
    }

    /** One page of a list: its records and the last page number (1 when the answer has no pagination). */
    public record Page(List<JsonNode> records, int lastPage) {
    }

    /**
     * @param headers values that override the options for this scan (ids of the partition, filters), keyed by header
     *                name ({@code CamelWebworkProjectId}, ...)
     */
    public Page fetch(WebworkClient client, OperationDef list, ParameterSource options, Map<String, Object> headers,
                      int page) {
        Map<String, Object> values = new HashMap<>(headers);
        values.put(ParameterSource.headerFor("page"), page);
        if (list.hasPageSize()) {
            values.put(ParameterSource.headerFor("perPage"), list.maxPerPage());
        }
        ResolvedCall call = resolver.resolve(list, options, values, null);
        ApiResponse response = client.execute(call.request());
        JsonNode data = HouseRules.listRecords(response.data());
        List<JsonNode> records = new ArrayList<>();
        if (data.isArray()) {
            data.forEach(records::add);
        } else if (!data.isMissingNode() && !data.isNull()) {
            throw new WebworkException("WebWork answered " + list.qualifiedName() + " with " + data.getNodeType()
                                       + " instead of an array");
        }
        Pagination pagination = reader.pagination(response);
        int last = pagination == null || pagination.getLastPage() == null ? page
                : Math.max(page, pagination.getLastPage());
        if (pagination == null && list.isPaged() && records.size() >= list.maxPerPage()) {
            last = page + 1;                    // no pagination meta (§4): a full page may have a successor
        }
        return new Page(records, last);
    }

    /**
     * Whether a record exists: its get operation answers (true) or 404 (false).
     *
     * @param headers the record's id and scope, keyed by header name
     */
    public boolean exists(WebworkClient client, OperationDef get, ParameterSource options,
                          Map<String, Object> headers) {
        return get(client, get, options, headers).isPresent();
    }

    /**
     * A record as its get operation answers it (the answer's {@code data}), or empty when the answer is 404.
     *
     * @param headers the record's id and scope, keyed by header name
     */
    public Optional<JsonNode> get(WebworkClient client, OperationDef get, ParameterSource options,
                                  Map<String, Object> headers) {
        ResolvedCall call = resolver.resolve(get, options, headers, null);
        try {
            return Optional.of(client.execute(call.request()).data());
        } catch (WebworkNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The record as the operation's typed model (lenient, as a producer's default reading). */
    public Object toModel(OperationDef op, JsonNode record) {
        return toBody(op, record, Reading.DEFAULT);
    }

    /** The record in the form {@code outputType} and {@code strictModels} ask for: a model, a Map or JSON text. */
    public Object toBody(OperationDef op, JsonNode record, Reading reading) {
        return reader.record(record, op, reading);
    }
}
