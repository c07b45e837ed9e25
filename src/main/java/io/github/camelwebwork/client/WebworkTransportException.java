package io.github.camelwebwork.client;

/** The request did not get an HTTP answer that could be read: connection refused or reset, timeout, bad JSON. */
public class WebworkTransportException extends WebworkException {

    public WebworkTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
