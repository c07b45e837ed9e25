package io.github.camelwebwork.sandbox;

import static io.github.camelwebwork.sandbox.SandboxConventionsTest.assertError;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.assertSuccess;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.sandbox.SandboxClient.Reply;
import io.github.camelwebwork.support.SandboxExtension;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** §7.7 the live tracker over raw HTTP; the clock is moved instead of sleeping. */
class TimeTrackingApiTest {

    private static final String JSON = SandboxClient.JSON;
    private final TimeSandbox.MovableClock clock = new TimeSandbox.MovableClock();
    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(() -> TimeSandbox.start(clock));
    private final SandboxClient client = new SandboxClient(sandbox);

    @Test
    void startsTrackingOnAContractAndTask() {
        Reply reply = client.send("POST", "/time-tracking/start", "{\"workspace_id\":1,\"user_id\":103,"
                + "\"contract_id\":303,\"task_id\":503,\"activity_description\":\"Fix header\"}");

        assertSuccess(reply, 200, "Time tracking started successfully");
        JsonNode data = reply.data();
        assertThat(fieldNames(data)).containsExactlyInAnyOrder("start_time", "contract_id", "project_id", "task_id",
                "activity_description", "user_id", "user_name", "user_email", "project_name", "message");
        assertThat(data.path("start_time").asText()).startsWith("2024-05-15T15:00:00.");
        assertThat(data.path("contract_id").asLong()).isEqualTo(303);
        assertThat(data.path("project_id").asLong()).isEqualTo(100);
        assertThat(data.path("task_id").asLong()).isEqualTo(503);
        assertThat(data.path("user_name").asText()).isEqualTo("Rita Regular");
        assertThat(data.path("user_email").asText()).isEqualTo("rita@acme.example");
        assertThat(data.path("project_name").asText()).isEqualTo("Website Relaunch");
        assertThat(data.path("message").asText()).isEqualTo(
                "*Rita Regular* started tracking time on *Website Relaunch* - task \"Migrate blog posts\": Fix header");
        SandboxTimeEntry running = sandbox.get().state().runningTimeEntry(103).orElseThrow();
        assertThat(running.method()).isEqualTo("Web tracker");
        assertThat(running.date()).isEqualTo(LocalDate.of(2024, 5, 15)); // 11:00 in New York
        assertThat(running.end()).isNull();
    }

    @Test
    void tracksWithoutAProject() {
        Reply reply = client.send("POST", "/time-tracking/start", "{\"workspace_id\":1,\"user_id\":104,"
                + "\"contract_id\":null}");

        assertSuccess(reply, 200, "Time tracking started successfully");
        assertThat(reply.data().get("project_id").isNull()).isTrue();
        assertThat(reply.data().get("project_name").isNull()).isTrue();
        assertThat(reply.data().path("message").asText())
                .isEqualTo("*Tom Teamlead* started tracking time without a project");
    }

    @Test
    void stopsTrackingAndKeepsTheEntry() {
        client.send("POST", "/time-tracking/start", "{\"workspace_id\":1,\"user_id\":104,\"contract_id\":309}");
        clock.advance(Duration.ofMinutes(95));

        Reply reply = client.send("POST", "/time-tracking/stop", "{\"workspace_id\":1,\"user_id\":104}");

        assertSuccess(reply, 200, "Time tracking stopped successfully");
        assertThat(reply.data().isNull()).isTrue();
        assertThat(sandbox.get().state().runningTimeEntry(104)).isEmpty();
        SandboxTimeEntry stopped = sandbox.get().state().timeEntries(1, 104, LocalDate.of(2024, 5, 15)).stream()
                .filter(e -> e.method().equals("Web tracker")).findFirst().orElseThrow();
        assertThat(stopped.durationMinutes(clock.instant())).isEqualTo(95);
        Reply again = client.send("POST", "/time-tracking/stop", "{\"workspace_id\":1,\"user_id\":104}");
        assertError(again, 422, "The given data was invalid.");
        assertThat(again.errors().path("user_id").get(0).asText()).isEqualTo("The user is not tracking time.");
    }

    @Test
    void refusesASecondStart() {
        client.send("POST", "/time-tracking/start", "{\"workspace_id\":1,\"user_id\":103}");

        Reply reply = client.send("POST", "/time-tracking/start", "{\"workspace_id\":1,\"user_id\":103,"
                + "\"contract_id\":303}");

        assertError(reply, 422, "The given data was invalid.");
        assertThat(reply.errors().path("user_id").get(0).asText()).isEqualTo("The user is already tracking time.");
    }

    @Test
    void validatesContractsAndTasks() {
        Reply reply = client.send("POST", "/time-tracking/start", "{\"workspace_id\":1,\"user_id\":103,"
                + "\"task_id\":503,\"activity_description\":42}");
        assertError(reply, 422, "The given data was invalid.");
        assertThat(reply.errors().path("contract_id").get(0).asText())
                .isEqualTo("The contract id field is required when task id is present.");
        assertThat(reply.errors().path("activity_description").get(0).asText())
                .isEqualTo("The activity description must be a string.");

        String start = "{\"workspace_id\":1,\"user_id\":103,\"contract_id\":%s,\"task_id\":%s}";
        assertThat(firstError(client.send("POST", "/time-tracking/start", start.formatted(303, 512)), "task_id"))
                .isEqualTo("The selected task id is invalid."); // task of project 101
        assertThat(firstError(client.send("POST", "/time-tracking/start", start.formatted(303, 511)), "task_id"))
                .isEqualTo("The selected task id is invalid."); // deleted task
        assertThat(firstError(client.send("POST", "/time-tracking/start", start.formatted(306, "null")),
                "contract_id")).isEqualTo("The selected contract is paused.");
        assertThat(firstError(client.send("POST", "/time-tracking/start", start.formatted(305, "null")),
                "contract_id")).isEqualTo("The selected contract id is invalid."); // Tom's contract
        assertThat(firstError(client.send("POST", "/time-tracking/start",
                "{\"workspace_id\":1,\"user_id\":105}"), "user_id")).isEqualTo("The selected user id is invalid.");
        Reply missing = client.send("POST", "/time-tracking/start", "{\"workspace_id\":1}");
        assertThat(firstError(missing, "user_id")).isEqualTo("The user id field is required.");
        assertThat(sandbox.get().state().runningTimeEntry(103)).isEmpty();
    }

    @Test
    void refusesStartOnceTheWeeklyLimitIsReached() {
        long contract = client.send("POST", "/contracts", "{\"workspace_id\":1,\"project_id\":102,\"user_id\":103,"
                + "\"weekly_hours_limit\":1}").data().path("id").asLong();
        client.send("POST", "/time-entries", "{\"workspace_id\":1,\"user_id\":103,\"contract_id\":" + contract
                + ",\"date\":\"2024-05-12\",\"start_time\":\"08:00\",\"end_time\":\"09:00\"}"); // last week: no effect
        assertThat(client.send("POST", "/time-tracking/start", "{\"workspace_id\":1,\"user_id\":103,"
                + "\"contract_id\":" + contract + "}").status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(60));
        client.send("POST", "/time-tracking/stop", "{\"workspace_id\":1,\"user_id\":103}");

        Reply reply = client.send("POST", "/time-tracking/start", "{\"workspace_id\":1,\"user_id\":103,"
                + "\"contract_id\":" + contract + "}");

        assertThat(firstError(reply, "contract_id"))
                .isEqualTo("The weekly hours limit of this contract has been reached.");
    }

    @Test
    void membersTrackOnlyForThemselves() {
        String rita = "{\"workspace_id\":1,\"user_id\":103,\"contract_id\":303}";
        assertThat(client.send("POST", "/time-tracking/start", rita, TimeSandbox.REGULAR, JSON).status())
                .isEqualTo(200);
        assertError(client.send("POST", "/time-tracking/start", "{\"workspace_id\":1,\"user_id\":104}",
                TimeSandbox.REGULAR, JSON), 403, "This action is unauthorized.");
        assertError(client.get("/time-tracking/current-data?workspace_id=1&user_id=104", TimeSandbox.REGULAR), 403,
                null);
        assertThat(client.send("POST", "/time-tracking/stop", "{\"workspace_id\":1,\"user_id\":103}",
                TimeSandbox.EXEC, JSON).status()).isEqualTo(200); // managers act for anyone
    }

    @Test
    void reportsTheCurrentTrackerAndTodaysTotal() {
        // Tom (UTC) tracked 09:xx..15:00 today in the seed; Rita's day in New York began at 09:xx
        long seeded = totalMinutes(client.get("/time-tracking/current-data?workspace_id=1&user_id=104").data());
        client.send("POST", "/time-tracking/start", "{\"workspace_id\":1,\"user_id\":104,\"contract_id\":305,"
                + "\"task_id\":512,\"activity_description\":\"Onboarding screens\"}");
        clock.advance(Duration.ofSeconds(42 * 60 + 17));

        Reply reply = client.get("/time-tracking/current-data?workspace_id=1&user_id=104");

        assertSuccess(reply, 200, "Current tracker data retrieved successfully");
        JsonNode data = reply.data();
        assertThat(fieldNames(data)).containsExactlyInAnyOrder("contract_id", "user_id", "activity_description",
                "task_id", "task_title", "total_seconds", "total_minutes", "date");
        assertThat(data.path("contract_id").asLong()).isEqualTo(305);
        assertThat(data.path("task_title").asText()).isEqualTo("App onboarding flow");
        assertThat(data.path("activity_description").asText()).isEqualTo("Onboarding screens");
        assertThat(data.path("total_minutes").asLong()).isEqualTo(seeded + 42);
        assertThat(data.path("total_seconds").asLong()).isEqualTo(17);
        assertThat(data.path("date").asText()).isEqualTo("2024-05-15");
    }

    @Test
    void answersTheSameShapeWhileIdle() {
        Reply reply = client.get("/time-tracking/current-data?workspace_id=1&user_id=102");

        assertSuccess(reply, 200, "Current tracker data retrieved successfully");
        assertThat(reply.data().get("contract_id").isNull()).isTrue();
        assertThat(reply.data().get("task_id").isNull()).isTrue();
        assertThat(reply.data().get("activity_description").isNull()).isTrue();
        assertThat(reply.data().path("user_id").asLong()).isEqualTo(102);
        assertThat(reply.data().path("date").asText()).isEqualTo("2024-05-15"); // 20:30 in Kolkata
        assertThat(reply.data().path("total_minutes").asLong()).isBetween(60L, 8 * 60L + 60);
        Reply missing = client.get("/time-tracking/current-data?workspace_id=1");
        assertThat(firstError(missing, "user_id")).isEqualTo("The user id field is required.");
    }

    @Test
    void refusesWorkspaceIdInTheQueryOfWrites() {
        Reply reply = client.send("POST", "/time-tracking/start?workspace_id=1", "{\"user_id\":103}");
        assertError(reply, 422, null);
        assertThat(reply.errors().has("workspace_id")).isTrue();
        assertError(client.send("POST", "/time-tracking/stop?workspace_id=1", "{\"user_id\":103}"), 422, null);
        assertError(client.send("POST", "/time-tracking/start", "{\"workspace_id\":99,\"user_id\":103}"), 404,
                "Workspace not found.");
    }

    private static String firstError(Reply reply, String field) {
        assertThat(reply.status()).as(reply.json().toString()).isEqualTo(422);
        return reply.errors().path(field).path(0).asText(null);
    }

    private static long totalMinutes(JsonNode data) {
        return data.path("total_minutes").asLong();
    }
}
