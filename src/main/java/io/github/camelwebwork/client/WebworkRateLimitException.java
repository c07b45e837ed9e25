package io.github.camelwebwork.client;

import java.time.Duration;

/**
 * The request could not be sent within the rate limit (house rule H5): either no budget freed up within
 * {@code maxBudgetWait}, or the API answered 429 with a {@code Retry-After} longer than {@code maxRetryAfter}, or
 * 429s persisted through every attempt.
 */
public class WebworkRateLimitException extends WebworkException {

    private final int lastStatusCode;
    private final Duration retryAfter;

    public WebworkRateLimitException(String message, int lastStatusCode, Duration retryAfter) {
        super(message);
        this.lastStatusCode = lastStatusCode;
        this.retryAfter = retryAfter;
    }

    /** 429 when the API refused the request; 0 when the local budget refused to send it. */
    @Override
    public int getLastStatusCode() {
        return lastStatusCode;
    }

    /** How long the API (or the local budget) asked to wait, or null when unknown. */
    public Duration getRetryAfter() {
        return retryAfter;
    }
}
