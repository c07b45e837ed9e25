package io.github.camelwebwork.routes.kafka;

/**
 * Committing a Kafka offset failed after the record was handled (its WebWork call succeeded, or it was written to
 * the dead-letter topic). The record must not go to the dead-letter topic for this: the route lets the exchange fail
 * so that the consumer reads the record again, and the idempotency key keeps the second run from repeating the call.
 */
public class OffsetCommitException extends RuntimeException {

    public OffsetCommitException(String message, Throwable cause) {
        super(message, cause);
    }
}
