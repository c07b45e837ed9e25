package io.github.camelwebwork.metrics;

/**
 * What one credential's client reports: each HTTP attempt, each retry and each wait for the rate budget. Bound to the
 * credential, so that the calls pass only what changes per call; {@link #NOOP} when no meter registry is bound, and
 * then every call is an empty method (nothing is allocated for it).
 */
public interface ClientMetrics {

    ClientMetrics NOOP = new ClientMetrics() {
    };

    /**
     * One HTTP attempt of {@code method} {@code path} (the path below the base URL), answered with {@code status} or
     * failed with {@code failure} (null when it succeeded), in {@code nanos}.
     */
    default void request(String method, String path, int status, Throwable failure, long nanos) {
    }

    /** Another attempt of a call is about to be made after {@code failure}. */
    default void retry(Throwable failure) {
    }

    /** A call is sent once more with a refreshed token after a 401. */
    default void tokenRefreshed() {
    }

    /** A wait for the rate budget in {@code lane}: how long, and whether it ended with a slot or a refusal. */
    default void budgetWait(String lane, long nanos, boolean granted) {
    }
}
