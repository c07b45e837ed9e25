package io.github.camelwebwork.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.sandbox.ListOrder;
import java.util.List;
import java.util.function.Function;

/**
 * {@code page}/{@code per_page} of a list request and the {@code meta.pagination} of its answer (§4), in the order
 * the sandbox answers lists in ({@link ListOrder}).
 */
public record PageRequest(long page, int perPage, ListOrder order) {

    public static final int DEFAULT_PER_PAGE = 20;
    public static final int MAX_PER_PAGE = 100;

    public static PageRequest parse(ApiRequest request, Validation v) {
        return parse(request, v, DEFAULT_PER_PAGE, MAX_PER_PAGE);
    }

    /** Some sections differ (§4 "Exceptions": time entries max 50, reports default 30). */
    public static PageRequest parse(ApiRequest request, Validation v, int defaultPerPage, int maxPerPage) {
        Long page = v.queryInteger(request, "page", false);
        if (page != null && page < 1) {
            v.add("page", Messages.minValue("page", 1));
            page = null;
        }
        Long perPage = v.queryInteger(request, "per_page", false);
        if (perPage != null && (perPage < 1 || perPage > maxPerPage)) {
            v.add("per_page", Messages.between("per_page", 1, maxPerPage));
            perPage = null;
        }
        return new PageRequest(page == null ? 1 : page, perPage == null ? defaultPerPage : perPage.intValue(),
                request.listOrder());
    }

    /**
     * One page of {@code all} (already filtered, ascending: by id, or for string ids in the order of creation) in the
     * request's list order, with its pagination meta.
     */
    public <T> ApiResponse respond(String message, List<T> ascending, Function<T, JsonNode> view) {
        List<T> all = ListOrder.arrange(order, ascending);
        int total = all.size();
        long lastPage = Math.max(1, (total + perPage - 1) / perPage);
        long start = (page - 1) * perPage;
        List<T> slice = start >= total ? List.of() : all.subList((int) start, (int) Math.min(total, start + perPage));
        ArrayNode data = Json.array();
        slice.forEach(item -> data.add(view.apply(item)));
        ObjectNode pagination = Json.object();
        pagination.put("total", total);
        pagination.put("per_page", perPage);
        pagination.put("current_page", page);
        pagination.put("last_page", lastPage);
        pagination.put("from", slice.isEmpty() ? null : start + 1);
        pagination.put("to", slice.isEmpty() ? null : start + slice.size());
        return new ApiResponse(200, message, data, pagination);
    }
}
