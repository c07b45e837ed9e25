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

    private int attempts = 1;

    /** How many times the request was sent (or tried) before this failure was final; 1 when it was not retried. */
    public int getAttempts() {
        return attempts;
    }

    /** Set by the client when a retried call fails for good. */
    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    private boolean outcomeUnknown;

    /**
     * Whether an attempt of this call may have taken effect on the server although the call failed (a create whose
     * answer was lost and whose look-up did not complete): such a call must be looked up, not simply sent again.
     */
    public boolean isOutcomeUnknown() {
        return outcomeUnknown;
    }

    /** Set by the client. */
    public void setOutcomeUnknown(boolean outcomeUnknown) {
        this.outcomeUnknown = outcomeUnknown;
    }

    /** The HTTP status of the last answer, or 0 when the last attempt got none (transport failure, no budget). */
    public int getLastStatusCode() {
        return 0;
    }

    @Override
    public String getMessage() {
        String message = super.getMessage();
        return attempts > 1 ? message + " (after " + attempts + " attempts)" : message;
    }
}
