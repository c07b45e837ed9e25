package io.github.camelwebwork.livecheck;

import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.camelwebwork.operation.HouseRules;

/**
 * One request as sent and its answer as received, unparsed but for the JSON ({@link MissingNode} when the body is not
 * JSON). {@code request} is the request line below the base URL; header names are lower-case.
 */
public record Answer(String request, int status, Map<String, String> headers, String body, JsonNode json) {

    private static final int EXCERPT = 300;

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** {@code data} of the envelope, or the whole body when it is not an envelope. */
    public JsonNode data() {
        return json.isObject() && json.has("success") ? json.path("data") : json;
    }

    /** The records of a list answer: {@code data}, or a per-user report's {@code users} under it. */
    public JsonNode records() {
        return HouseRules.listRecords(data());
    }

    /** {@code meta.pagination}, or the top-level {@code pagination} (§4's anomaly), or missing. */
    public JsonNode pagination() {
        JsonNode nested = json.path("meta").path("pagination");
        return nested.isObject() ? nested : json.path("pagination");
    }

    Evidence evidence(Masking masking) {
        String excerpt = body.length() <= EXCERPT ? body : body.substring(0, EXCERPT) + "...";
        return new Evidence(masking.mask(request), status, masking.mask(excerpt.replace('\n', ' ')));
    }
}
