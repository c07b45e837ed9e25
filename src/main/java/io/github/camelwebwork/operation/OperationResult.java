package io.github.camelwebwork.operation;

import java.util.Map;

import io.github.camelwebwork.model.Pagination;

/**
 * What an operation returned: the body to set ({@code hasBody} false leaves the message body alone), the API's message,
 * the pagination figures of a list (null otherwise), and the answer's declared top-level extras (e.g.
 * {@code saved_minutes}) by wire name.
 */
public record OperationResult(boolean hasBody, Object body, String message, Pagination pagination,
                              Map<String, Object> extras, boolean recovered) {

    public OperationResult(boolean hasBody, Object body, String message, Pagination pagination,
                           Map<String, Object> extras) {
        this(hasBody, body, message, pagination, extras, false);
    }

    OperationResult asRecovered() {
        return new OperationResult(hasBody, body, message, pagination, extras, true);
    }
}
