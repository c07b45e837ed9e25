package io.github.camelwebwork.routes.kafka;

import java.util.List;

import io.github.camelwebwork.client.WebworkNotFoundException;
import io.github.camelwebwork.client.WebworkRateLimitException;
import io.github.camelwebwork.client.WebworkTransportException;
import io.github.camelwebwork.client.WebworkApiException;
import io.github.camelwebwork.operation.WebworkValidationException;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dead-letter headers of routes/kafka-to-webwork.yaml and its idea of a transient failure. */
class CommandFailuresTest {

    private final CamelContext context = new DefaultCamelContext();
    private final CommandFailures failures = new CommandFailures();

    private Exchange failed(String payload, Exception e) throws Exception {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(payload);
        exchange.getMessage().setHeader("kafka.TOPIC", "webwork.commands");
        exchange.getMessage().setHeader("kafka.PARTITION", 0);
        exchange.getMessage().setHeader("kafka.OFFSET", 12L);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, e);
        failures.describe(exchange);
        return exchange;
    }

    @Test
    void anApiRefusalCarriesItsStatusAndAttempts() throws Exception {
        WebworkNotFoundException notFound = new WebworkNotFoundException(404, "PUT", "/api/v2/tasks/9", "Task not found",
                null);
        notFound.setAttempts(2);
        Exchange e = failed("{\"id\": \"cmd-9\", \"resource\": \"tasks\", \"operation\": \"update\"}", notFound);

        assertThat(e.getMessage().getHeaders())
                .containsEntry(CommandFailures.ERROR_TYPE, "api-error")
                .containsEntry(CommandFailures.HTTP_STATUS, "404")
                .containsEntry(CommandFailures.ATTEMPTS, "2")
                .containsEntry(CommandFailures.OUTCOME_UNKNOWN, "false")
                .containsEntry(CommandFailures.COMMAND_ID, "cmd-9")
                .containsEntry(CommandFailures.COMMAND, "tasks.update")
                .containsEntry(CommandFailures.SOURCE_TOPIC, "webwork.commands")
                .containsEntry(CommandFailures.SOURCE_PARTITION, "0")
                .containsEntry(CommandFailures.SOURCE_OFFSET, "12")
                .containsEntry(CommandFailures.EXCEPTION, WebworkNotFoundException.class.getName())
                .containsKey(CommandFailures.FAILED_AT);
        assertThat(e.getMessage().getHeader(CommandFailures.REASON, String.class))
                .isEqualTo("WebWork API PUT /api/v2/tasks/9 failed with HTTP 404: Task not found (after 2 attempts)");
        assertThat(e.getMessage().getBody()).as("the original payload stays the value")
                .isEqualTo("{\"id\": \"cmd-9\", \"resource\": \"tasks\", \"operation\": \"update\"}");
    }

    @Test
    void aCommandThatIsNotJsonIsNamedByItsPosition() throws Exception {
        Exchange e = failed("garbage", new InvalidCommandException("The record value is not JSON"));

        assertThat(e.getMessage().getHeaders())
                .containsEntry(CommandFailures.ERROR_TYPE, "invalid-command")
                .containsEntry(CommandFailures.COMMAND_ID, "webwork.commands-0-12")
                .containsEntry(CommandFailures.REASON, "The record value is not JSON")
                .doesNotContainKeys(CommandFailures.HTTP_STATUS, CommandFailures.COMMAND);
    }

    @Test
    void aRequestTheComponentRefusedWasNeverSent() throws Exception {
        Exchange e = failed("{}", new WebworkValidationException("tasks.create", List.of("title: too long")));

        assertThat(e.getMessage().getHeaders()).containsEntry(CommandFailures.ERROR_TYPE, "invalid-request")
                .doesNotContainKey(CommandFailures.HTTP_STATUS);
        assertThat(e.getMessage().getHeader(CommandFailures.REASON, String.class)).contains("title: too long");
    }

    @Test
    void aWrappedFailureIsDescribedByTheComponentsException() throws Exception {
        WebworkTransportException lost = new WebworkTransportException("no answer", null, true);
        lost.setOutcomeUnknown(true);
        Exchange e = failed("{}", new CamelExecutionException("wrapped", null, lost));

        assertThat(e.getMessage().getHeaders()).containsEntry(CommandFailures.ERROR_TYPE, "transport")
                .containsEntry(CommandFailures.HTTP_STATUS, "0")
                .containsEntry(CommandFailures.OUTCOME_UNKNOWN, "true");
    }

    @Test
    void theLogLineSaysWhetherACallWasMadeAndWhatItGot() throws Exception {
        WebworkApiException refused = new WebworkApiException(422, "POST", "/api/v2/tasks", "Invalid", null);
        WebworkTransportException lost = new WebworkTransportException("no answer", null, true);

        assertThat(failures.httpOutcome(failed("{}", new InvalidCommandException("not allowed")))).isEqualTo("no HTTP call");
        assertThat(failures.httpOutcome(failed("{}", new WebworkValidationException("tasks.create", List.of("title")))))
                .isEqualTo("no HTTP call");
        assertThat(failures.httpOutcome(failed("{}", lost))).isEqualTo("no HTTP answer");
        assertThat(failures.httpOutcome(failed("{}", refused))).isEqualTo("HTTP 422");
    }

    @Test
    void aLongReasonIsShortened() throws Exception {
        Exchange e = failed("{}", new InvalidCommandException("x".repeat(5000)));
        assertThat(e.getMessage().getHeader(CommandFailures.REASON, String.class)).hasSize(CommandFailures.MAX_REASON + 3);
    }

    @Test
    void aFailedCommitIsNotDeadLetteredButThrownAgain() {
        OffsetCommitException commit = new OffsetCommitException("commit failed", new IllegalStateException());
        assertThatThrownBy(() -> failed("{}", commit)).isSameAs(commit);
    }

    @Test
    void transientFailuresAreNoAnswer5xxAndRateLimits() {
        assertThat(isTransient(new WebworkTransportException("reset", null, true))).isTrue();
        assertThat(isTransient(new WebworkRateLimitException("limited", 429, null))).isTrue();
        assertThat(isTransient(new WebworkApiException(503, "POST", "/api/v2/tasks", "Unavailable", null))).isTrue();
        assertThat(isTransient(new WebworkApiException(422, "POST", "/api/v2/tasks", "Invalid", null))).isFalse();
        assertThat(isTransient(new WebworkNotFoundException(404, "PUT", "/api/v2/tasks/1", "No", null))).isFalse();
        assertThat(isTransient(new WebworkValidationException("tasks.create", List.of("title")))).isFalse();
        assertThat(isTransient(new InvalidCommandException("bad"))).isFalse();
        assertThat(isTransient(new OffsetCommitException("commit", new WebworkTransportException("x", null, false))))
                .isFalse();
        assertThat(isTransient(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void rethrowThrowsTheCaughtException() {
        Exchange exchange = new DefaultExchange(context);
        WebworkApiException refused = new WebworkApiException(422, "PUT", "/api/v2/timesheets/x/approve", "No", null);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, refused);
        assertThatThrownBy(() -> failures.rethrow(exchange)).isSameAs(refused);
    }

    private boolean isTransient(Exception e) {
        Exchange exchange = new DefaultExchange(context);
        exchange.setException(e);
        return failures.isTransient(exchange);
    }
}
