package io.github.camelwebwork.client;

/** Whether a call may be sent again after an attempt that may have reached the server. */
public enum CallSafety {
    /**
     * Sending it twice has the effect of sending it once: GET, PUT, DELETE and the POSTs an operation
     * declares repeatable (approve, reject, restore, assign, ...). Retried after 429, 5xx, timeouts and resets.
     */
    IDEMPOTENT,
    /**
     * A POST that creates something (or starts or stops the tracker). The client sends it again only when the earlier
     * attempt certainly did not reach the server (connection refused, 429); after one that may have, it reports the
     * outcome unknown, and the operation layer looks for what the attempt made before sending it again.
     */
    NOT_IDEMPOTENT
}
