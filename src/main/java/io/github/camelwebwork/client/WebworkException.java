package io.github.camelwebwork.client;

import org.apache.camel.RuntimeCamelException;

/**
 * Base of every exception the WebWork component raises. Unchecked, so that a failure while a lazy list fetches a later
 * page reaches Camel's error handler from inside a splitter. Messages never carry a credential.
 */
public class WebworkException extends RuntimeCamelException {

    public WebworkException(String message) {
        super(message);
    }

    public WebworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
