package io.github.camelwebwork.operation;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.client.ApiRequest;
import io.github.camelwebwork.client.ApiResponse;
import io.github.camelwebwork.client.WebworkClient;

/** Sends a {@link ResolvedCall} and reads its typed result. */
public final class OperationExecutor {

    private final ResultReader reader;

    public OperationExecutor(ObjectMapper mapper) {
        this.reader = new ResultReader(mapper);
    }

    /**
     * @param maxResults at most this many records of a list (0: no limit)
     */
    public OperationResult execute(WebworkClient client, ResolvedCall call, int maxResults) {
        OperationDef op = call.operation();
        ApiRequest request = call.request();
        if (call.walksPages()) {
            int perPage = request.query().stream().filter(e -> e.getKey().equals("per_page"))
                    .map(e -> Integer.parseInt(e.getValue())).findFirst().orElse(op.maxPerPage());
            ApiRequest first = request.withoutQueryParam("per_page")
                    .withQueryParam("page", "1").withQueryParam("per_page", String.valueOf(perPage));
            ApiResponse response = client.execute(first);
            PagedResult<?> paged = new PagedResult<>(client, first, reader, op.resultType(), response, perPage,
                    maxResults);
            return new OperationResult(true, paged, response.message(), paged.getPagination());
        }
        ApiResponse response = client.execute(request);
        return switch (op.shape()) {
            case OBJECT -> new OperationResult(true, reader.object(response, op.resultType(), op.qualifiedName()),
                    response.message(), null);
            case LIST -> {
                List<?> list = reader.list(response, op.resultType());
                if (maxResults > 0 && list.size() > maxResults) {
                    list = list.subList(0, maxResults);
                }
                yield new OperationResult(true, list, response.message(), reader.pagination(response));
            }
            case NONE -> new OperationResult(false, null, response.message(), null);
        };
    }
}
