package io.github.camelwebwork.client;

/** HTTP 404: the workspace, project, task or member does not exist (or was deleted, or is not visible). */
public class WebworkNotFoundException extends WebworkApiException {

    public WebworkNotFoundException(int status, String method, String path, String message, String error) {
        super(status, method, path, message, error);
    }
}
