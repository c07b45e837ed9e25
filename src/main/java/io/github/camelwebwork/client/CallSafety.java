package io.github.camelwebwork.client;

/** Whether a call may be sent again after an attempt that may have reached the server. */
public enum CallSafety {
    /**
     * Sending it twice has the effect of sending it once: GET, PUT, DELETE and the approve, reject, submit and
     * unsubmit verbs. Retried after 429, 5xx, timeouts and resets.
     */
    IDEMPOTENT,
    /**
     * A POST that creates something (or starts or stops the tracker). Retried only when the earlier attempt certainly
     * did not reach the server (connection refused, 429) or when a {@link Recovery} has looked and found that it did
     * not take effect.
     */
    NOT_IDEMPOTENT
}
