package io.github.camelwebwork.routes.kafka;

/**
 * A command record that cannot be executed as it is: not JSON, not an object, a resource and operation outside the
 * allow-list, a missing or malformed id, a missing body field. Nothing was sent to WebWork. The message says what is
 * wrong in plain words and never repeats the payload.
 */
public class InvalidCommandException extends RuntimeException {

    public InvalidCommandException(String reason) {
        super(reason);
    }
}
