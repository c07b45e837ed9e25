package io.github.camelwebwork.client.oauth;

import java.time.Duration;
import java.time.Instant;

/**
 * An access token, the refresh token that goes with it (null for the client-credentials grant) and when the access
 * token expires. {@link #toString()} shows neither token.
 */
public record OAuth2Tokens(String accessToken, String refreshToken, Instant obtainedAt, Instant expiresAt) {

    /**
     * When to refresh ahead of expiry: a tenth of the lifetime before it (a day and a half for WebWork's 15-day
     * tokens), at most one day before.
     */
    public Instant refreshAt() {
        Duration lifetime = Duration.between(obtainedAt, expiresAt);
        Duration margin = lifetime.dividedBy(10);
        if (margin.compareTo(Duration.ofDays(1)) > 0) {
            margin = Duration.ofDays(1);
        }
        return expiresAt.minus(margin);
    }

    @Override
    public String toString() {
        return "OAuth2Tokens[accessToken=xxxxxx, refreshToken=" + (refreshToken == null ? "none" : "xxxxxx")
               + ", obtainedAt=" + obtainedAt + ", expiresAt=" + expiresAt + "]";
    }
}
