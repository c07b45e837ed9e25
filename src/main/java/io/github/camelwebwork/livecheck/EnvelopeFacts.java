package io.github.camelwebwork.livecheck;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * §2's success envelope: {@code {success: true, data, message?, meta{api_version, timestamp}}} around every
 * successful answer, which the client unwraps (ApiResponse).
 */
final class EnvelopeFacts implements FactGroup {

    static final String GROUP = "Envelope";
    private static final String CLAIM = "A success answers {success: true, data, message?, meta{api_version, timestamp}}";
    private static final String REFERENCE = "§2, client.ApiResponse";

    @Override
    public List<Fact> check(CheckRun run) {
        List<Answer> ok = run.reads().stream().filter(Read::ok).map(Read::answer).toList();
        if (ok.isEmpty()) {
            return List.of(Fact.notCheckable(GROUP, CLAIM, REFERENCE, "no read answered 2xx"));
        }
        Optional<Answer> bad = ok.stream().filter(a -> problem(a.json()) != null).findFirst();
        if (bad.isPresent()) {
            return List.of(Fact.refuted(GROUP, CLAIM, REFERENCE, problem(bad.get().json()) + " ("
                            + ok.stream().filter(a -> problem(a.json()) != null).count() + " of " + ok.size()
                            + " answers)", run.evidence(bad.get()),
                    "no option: the client reads the envelope (client.ApiResponse); report it with this file"));
        }
        return List.of(Fact.confirmed(GROUP, CLAIM, REFERENCE, ok.size() + " answers, each in the envelope"));
    }

    /** What is wrong with the envelope, or null. */
    static String problem(JsonNode json) {
        if (!json.isObject()) {
            return "the body is " + (json.isMissingNode() ? "not JSON" : "a bare " + json.getNodeType()
                                                                        + ", no envelope");
        }
        if (!json.path("success").isBoolean()) {
            return "no boolean success";
        }
        if (!json.path("success").asBoolean()) {
            return "success is false on a 2xx";
        }
        if (!json.has("data") && !json.has("message")) {
            return "neither data nor message";
        }
        if (!json.path("meta").path("api_version").isTextual()) {
            return "no meta.api_version";
        }
        return null;
    }
}
