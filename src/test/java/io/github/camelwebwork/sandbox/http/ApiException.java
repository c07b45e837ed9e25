package io.github.camelwebwork.sandbox.http;

import java.util.List;
import java.util.Map;

/** An error answer: thrown anywhere in a handler, written as the error envelope (§5). */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final transient Map<String, List<String>> errors;
    private final transient Map<String, String> headers;

    public ApiException(int status, String message, String error, Map<String, List<String>> errors,
                        Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
        this.errors = errors;
        this.headers = headers;
    }

    public static ApiException of(int status, String message, String error) {
        return new ApiException(status, message, error, null, Map.of());
    }

    public static ApiException badRequest(String error) {
        return of(400, "Bad request", error);
    }

    public static ApiException unauthenticated(String error) {
        return of(401, "Unauthenticated.", error);
    }

    public static ApiException forbidden(String error) {
        return of(403, "This action is unauthorized.", error);
    }

    /** e.g. {@code notFound("Task")} gives message "Task not found.". */
    public static ApiException notFound(String what) {
        return of(404, what + " not found.", null);
    }

    /** House rule H6: the error envelope plus {@code errors{field:[messages]}}. */
    public static ApiException validation(Map<String, List<String>> errors, String hint) {
        return new ApiException(422, "The given data was invalid.", hint, errors, Map.of());
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    /** Field errors of a 422, else null. */
    public Map<String, List<String>> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
