package io.github.camelwebwork.component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

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
    private volatile Instant lastSuccess;
    private volatile String refusal;

    WebworkHealth(String credentialKey, Clock clock) {
        this.credentialKey = credentialKey;
        this.clock = clock;
    }

    void success() {
        lastSuccess = clock.instant();
        refusal = null;
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
        Instant last = lastSuccess;
        return last != null && last.isAfter(clock.instant().minus(FRESH));
    }

    String credentialKey() {
        return credentialKey;
    }
}
