package io.github.camelwebwork.client;

/** Supplies the bearer token for each request (a personal access token, or an OAuth2 access token). */
@FunctionalInterface
public interface AccessTokenProvider {

    /** The token to send now; never logged. */
    String accessToken();
}
