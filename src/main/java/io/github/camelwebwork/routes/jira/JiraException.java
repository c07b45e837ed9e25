package io.github.camelwebwork.routes.jira;

/** A Jira Cloud REST call that failed, or a Jira field or transition that does not exist. Never carries credentials. */
public class JiraException extends RuntimeException {

    private final int status;

    /** An error found on this side (status 0), e.g. thrown by a route's {@code throwException}. */
    public JiraException(String message) {
        this(0, message);
    }

    public JiraException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status Jira answered, or 0 when the error was found on this side (e.g. a missing transition). */
    public int getStatus() {
        return status;
    }
}
