package io.github.camelwebwork.component;

import java.time.Clock;
import java.time.Duration;

import io.github.camelwebwork.client.WebworkAuthenticationException;
import io.github.camelwebwork.client.WebworkException;
import io.github.camelwebwork.client.WebworkForbiddenException;

/**
 * What the calls of one credential have shown about it: when it last worked, and whether the API last refused it
 * (401/403). The health check reads it and probes only when no call has shown anything for a while.
 */
final class WebworkHealth {

    /** A call that worked this recently makes a probe unnecessary. */
    static final Duration FRESH = Duration.ofMinutes(1);

    private final String credentialKey;
    private final Clock clock;
    /** The clock's millis of the last call that worked; MIN_VALUE: none yet. */
    private volatile long lastSuccess = Long.MIN_VALUE;
    private volatile String refusal;

    WebworkHealth(String credentialKey, Clock clock) {
        this.credentialKey = credentialKey;
        this.clock = clock;
    }

    /**
     * Called after every call that worked, from every thread: it writes only when the stored time is a second old or
     * there is a refusal to clear, so that concurrent calls do not all write the same fields (freshness is a minute).
     */
    void success() {
        long now = clock.millis();
        long last = lastSuccess;
        if (last == Long.MIN_VALUE || now - last >= 1_000 || now < last) {
            lastSuccess = now;
        }
        if (refusal != null) {
            refusal = null;
        }
    }

    void failure(Throwable e) {
        if (e instanceof WebworkAuthenticationException || e instanceof WebworkForbiddenException) {
            refusal = ((WebworkException) e).getMessage();
        }
    }

    /** The message of the API's last refusal of the credential, or null when it was not refused since it last worked. */
    String refusal() {
        return refusal;
    }

    boolean workedRecently() {
        long last = lastSuccess;
        return last != Long.MIN_VALUE && last > clock.millis() - FRESH.toMillis();
    }

    String credentialKey() {
        return credentialKey;
    }
}
