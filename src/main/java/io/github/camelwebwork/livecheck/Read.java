package io.github.camelwebwork.livecheck;

import io.github.camelwebwork.client.ApiRequest;
import io.github.camelwebwork.operation.OperationDef;

/**
 * One read of the catalogue as the sweep sent it: the request and its answer, or why it was not sent ({@code skipped},
 * e.g. no record to get). {@code perPage} is the page size asked for, 0 when none.
 */
record Read(OperationDef op, ApiRequest request, Answer answer, int perPage, String skipped) {

    boolean answered() {
        return answer != null;
    }

    boolean ok() {
        return answer != null && answer.ok();
    }
}
