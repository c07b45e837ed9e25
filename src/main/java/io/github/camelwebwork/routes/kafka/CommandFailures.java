package io.github.camelwebwork.routes.kafka;


import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.client.WebworkApiException;
import io.github.camelwebwork.client.WebworkException;
import io.github.camelwebwork.client.WebworkRateLimitException;
import io.github.camelwebwork.client.WebworkTransportException;
import io.github.camelwebwork.operation.WebworkValidationException;
import io.github.camelwebwork.routes.RouteClock;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Describes why a command failed, as the headers of its dead-letter record (routes/kafka-to-webwork.yaml). The
 * record's value and key stay the original ones; the headers say:
 *
 * <table>
 * <caption>Dead-letter headers (all strings)</caption>
 * <tr><td>{@value #REASON}</td><td>what went wrong, in words (an exception message; at most 2000 characters; never
 * a credential: the component keeps tokens out of its messages)</td></tr>
 * <tr><td>{@value #ERROR_TYPE}</td><td>{@code invalid-command} (this route refused it), {@code invalid-request}
 * (the component refused it before sending), {@code api-error} (WebWork answered with an error),
 * {@code transport} (no usable answer), {@code rate-limited}, or {@code failure} (anything else)</td></tr>
 * <tr><td>{@value #EXCEPTION}</td><td>the exception's class name</td></tr>
 * <tr><td>{@value #HTTP_STATUS}</td><td>the HTTP status of the last answer ({@code WebworkApiException.getStatusCode()},
 * else {@code WebworkException.getLastStatusCode()}); {@code 0} when there was no answer; absent when nothing was
 * sent</td></tr>
 * <tr><td>{@value #ATTEMPTS}</td><td>how many times the request was sent (a WebWork failure only)</td></tr>
 * <tr><td>{@value #OUTCOME_UNKNOWN}</td><td>{@code true} when a create may have taken effect although it failed:
 * send the command again with the same id and it is looked up, not created twice</td></tr>
 * <tr><td>{@value #COMMAND_ID}, {@value #COMMAND}</td><td>the command's id (else its topic-partition-offset) and
 * {@code resource.operation}, when they could be read</td></tr>
 * <tr><td>{@value #SOURCE_TOPIC}, {@value #SOURCE_PARTITION}, {@value #SOURCE_OFFSET}</td><td>where the command
 * was read</td></tr>
 * <tr><td>{@value #FAILED_AT}</td><td>when it failed (ISO-8601, UTC)</td></tr>
 * </table>
 */
public class CommandFailures {

    public static final String REASON = "dlq-reason";
    public static final String ERROR_TYPE = "dlq-error-type";
    public static final String EXCEPTION = "dlq-exception";
    public static final String HTTP_STATUS = "dlq-http-status";
    public static final String ATTEMPTS = "dlq-attempts";
    public static final String OUTCOME_UNKNOWN = "dlq-outcome-unknown";
    public static final String COMMAND_ID = "dlq-command-id";
    public static final String COMMAND = "dlq-command";
    public static final String SOURCE_TOPIC = "dlq-source-topic";
    public static final String SOURCE_PARTITION = "dlq-source-partition";
    public static final String SOURCE_OFFSET = "dlq-source-offset";
    public static final String FAILED_AT = "dlq-failed-at";

    static final int MAX_REASON = 2000;

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * Sets the dead-letter headers from the exception Camel caught ({@code CamelExceptionCaught}) and the original
     * record. An {@link OffsetCommitException} is thrown again instead: that command had been handled, only its
     * commit failed, so it must be read again rather than dead-lettered.
     */
    public void describe(Exchange exchange) throws Exception {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (caught == null) {
            caught = exchange.getException();
        }
        OffsetCommitException commit = find(caught, OffsetCommitException.class);
        if (commit != null) {
            throw commit;
        }
        Message message = exchange.getMessage();
        Throwable cause = primary(caught);
        message.setHeader(REASON, reason(cause));
        message.setHeader(ERROR_TYPE, errorType(cause));
        message.setHeader(EXCEPTION, cause == null ? "unknown" : cause.getClass().getName());
        if (cause instanceof WebworkException w && !(cause instanceof WebworkValidationException)) {
            int status = w instanceof WebworkApiException api ? api.getStatusCode() : w.getLastStatusCode();
            message.setHeader(HTTP_STATUS, String.valueOf(status));
            message.setHeader(ATTEMPTS, String.valueOf(w.getAttempts()));
            message.setHeader(OUTCOME_UNKNOWN, String.valueOf(w.isOutcomeUnknown()));
        } else {
            message.removeHeader(HTTP_STATUS);
            message.removeHeader(ATTEMPTS);
            message.removeHeader(OUTCOME_UNKNOWN);
        }
        Object topic = message.getHeader(KafkaConstants.TOPIC);
        Object partition = message.getHeader(KafkaConstants.PARTITION);
        Object offset = message.getHeader(KafkaConstants.OFFSET);
        setIfPresent(message, SOURCE_TOPIC, topic);
        setIfPresent(message, SOURCE_PARTITION, partition);
        setIfPresent(message, SOURCE_OFFSET, offset);
        JsonNode command = lenientRead(message.getBody());
        String id = command == null ? null : idOf(command);
        if (id == null && topic != null && partition != null && offset != null) {
            id = topic + "-" + partition + "-" + offset;
        }
        setIfPresent(message, COMMAND_ID, id);
        if (command != null && command.path("resource").isTextual() && command.path("operation").isTextual()) {
            message.setHeader(COMMAND, shorten(command.get("resource").asText() + "." + command.get("operation").asText(),
                    120));
        } else {
            message.removeHeader(COMMAND);
        }
        message.setHeader(FAILED_AT, RouteClock.of(exchange.getContext()).instant().toString());
    }

    /**
     * The HTTP side of a failure, for the dead-letter log line: {@code HTTP 422}, {@code no HTTP answer} (status 0:
     * sent, but nothing usable came back) or {@code no HTTP call} (the command or request was refused before anything
     * was sent, so there is no status). Reads the headers {@link #describe} set.
     */
    public String httpOutcome(Exchange exchange) {
        String status = exchange.getMessage().getHeader(HTTP_STATUS, String.class);
        if (status == null || status.isBlank()) {
            return "no HTTP call";
        }
        return "0".equals(status) ? "no HTTP answer" : "HTTP " + status;
    }

    /**
     * Whether the exchange failed for a reason that may pass by itself, so that redelivering the command makes sense:
     * no usable answer ({@link WebworkTransportException}), no rate budget or a 429 ({@link WebworkRateLimitException}),
     * or a 5xx answer. Refusals (4xx, invalid commands and requests) and failed offset commits are not transient.
     */
    public boolean isTransient(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null || find(failure, OffsetCommitException.class) != null
            || find(failure, InvalidCommandException.class) != null) {
            return false;
        }
        WebworkException w = find(failure, WebworkException.class);
        if (w == null || w instanceof WebworkValidationException) {
            return false;
        }
        if (w instanceof WebworkTransportException || w instanceof WebworkRateLimitException) {
            return true;
        }
        return w instanceof WebworkApiException api && (api.getStatusCode() >= 500 || api.getStatusCode() == 429);
    }

    /**
     * Throws the exception a {@code doCatch} caught ({@code CamelExceptionCaught}) again, unchanged, so that the
     * route's error handler sees the original failure with its HTTP status.
     */
    public void rethrow(Exchange exchange) throws Exception {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (caught == null) {
            throw new IllegalStateException("No caught exception to throw again");
        }
        throw caught;
    }

    static String errorType(Throwable cause) {
        if (cause instanceof InvalidCommandException) {
            return "invalid-command";
        }
        if (cause instanceof WebworkValidationException) {
            return "invalid-request";
        }
        if (cause instanceof WebworkRateLimitException) {
            return "rate-limited";
        }
        if (cause instanceof WebworkApiException) {
            return "api-error";
        }
        if (cause instanceof WebworkTransportException) {
            return "transport";
        }
        return "failure";
    }

    private static String reason(Throwable cause) {
        if (cause == null) {
            return "unknown failure";
        }
        String message = cause.getMessage();
        return shorten(message == null || message.isBlank() ? cause.getClass().getSimpleName() : message, MAX_REASON);
    }

    /** The failure that explains the command: the route's or the component's exception when one is in the chain. */
    private static Throwable primary(Throwable caught) {
        Throwable known = find(caught, InvalidCommandException.class);
        if (known == null) {
            known = find(caught, WebworkException.class);
        }
        return known != null ? known : caught;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private JsonNode lenientRead(Object payload) {
        if (payload == null) {
            return null;
        }
        try {
            JsonNode node = payload instanceof byte[] bytes ? mapper.readTree(bytes) : mapper.readTree(payload.toString());
            return node != null && node.isObject() ? node : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String idOf(JsonNode command) {
        JsonNode id = command.get("id");
        if (id == null || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isBlank()) {
            return null;
        }
        return shorten(id.asText().strip(), 200);
    }

    private static void setIfPresent(Message message, String name, Object value) {
        if (value != null) {
            message.setHeader(name, value.toString());
        } else {
            message.removeHeader(name);
        }
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }
}
