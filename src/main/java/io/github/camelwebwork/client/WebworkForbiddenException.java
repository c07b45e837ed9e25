package io.github.camelwebwork.client;

/** HTTP 403: the token works but its user's role may not do this (most calls need an Owner or Executive manager). */
public class WebworkForbiddenException extends WebworkApiException {

    public WebworkForbiddenException(int status, String method, String path, String message, String error) {
        super(status, method, path, message, error);
    }
}
