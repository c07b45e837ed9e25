package io.github.camelwebwork.sandbox;

/**
 * What an injected fault does to one request (see {@link FaultPlan}). "Processed" means the operation ran and
 * the sandbox state changed exactly as without the fault; only the answer is damaged.
 */
public enum FaultKind {
    /** 500 with the §5 error envelope; not processed. */
    HTTP_500(false),
    /** 502 with the §5 error envelope (as from a gateway); not processed. */
    HTTP_502(false),
    /** 503 with the §5 error envelope; not processed. */
    HTTP_503(false),
    /** Waits {@link FaultPlan#slowDelay()}, then processes and answers normally. */
    SLOW(true),
    /**
     * Reaches the server {@link FaultPlan#slowDelay()} late (a busy client machine or network held it back after the
     * client's rate budget booked it): waits before the rate limit counts it, then processes and answers normally.
     * Plans with it draw their fault on arrival, before the rate limit.
     */
    LATE_ARRIVAL(true),
    /** Closes the connection without processing and without any response. */
    RESET_BEFORE(false),
    /** Processes the request fully, then closes the connection without any response. */
    RESET_AFTER(true),
    /** Processes, then sends the normal status and a Content-Length longer than the body bytes sent, and closes. */
    TRUNCATED_JSON(true),
    /** Processes, then sends the normal status with a body that is not JSON ({@code {"success":true,"data":}). */
    MALFORMED_JSON(true),
    /**
     * 429 "Too Many Attempts." with {@code Retry-After: 1} and a short {@code Retry-After-Millis}, for
     * {@link FaultPlan#burstLength()} consecutive eligible requests; none of them is processed.
     */
    BURST_429(false),
    /** 401 with the message "Token expired."; not processed. */
    EXPIRED_TOKEN(false);

    private final boolean processed;

    FaultKind(boolean processed) {
        this.processed = processed;
    }

    /** Whether the request still runs (state changes) under this fault. */
    public boolean processed() {
        return processed;
    }
}
