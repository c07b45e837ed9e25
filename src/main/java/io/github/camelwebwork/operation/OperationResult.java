package io.github.camelwebwork.operation;

import io.github.camelwebwork.model.Pagination;

/**
 * What an operation returned: the body to set ({@code hasBody} false leaves the message body alone), the API's message
 * and the pagination figures of a list (null otherwise).
 */
public record OperationResult(boolean hasBody, Object body, String message, Pagination pagination) {
}
