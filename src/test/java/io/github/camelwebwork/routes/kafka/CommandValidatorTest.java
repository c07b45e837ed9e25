package io.github.camelwebwork.routes.kafka;

import java.util.List;
import java.util.Map;

import io.github.camelwebwork.model.Timesheet;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command format of routes/kafka-to-webwork.yaml. */
class CommandValidatorTest {

    private final CamelContext context = new DefaultCamelContext();
    private final CommandValidator validator = new CommandValidator();

    CommandValidatorTest() {
        validator.setDefaultWorkspaceId(1L);
    }

    private Exchange parse(String json) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(json);
        exchange.getMessage().setHeader("kafka.TOPIC", "webwork.commands");
        exchange.getMessage().setHeader("kafka.PARTITION", 2);
        exchange.getMessage().setHeader("kafka.OFFSET", 41L);
        validator.parse(exchange);
        return exchange;
    }

    @Test
    void aTaskCreateBecomesHeadersAndAMapBody() {
        Exchange e = parse("{\"id\": \"cmd-1\", \"resource\": \"tasks\", \"operation\": \"create\", \"projectId\": 100,"
                           + " \"body\": {\"title\": \"Write the report\", \"priority\": \"high\"}}");

        assertThat(e.getMessage().getHeaders()).containsEntry("CamelWebworkOperation", "create")
                .containsEntry("CamelWebworkWorkspaceId", 1L)
                .containsEntry("CamelWebworkProjectId", 100L)
                .containsEntry("CamelWebworkIdempotencyKey", "cmd-1")
                .containsEntry(CommandValidator.RESOURCE, "tasks")
                .containsEntry(CommandValidator.COMMAND, "tasks.create")
                .containsEntry(CommandValidator.COMMAND_ID, "cmd-1")
                .doesNotContainKey(CommandValidator.TARGET_STATUS);
        assertThat(e.getMessage().getBody()).isEqualTo(Map.of("title", "Write the report", "priority", "high"));
    }

    @Test
    void withoutAnIdTheKeyIsTheRecordsPosition() {
        Exchange e = parse("{\"resource\": \"time-entries\", \"operation\": \"create\", \"workspaceId\": \"7\","
                           + " \"userId\": 104, \"contractId\": 301, \"date\": \"2024-05-13\","
                           + " \"body\": {\"start_time\": \"09:00\", \"end_time\": \"10:30\", \"notes\": \"Review\"}}");

        assertThat(e.getMessage().getHeaders())
                .containsEntry("CamelWebworkIdempotencyKey", "webwork.commands-2-41")
                .containsEntry("CamelWebworkWorkspaceId", 7L)
                .containsEntry("CamelWebworkUserId", 104L)
                .containsEntry("CamelWebworkContractId", 301L)
                .containsEntry("CamelWebworkDate", "2024-05-13");
    }

    @Test
    void timesheetVerbsHaveNoBodyAndATargetStatus() {
        Exchange e = parse("{\"id\": 17, \"resource\": \"timesheets\", \"operation\": \"reject\","
                           + " \"timesheetId\": \"ts-9\", \"reason\": \"Missing notes\"}");

        assertThat(e.getMessage().getBody()).isNull();
        assertThat(e.getMessage().getHeaders()).containsEntry("CamelWebworkTimesheetId", "ts-9")
                .containsEntry("CamelWebworkReason", "Missing notes")
                .containsEntry("CamelWebworkIdempotencyKey", "17")
                .containsEntry(CommandValidator.TARGET_STATUS, "rejected");
    }

    @Test
    void headersFromElsewhereAreDropped() {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setHeader("CamelWebworkDryRun", true);
        exchange.getMessage().setBody("{\"resource\": \"timesheets\", \"operation\": \"approve\", \"timesheetId\": \"x\"}");
        validator.parse(exchange);

        assertThat(exchange.getMessage().getHeaders()).doesNotContainKey("CamelWebworkDryRun")
                .doesNotContainKey("CamelWebworkIdempotencyKey");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json at all | not JSON",
        "[1, 2] | not a JSON object",
        "{\"resource\": \"tasks\"} | needs 'resource' and 'operation'",
        "{\"resource\": \"tasks\", \"operation\": \"delete\", \"taskId\": 5} | 'tasks.delete' is not allowed",
        "{\"resource\": \"members\", \"operation\": \"create\"} | 'members.create' is not allowed",
        "{\"resource\": \"tasks\", \"operation\": \"create\", \"body\": {\"title\": \"x\"}} | 'projectId' is required",
        "{\"resource\": \"tasks\", \"operation\": \"create\", \"projectId\": 1, \"body\": {\"title\": \" \"}} | 'body.title' is required",
        "{\"resource\": \"tasks\", \"operation\": \"create\", \"projectId\": -1, \"body\": {\"title\": \"x\"}} | 'projectId' must be a positive integer",
        "{\"resource\": \"tasks\", \"operation\": \"create\", \"projectId\": 1, \"taskId\": 2, \"body\": {\"title\": \"x\"}} | 'taskId' is not a field of tasks.create",
        "{\"resource\": \"tasks\", \"operation\": \"update\", \"projectId\": 1, \"taskId\": 2, \"body\": {}} | at least one field",
        "{\"resource\": \"tasks\", \"operation\": \"update\", \"projectId\": 1, \"taskId\": 2} | needs a 'body' object",
        "{\"resource\": \"timesheets\", \"operation\": \"approve\", \"timesheetId\": \"t\", \"body\": {\"x\": 1}} | takes no 'body'",
        "{\"resource\": \"timesheets\", \"operation\": \"reject\", \"timesheetId\": \"t\"} | 'reason' is required",
        "{\"id\": \"\", \"resource\": \"timesheets\", \"operation\": \"approve\", \"timesheetId\": \"t\"} | 'id' must be 1 to 200",
        "{\"id\": {\"a\": 1}, \"resource\": \"timesheets\", \"operation\": \"approve\", \"timesheetId\": \"t\"} | 'id' must be a string",
        "{\"resource\": \"timesheets\", \"operation\": \"approve\", \"timesheetId\": 5} | 'timesheetId' must be a non-empty string",
    })
    void invalidCommandsAreRefusedWithAReason(String json, String reason) {
        assertThatThrownBy(() -> parse(json)).isInstanceOf(InvalidCommandException.class).hasMessageContaining(reason);
    }

    @Test
    void theAllowListCanBeNarrowedButNotWidened() {
        validator.setAllowed("tasks.create, timesheets.approve");
        assertThat(validator.getAllowed()).containsExactly("tasks.create", "timesheets.approve");
        assertThatThrownBy(() -> parse("{\"resource\": \"tasks\", \"operation\": \"update\", \"projectId\": 1,"
                                       + " \"taskId\": 2, \"body\": {\"title\": \"x\"}}"))
                .hasMessageContaining("not allowed; allowed: tasks.create, timesheets.approve");
        assertThatThrownBy(() -> validator.setAllowed("tasks.delete"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unsupported command 'tasks.delete'");
        assertThatThrownBy(() -> validator.setAllowed(" , ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutADefaultWorkspaceTheCommandMustNameOne() {
        validator.setDefaultWorkspaceId(null);
        assertThatThrownBy(() -> parse("{\"resource\": \"timesheets\", \"operation\": \"approve\", \"timesheetId\": \"t\"}"))
                .hasMessageContaining("'workspaceId' is missing");
    }

    @Test
    void aRefusedTransitionIsDoneWhenTheTimesheetIsAlreadyInTheTargetStatus() {
        Exchange e = parse("{\"resource\": \"timesheets\", \"operation\": \"approve\", \"timesheetId\": \"ts-1\"}");
        assertThat(validator.timesheetQuery(e)).isEqualTo(Map.of("id", "ts-1"));

        e.getMessage().setBody(List.of(timesheet("ts-1", "approved")));
        assertThat(validator.reachedTargetStatus(e)).isTrue();
        e.getMessage().setBody(List.of(timesheet("ts-1", "pending")));
        assertThat(validator.reachedTargetStatus(e)).isFalse();
        e.getMessage().setBody(List.of(timesheet("ts-2", "approved")));
        assertThat(validator.reachedTargetStatus(e)).isFalse();
        e.getMessage().setBody(List.of());
        assertThat(validator.reachedTargetStatus(e)).isFalse();
    }

    private static Timesheet timesheet(String id, String status) {
        Timesheet t = new Timesheet();
        t.setId(id);
        t.setStatus(status);
        return t;
    }
}
