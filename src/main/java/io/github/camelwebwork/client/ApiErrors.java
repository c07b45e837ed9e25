package io.github.camelwebwork.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns an error answer into the typed exception for its status (reference §5, house rule H6). */
final class ApiErrors {

    private static final int MAX_RAW_BODY_IN_MESSAGE = 200;

    private ApiErrors() {
    }

    static WebworkApiException toException(int status, String method, String path, JsonNode envelope,
                                           String rawBody) {
        String message = text(envelope, "message");
        String error = text(envelope, "error");
        if (envelope == null && rawBody != null && !rawBody.isBlank()) {
            message = abbreviate(rawBody.strip());
        }
        return switch (status) {
            case 401 -> new WebworkAuthenticationException(status, method, path, message, error);
            case 403 -> new WebworkForbiddenException(status, method, path, message, error);
            case 404 -> new WebworkNotFoundException(status, method, path, message, error);
            case 422 -> new WebworkUnprocessableException(status, method, path, message, error,
                    fieldErrors(envelope));
            default -> new WebworkApiException(status, method, path, message, error);
        };
    }

    private static Map<String, List<String>> fieldErrors(JsonNode envelope) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        JsonNode node = envelope == null ? null : envelope.get("errors");
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> {
                List<String> messages = new ArrayList<>();
                if (e.getValue().isArray()) {
                    e.getValue().forEach(m -> messages.add(m.asText()));
                } else {
                    messages.add(e.getValue().asText());
                }
                errors.put(e.getKey(), messages);
            });
        }
        return errors;
    }

    private static String text(JsonNode envelope, String field) {
        if (envelope == null) {
            return null;
        }
        JsonNode node = envelope.get(field);
        return node == null || node.isNull() ? null : node.isTextual() ? node.asText() : node.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= MAX_RAW_BODY_IN_MESSAGE ? s : s.substring(0, MAX_RAW_BODY_IN_MESSAGE) + "...";
    }
}
