package io.github.camelwebwork.sandbox.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** The response envelopes of §2 (success) and §5 (error, plus H6 {@code errors} on 422). */
public final class Envelope {

    public static final String API_VERSION = "2.0.0";

    private Envelope() {
    }

    public static ObjectNode success(ApiResponse response, Instant now) {
        ObjectNode root = Json.object();
        root.put("success", true);
        // a MissingNode means an answer without data, e.g. §7.11 POST /leaves: {success, message, meta}
        if (response.data() == null || !response.data().isMissingNode()) {
            root.set("data", response.data());
        }
        root.put("message", response.message());
        if (response.extra() != null) {
            root.setAll(response.extra());
        }
        ObjectNode meta = meta(now);
        if (response.pagination() != null) {
            meta.set("pagination", response.pagination());
        }
        root.set("meta", meta);
        return root;
    }

    public static ObjectNode error(ApiException e, Instant now) {
        ObjectNode root = Json.object();
        root.put("success", false);
        root.put("message", e.getMessage());
        root.put("error", e.error());
        if (e.errors() != null) {
            ObjectNode errors = root.putObject("errors");
            e.errors().forEach((field, messages) -> {
                ArrayNode list = errors.putArray(field);
                messages.forEach(list::add);
            });
        }
        root.set("meta", meta(now));
        return root;
    }

    private static ObjectNode meta(Instant now) {
        ObjectNode meta = Json.object();
        meta.put("api_version", API_VERSION);
        meta.put("timestamp", Json.timestamp(now));
        return meta;
    }
}
