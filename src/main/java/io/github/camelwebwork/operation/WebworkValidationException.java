package io.github.camelwebwork.operation;

import java.util.List;

import io.github.camelwebwork.client.WebworkException;

/**
 * A request broke the reference's rules and was not sent. The message lists every violation, one per line.
 */
public class WebworkValidationException extends WebworkException {

    private final transient List<String> violations;

    public WebworkValidationException(String operation, List<String> violations) {
        super("Invalid request for WebWork " + operation + " (nothing was sent):\n  - "
              + String.join("\n  - ", violations));
        this.violations = List.copyOf(violations);
    }

    /** Each violation in plain words, e.g. {@code title: must be 1 to 1024 characters long (got 0)}. */
    public List<String> getViolations() {
        return violations;
    }
}
