package io.github.camelwebwork.client;

/** HTTP 401: the access token is missing, wrong, expired or revoked. */
public class WebworkAuthenticationException extends WebworkApiException {

    public WebworkAuthenticationException(int status, String method, String path, String message, String error) {
        super(status, method, path, message, error);
    }
}
