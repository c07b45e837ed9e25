package io.github.camelwebwork.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A success answer, written as the success envelope (§2); {@code pagination} only on paginated lists. */
public record ApiResponse(int status, String message, JsonNode data, ObjectNode pagination, ObjectNode extra) {

    /** Without extra top-level fields. */
    public ApiResponse(int status, String message, JsonNode data, ObjectNode pagination) {
        this(status, message, data, pagination, null);
    }

    /** The same answer with more top-level envelope fields, e.g. §7.8's {@code saved_minutes} beside {@code data}. */
    public ApiResponse withExtra(ObjectNode fields) {
        return new ApiResponse(status, message, data, pagination, fields);
    }

    public static ApiResponse ok(String message, JsonNode data) {
        return new ApiResponse(200, message, data, null);
    }

    public static ApiResponse created(String message, JsonNode data) {
        return new ApiResponse(201, message, data, null);
    }

    public static ApiResponse message(String message) {
        return new ApiResponse(200, message, NullNode.getInstance(), null);
    }
}
