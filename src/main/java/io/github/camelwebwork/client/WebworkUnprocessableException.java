package io.github.camelwebwork.client;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** HTTP 422: the API rejected the request's fields; {@link #getFieldErrors()} holds its messages per field (H6). */
public class WebworkUnprocessableException extends WebworkApiException {

    private final Map<String, List<String>> fieldErrors;

    public WebworkUnprocessableException(int status, String method, String path, String message, String error,
                                         Map<String, List<String>> fieldErrors) {
        super(status, method, path, withFields(message, fieldErrors), error);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    private static String withFields(String message, Map<String, List<String>> fieldErrors) {
        if (fieldErrors.isEmpty()) {
            return message;
        }
        String fields = fieldErrors.entrySet().stream()
                .map(e -> e.getKey() + ": " + String.join(" ", e.getValue()))
                .collect(Collectors.joining("; "));
        return (message == null ? "" : message + " - ") + fields;
    }

    /** Field name to the API's messages for it; empty when the API sent none. */
    public Map<String, List<String>> getFieldErrors() {
        return fieldErrors;
    }
}
