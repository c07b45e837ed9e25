package io.github.camelwebwork.client;

import java.time.Duration;

/** The API answered 429: the request was not processed; {@link #getRetryAfter()} says when to try again. */
public class WebworkTooManyRequestsException extends WebworkApiException {

    private final Duration retryAfter;

    public WebworkTooManyRequestsException(int statusCode, String method, String path, String apiMessage,
                                           String apiError, Duration retryAfter) {
        super(statusCode, method, path, apiMessage, apiError);
        this.retryAfter = retryAfter;
    }

    /** From {@code Retry-After}; null when the answer had none. */
    public Duration getRetryAfter() {
        return retryAfter;
    }
}
