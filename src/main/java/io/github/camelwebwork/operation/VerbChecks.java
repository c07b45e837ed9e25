package io.github.camelwebwork.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.client.ApiRequest;
import io.github.camelwebwork.client.WebworkClient;

/**
 * The state verbs (approve, reject, submit, unsubmit) are sent again after an attempt whose answer was lost; if that
 * attempt did take effect, the API refuses the repeat (422: only a submitted timesheet can be approved). Such a
 * refusal means "already done" when the record is now in the verb's target status, which the verb's
 * {@link StateVerb} (declared with the operation) tells how to read.
 */
final class VerbChecks {

    private VerbChecks() {
    }

    static Optional<StateVerb> of(OperationDef op) {
        return Optional.ofNullable(op.stateVerb());
    }

    /**
     * Whether the record the request acted on is in the target status now.
     *
     * @param request the verb's request: its path ends with {@code /<id>/<verb>}, its body has workspace_id
     */
    static boolean reached(OperationDef op, StateVerb verb, ApiRequest request, WebworkClient client) {
        String[] parts = request.path().split("/");
        String id = parts[parts.length - 2];
        String workspace = request.body() == null ? null : request.body().path("workspace_id").asText(null);
        List<Map.Entry<String, String>> query = new ArrayList<>();
        if (workspace != null) {
            query.add(Map.entry("workspace_id", workspace));
        }
        OperationDef read = OperationCatalogue.require(op.resource(), verb.readOperation());
        JsonNode record;
        if (read.shape() == ResultShape.LIST) {
            query.add(Map.entry("id", id));
            JsonNode data = client.execute(new ApiRequest("GET", read.pathTemplate(), query, null)).data();
            record = data.isArray() && !data.isEmpty() ? data.get(0) : null;
        } else {
            String path = read.pathTemplate().replaceFirst("\\{[^}]+}", id);
            record = client.execute(new ApiRequest("GET", path, query, null)).data();
        }
        return record != null && id.equals(record.path("id").asText())
               && verb.targetStatus().equals(record.path("status").asText());
    }
}
