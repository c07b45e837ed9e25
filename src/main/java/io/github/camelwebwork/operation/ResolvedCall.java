package io.github.camelwebwork.operation;

import io.github.camelwebwork.client.ApiRequest;

/**
 * An operation ready to send: the validated request, and whether the route asked for one page only.
 */
public record ResolvedCall(OperationDef operation, ApiRequest request, boolean singlePage) {

    /** Walk every page lazily: a paged list for which no page was given. */
    public boolean walksPages() {
        return operation.isPaged() && !singlePage;
    }
}
