package io.github.camelwebwork.livecheck;

/** The check could not go on (the API unreachable, bad arguments); its message never carries the token. */
public class LiveCheckException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LiveCheckException(String message) {
        super(message);
    }

    public LiveCheckException(String message, Throwable cause) {
        super(message, cause);
    }
}
