package io.github.camelwebwork.operation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.client.ApiRequest;
import io.github.camelwebwork.client.WebworkClient;

/**
 * The state verbs (approve, reject, submit, unsubmit) are sent again after an attempt whose answer was lost; if that
 * attempt did take effect, the API refuses the repeat (422: only a submitted timesheet can be approved). Such a
 * refusal means "already done" when the record is now in the verb's target status: these checks read that status.
 * Kept together so that a correction after contact with the live API is made in one place.
 */
final class VerbChecks {

    /** How to read a record's status, and the status the verb leads to. */
    record Check(String target, String path, boolean listWithIdFilter) {
    }

    private static final Map<String, Check> CHECKS = Map.of(
            "timesheets.approve", new Check("approved", "/timesheets", true),
            "timesheets.reject", new Check("rejected", "/timesheets", true),
            "timesheets.submit", new Check("submitted", "/timesheets", true),
            "timesheets.unsubmit", new Check("pending", "/timesheets", true),
            "time-requests.approve", new Check("approved", "/time-requests/{id}", false),
            "time-requests.reject", new Check("rejected", "/time-requests/{id}", false),
            "leaves.approve", new Check("approved", "/leaves", true),
            "leaves.reject", new Check("rejected", "/leaves", true));

    private VerbChecks() {
    }

    static Optional<Check> of(OperationDef op) {
        return Optional.ofNullable(CHECKS.get(op.qualifiedName()));
    }

    /**
     * Whether the record the request acted on is in the target status now.
     *
     * @param request the verb's request: its path ends with {@code /<id>/<verb>}, its body has workspace_id
     */
    static boolean reached(Check check, ApiRequest request, WebworkClient client) {
        String[] parts = request.path().split("/");
        String id = parts[parts.length - 2];
        String workspace = request.body() == null ? null : request.body().path("workspace_id").asText(null);
        List<Map.Entry<String, String>> query = workspace == null ? List.of()
                : new java.util.ArrayList<>(List.of(Map.entry("workspace_id", workspace)));
        JsonNode record;
        if (check.listWithIdFilter()) {
            List<Map.Entry<String, String>> q = new java.util.ArrayList<>(query);
            q.add(Map.entry("id", id));
            JsonNode data = client.execute(new ApiRequest("GET", check.path(), q, null)).data();
            record = data.isArray() && !data.isEmpty() ? data.get(0) : null;
        } else {
            record = client.execute(new ApiRequest("GET", check.path().replace("{id}", id), query, null)).data();
        }
        return record != null && id.equals(record.path("id").asText()) && check.target().equals(
                record.path("status").asText());
    }
}
