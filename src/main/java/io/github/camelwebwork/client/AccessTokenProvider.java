package io.github.camelwebwork.client;

/**
 * Supplies the bearer token for each request: a personal access token, or an OAuth2 access token that it refreshes.
 * Implementations never log, print or put in an exception message the tokens or secrets they hold.
 */
@FunctionalInterface
public interface AccessTokenProvider {

    /** The token to send now. */
    String accessToken();

    /**
     * The API answered 401 to a request sent with {@code rejectedToken}: get a new one if this provider can (an
     * OAuth2 refresh), once per rejected token however many threads ask.
     *
     * @return true when a different token is now available and the request may be sent once more
     */
    default boolean refreshAfterRejection(String rejectedToken) {
        return false;
    }
}
