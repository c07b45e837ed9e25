package io.github.camelwebwork.resilience;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.github.camelwebwork.client.WebworkAuthenticationException;
import io.github.camelwebwork.client.WebworkException;
import io.github.camelwebwork.model.Task;
import io.github.camelwebwork.model.TimeEntryCreation;
import io.github.camelwebwork.model.Timesheet;
import io.github.camelwebwork.sandbox.FaultKind;
import io.github.camelwebwork.sandbox.FaultPlan;
import io.github.camelwebwork.sandbox.RecordedRequest;
import io.github.camelwebwork.support.SandboxTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency keys of creates: a redelivered or repeated create is looked up, not made twice. */
class IdempotentCreateTest extends SandboxTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // one attempt per delivery: what saves the day here is Camel's redelivery plus the idempotency key
                errorHandler(deadLetterChannel("mock:dead").maximumRedeliveries(1).redeliveryDelay(0));
                from("direct:create")
                        .to("webwork:tasks?operation=create&workspaceId=1&projectId=100&maxAttempts=1")
                        .to("mock:created");
            }
        };
    }

    /** The create reached the server but the answer was lost; the redelivery finds the task instead of making another. */
    @Test
    void aRedeliveryAfterAnAnswerLostInTransitFindsTheTask() throws Exception {
        sandbox.faults(FaultPlan.builder().seed(3).share(1.0).kinds(FaultKind.RESET_AFTER)
                .onlyPaths("POST /api/v2/tasks").build());
        MockEndpoint created = getMockEndpoint("mock:created");
        created.expectedMessageCount(1);
        created.expectedHeaderReceived("CamelWebworkRecovered", true);

        template.sendBody("direct:create", Map.of("title", "Exactly once"));

        created.assertIsSatisfied();
        assertThat(created.getReceivedExchanges().get(0).getMessage().getBody(Task.class).getTitle())
                .isEqualTo("Exactly once");
        assertThat(sandbox.state().tasks(1, 100)).filteredOn(t -> "Exactly once".equals(t.title())).hasSize(1);
        assertThat(requests()).extracting(r -> r.method() + " " + r.path() + " " + r.status())
                .containsExactly("POST /api/v2/tasks 0", "GET /api/v2/tasks 200");
        assertThat(requests().get(1).rawQuery()).isEqualTo("workspace_id=1&project_id=100&page=1&per_page=100");
    }

    /** A key given by the route (e.g. a command id) makes a repeated command return the first one's task. */
    @Test
    void theSameKeyOnAnotherExchangeReturnsTheFirstTask() {
        Task first = template.requestBodyAndHeader("webwork:tasks?operation=create&workspaceId=1&projectId=100",
                Map.of("title", "Command 42"), "CamelWebworkIdempotencyKey", "command-42", Task.class);
        sandbox.clearRequests();

        Exchange again = template.request("webwork:tasks?operation=create&workspaceId=1&projectId=100", e -> {
            e.getMessage().setBody(Map.of("title", "Command 42"));
            e.getMessage().setHeader("CamelWebworkIdempotencyKey", "command-42");
        });

        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getBody(Task.class).getId()).isEqualTo(first.getId());
        assertThat(again.getMessage().getHeader("CamelWebworkRecovered", Boolean.class)).isTrue();
        assertThat(requests()).extracting(RecordedRequest::method).containsOnly("GET");
        assertThat(sandbox.state().tasks(1, 100)).filteredOn(t -> "Command 42".equals(t.title())).hasSize(1);
    }

    /**
     * The create reached the server, its answer was lost, and the look-up itself then failed for good (401): the
     * outcome is unknown, so the key is kept and the next try looks the task up instead of making a second one.
     */
    @Test
    void aLookUpThatFailsKeepsTheKeySoTheNextTryDoesNotDuplicate() {
        // seed 829348951 draws RESET_AFTER for the POST, then EXPIRED_TOKEN for the look-up's GET
        sandbox.faults(FaultPlan.builder().seed(829_348_951L).share(1.0).weight(FaultKind.RESET_AFTER, 1)
                .weight(FaultKind.EXPIRED_TOKEN, 1).onlyPaths("(POST|GET) /api/v2/tasks").build());
        String uri = "webwork:tasks?operation=create&workspaceId=1&projectId=100&maxAttempts=2&retryInitialBackoff=1";

        Exchange first = template.request(uri, e -> {
            e.getMessage().setBody(Map.of("title", "Only one, please"));
            e.getMessage().setHeader("CamelWebworkIdempotencyKey", "cmd-7");
        });
        assertThat(first.getException()).isInstanceOf(WebworkAuthenticationException.class);
        assertThat(((WebworkException) first.getException()).isOutcomeUnknown()).isTrue();
        assertThat(requests()).extracting(r -> r.method() + " " + r.fault())
                .containsExactly("POST RESET_AFTER", "GET EXPIRED_TOKEN");
        sandbox.clearFaults();
        sandbox.clearRequests();

        Exchange again = template.request(uri, e -> {
            e.getMessage().setBody(Map.of("title", "Only one, please"));
            e.getMessage().setHeader("CamelWebworkIdempotencyKey", "cmd-7");
        });

        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getHeader("CamelWebworkRecovered", Boolean.class)).isTrue();
        assertThat(requests()).extracting(RecordedRequest::method).containsOnly("GET");
        assertThat(sandbox.state().tasks(1, 100)).filteredOn(t -> "Only one, please".equals(t.title())).hasSize(1);
    }

    /**
     * A time entry of a member in New York whose answer was lost: the look-up compares the asked clock times in the
     * member's zone (the list answers UTC date-times) and finds it.
     */
    @Test
    void aLostTimeEntryOfAMemberOutsideUtcIsFound() {
        sandbox.faults(FaultPlan.builder().seed(3).share(1.0).kinds(FaultKind.RESET_AFTER)
                .onlyPaths("POST /api/v2/time-entries").build());

        Exchange made = template.request("webwork:time-entries?operation=create&workspaceId=1&retryInitialBackoff=1",
                e -> e.getMessage().setBody(Map.of("user_id", 103, "contract_id", 303, "date", "2026-01-03",
                        "start_time", "21:00", "end_time", "22:30")));

        assertThat(made.getException()).isNull();
        assertThat(made.getMessage().getHeader("CamelWebworkRecovered", Boolean.class)).isTrue();
        assertThat(requests()).extracting(r -> r.method() + " " + r.path())
                .containsExactly("POST /api/v2/time-entries", "GET /api/v2/members/103", "GET /api/v2/time-entries");
        assertThat(sandbox.state().timeEntries(1, 103, LocalDate.parse("2026-01-03"))).hasSize(1);
    }

    /**
     * An approval whose answer was lost is sent again; the API refuses the repeat (422, no longer submitted), and the
     * component reads the timesheet: approved, so the call succeeded.
     */
    @Test
    void aRepeatedApprovalThatTheApiRefusesCountsAsDoneWhenTheTimesheetIsApproved() {
        @SuppressWarnings("unchecked")
        List<Timesheet> submitted = template.requestBody(
                "webwork:timesheets?operation=list&workspaceId=1&status=submitted", null, List.class);
        String id = submitted.get(0).getId();
        sandbox.clearRequests();
        // seed 829348951 at share 0.5: the first PUT is truncated (processed), the repeat is not faulted
        sandbox.faults(FaultPlan.builder().seed(829_348_951L).share(0.5).kinds(FaultKind.TRUNCATED_JSON)
                .onlyPaths("PUT /api/v2/timesheets/.*").build());

        Exchange approved = template.request("webwork:timesheets?operation=approve&workspaceId=1&retryInitialBackoff=1"
                                             + "&maxAttempts=2&timesheetId=" + id, e -> {
                                             });

        assertThat(requests()).extracting(r -> r.method() + " " + r.status() + " " + r.fault())
                .containsExactly("PUT 200 TRUNCATED_JSON", "PUT 422 null", "GET 200 null");
        assertThat(approved.getException()).isNull();
        assertThat(approved.getMessage().getHeader("CamelWebworkMessage", String.class)).startsWith("Already approved");
        assertThat(sandbox.state().timesheet(id)).hasValueSatisfying(t -> assertThat(t.status()).isEqualTo("approved"));
    }

    /**
     * A repository given by the application is started by the component (it need not start it itself) and then
     * stopped with the component; one the application started itself is left running.
     */
    @Test
    void anIdempotentRepositoryOfTheApplicationIsStarted(@TempDir Path dir) {
        var repository = FileIdempotentRepository
                .fileIdempotentRepository(dir.resolve("keys.dat").toFile());
        context.getRegistry().bind("keys", repository);

        Task task = template.requestBodyAndHeader("webwork:tasks?operation=create&workspaceId=1&projectId=100"
                                                  + "&idempotentRepository=#keys", Map.of("title", "Keyed"),
                "CamelWebworkIdempotencyKey", "cmd-file-1", Task.class);

        assertThat(task.getTitle()).isEqualTo("Keyed");
        assertThat(repository.contains("tasks.create:cmd-file-1")).isTrue();

        // started by the component, so stopped by it (a Kafka-topic repository would otherwise keep its poller)
        var started = MemoryIdempotentRepository
                .memoryIdempotentRepository(10);
        ServiceHelper.startService(started);      // the application's own
        context.getRegistry().bind("startedKeys", started);
        template.requestBodyAndHeader("webwork:tasks?operation=create&workspaceId=1&projectId=100"
                                      + "&idempotentRepository=#startedKeys", Map.of("title", "Keyed too"),
                "CamelWebworkIdempotencyKey", "cmd-file-2", Task.class);
        context.stop();
        assertThat(ServiceHelper.isStopped(repository)).as("started by the component: stopped with it").isTrue();
        assertThat(ServiceHelper.isStarted(started)).as("started by the application: left to it").isTrue();
    }

    /** A create refused for good (422) forgets its key, so that a corrected retry with the same key is sent. */
    @Test
    void aRefusedCreateDoesNotBlockItsKey() {
        Exchange refused = template.request("webwork:time-entries?operation=create&workspaceId=1", e -> {
            e.getMessage().setBody(Map.of("user_id", 103, "contract_id", 999_999, "date", "2026-01-05",
                    "start_time", "09:00", "end_time", "10:00"));
            e.getMessage().setHeader("CamelWebworkIdempotencyKey", "entry-1");
        });
        assertThat(refused.getException()).isNotNull();

        Exchange accepted = template.request("webwork:time-entries?operation=create&workspaceId=1", e -> {
            e.getMessage().setBody(Map.of("user_id", 103, "contract_id", 303, "date", "2026-01-03",
                    "start_time", "09:00", "end_time", "10:00"));
            e.getMessage().setHeader("CamelWebworkIdempotencyKey", "entry-1");
        });

        assertThat(accepted.getException()).isNull();
        assertThat(accepted.getMessage().getBody()).isInstanceOf(TimeEntryCreation.class);
        assertThat(accepted.getMessage().getHeader("CamelWebworkRecovered", Boolean.class)).isFalse();
        assertThat(requests()).extracting(r -> r.method() + " " + r.path())
                .containsExactly("POST /api/v2/time-entries", "POST /api/v2/time-entries");
    }

}
