package io.github.camelwebwork.client;

/** The request did not get an HTTP answer that could be read: connection refused or reset, timeout, bad JSON. */
public class WebworkTransportException extends WebworkException {

    private final boolean maybeProcessed;

    public WebworkTransportException(String message, Throwable cause) {
        this(message, cause, true);
    }

    /**
     * @param maybeProcessed false only when the request certainly never reached the server (connection refused, no
     *                       connection from the pool, unknown host), so that even a create can be sent again
     */
    public WebworkTransportException(String message, Throwable cause, boolean maybeProcessed) {
        super(message, cause);
        this.maybeProcessed = maybeProcessed;
    }

    /** Whether the server may have received and processed the request before the failure. */
    public boolean isMaybeProcessed() {
        return maybeProcessed;
    }
}
