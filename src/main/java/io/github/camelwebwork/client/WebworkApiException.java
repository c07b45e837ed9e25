package io.github.camelwebwork.client;

/**
 * The API answered with a non-2xx status or with {@code success: false} (reference §5). Subclasses tell apart the
 * statuses a route reacts to differently: 401, 403, 404 and 422.
 */
public class WebworkApiException extends WebworkException {

    private final int statusCode;
    private final String method;
    private final String path;
    private final String apiMessage;
    private final String apiError;

    public WebworkApiException(int statusCode, String method, String path, String apiMessage, String apiError) {
        super(describe(statusCode, method, path, apiMessage, apiError));
        this.statusCode = statusCode;
        this.method = method;
        this.path = path;
        this.apiMessage = apiMessage;
        this.apiError = apiError;
    }

    private static String describe(int status, String method, String path, String message, String error) {
        StringBuilder sb = new StringBuilder("WebWork API ").append(method).append(' ').append(path)
                .append(" failed with HTTP ").append(status);
        if (message != null && !message.isBlank()) {
            sb.append(": ").append(message);
        }
        if (error != null && !error.isBlank() && !error.equals(message)) {
            sb.append(" (").append(error).append(')');
        }
        return sb.toString();
    }

    /** The HTTP status; 200 when the API answered 2xx but with {@code success: false}. */
    /** A refusal that can mean "already done" after an attempt that may have taken effect: 400, 409, 422. */
    public boolean isRefusal() {
        return getStatusCode() == 400 || getStatusCode() == 409 || getStatusCode() == 422;
    }

    public int getStatusCode() {
        return statusCode;
    }

    @Override
    public int getLastStatusCode() {
        return statusCode;
    }

    public String getMethod() {
        return method;
    }

    /** The request path without host or query, e.g. {@code /api/v2/tasks/500}. */
    public String getPath() {
        return path;
    }

    /** The API's {@code message}, or null. */
    public String getApiMessage() {
        return apiMessage;
    }

    /** The API's {@code error} detail, or null. */
    public String getApiError() {
        return apiError;
    }
}
