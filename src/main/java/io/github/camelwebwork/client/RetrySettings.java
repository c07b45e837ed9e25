package io.github.camelwebwork.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the client retries (reference §6, house rule H5).
 *
 * @param maxAttempts    attempts in all, the first included (1 = never retry)
 * @param initialBackoff first wait after a 5xx, timeout or reset; doubles per attempt, with jitter
 * @param maxBackoff     cap of that wait
 * @param maxRetryAfter  the longest {@code Retry-After} of a 429 that is waited for; a longer one fails at once
 * @param maxBudgetWait  the longest wait for the shared rate budget before a request fails
 * @param settleAfterTimeout how long to wait after a create timed out before looking for what it made: the server may
 *                       still be processing it (the component uses twice the response timeout)
 */
public record RetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter,
                            Duration maxBudgetWait, Duration settleAfterTimeout) {

    public static final RetrySettings DEFAULT = new RetrySettings(5, Duration.ofMillis(500), Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(2), Duration.ofSeconds(120));

    public static final RetrySettings NO_RETRIES = new RetrySettings(1, Duration.ZERO, Duration.ZERO, Duration.ZERO,
            Duration.ZERO, Duration.ZERO);

    public RetrySettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= initial <= max, got " + initialBackoff
                                               + " and " + maxBackoff);
        }
    }

    /** The wait before attempt {@code attempt + 1}: the initial backoff doubled per attempt, capped, ±25 % jitter. */
    public Duration backoff(int attempt) {
        double base = Math.min(maxBackoff.toNanos(), initialBackoff.toNanos() * Math.pow(2, Math.max(0, attempt - 1)));
        double jitter = 1 + 0.25 * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofNanos((long) (base * jitter));
    }
}
