package io.github.camelwebwork.livecheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.client.ApiRequest;

/**
 * §5 and H6: errors answer {@code {success: false, message, error?, meta}}, and a 422 adds
 * {@code errors{field: [messages]}}, which the client turns into typed exceptions (ApiErrors). Three cheap
 * provocations: a project that does not exist (404), a token that is not one (401), {@code per_page=0} (422).
 */
final class ErrorFacts implements FactGroup {

    static final String GROUP = "Errors";
    private static final String ENVELOPE = "Errors answer {success: false, message, error?, meta}";
    private static final String FIELD_ERRORS = "A 422 adds errors{field: [messages]}";
    private static final String INVALID_TOKEN = "livecheck-not-a-token";
    private static final long NO_SUCH_PROJECT = 2_147_483_647L;

    @Override
    public List<Fact> check(CheckRun run) {
        Map<String, Object> options = new HashMap<>();
        options.put("workspaceId", run.workspaceId());
        options.put("projectId", NO_SUCH_PROJECT);
        ApiRequest missing = run.request("projects", "get", options, null);
        ApiRequest anyRead = run.request("workspaces", "list", Map.of(), null);
        ApiRequest invalid = run.request("members", "list", options, null).withQueryParam("per_page", "0");
        List<Answer> errors = List.of(run.probe().send(missing), run.probe().send(anyRead, INVALID_TOKEN),
                run.probe().send(invalid));
        List<Fact> facts = new ArrayList<>();
        List<Answer> failed = errors.stream().filter(a -> a.status() >= 400).toList();
        Answer bad = failed.stream().filter(a -> problem(a.json()) != null).findFirst().orElse(null);
        String reference = "§5, client.ApiErrors";
        if (failed.isEmpty()) {
            facts.add(Fact.notCheckable(GROUP, ENVELOPE, reference, "none of the provocations was refused"));
        } else if (bad != null) {
            facts.add(Fact.refuted(GROUP, ENVELOPE, reference, "HTTP " + bad.status() + ": " + problem(bad.json()),
                    run.evidence(bad), "no option: the client reads error answers (client.ApiErrors); its exceptions "
                    + "then carry the raw body as message; report it with this file"));
        } else {
            facts.add(Fact.confirmed(GROUP, ENVELOPE, reference, "HTTP " + failed.stream().map(Answer::status).toList()
                    + ", each in the error envelope"));
        }
        facts.add(fieldErrors(run, errors.get(2)));
        return facts;
    }

    private static Fact fieldErrors(CheckRun run, Answer answer) {
        String reference = "H6, client.ApiErrors";
        if (answer.status() != 422) {
            return Fact.notCheckable(GROUP, FIELD_ERRORS, reference, "per_page=0 answered HTTP " + answer.status());
        }
        JsonNode errors = answer.json().path("errors");
        boolean shaped = errors.isObject() && !errors.isEmpty() && errors.properties().stream()
                .allMatch(e -> e.getValue().isArray());
        return shaped ? Fact.confirmed(GROUP, FIELD_ERRORS, reference, "errors for " + errors.properties().stream()
                .map(Map.Entry::getKey).toList())
                : Fact.refuted(GROUP, FIELD_ERRORS, reference, "a 422 without errors{field: [messages]}",
                run.evidence(answer), "no option: WebworkUnprocessableException.getFieldErrors() stays empty; the "
                + "message still says what was wrong");
    }

    /** What is wrong with an error envelope, or null. */
    private static String problem(JsonNode json) {
        if (!json.isObject()) {
            return json.isMissingNode() ? "the body is not JSON" : "a bare " + json.getNodeType();
        }
        if (!json.path("success").isBoolean() || json.path("success").asBoolean()) {
            return "no success: false";
        }
        if (!json.path("message").isTextual()) {
            return "no message";
        }
        return json.path("meta").isObject() ? null : "no meta";
    }
}
