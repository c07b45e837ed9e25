package io.github.camelwebwork.sandbox;

import static io.github.camelwebwork.sandbox.SandboxConventionsTest.assertError;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.assertSuccess;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.sandbox.SandboxClient.Reply;
import io.github.camelwebwork.support.SandboxExtension;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** §7.8 Time entries over raw HTTP. Saturday 2024-05-11 has no seeded time for Tom (104, UTC). */
class TimeEntriesApiTest {

    static final List<String> ENTRY_FIELDS = List.of("id", "user_id", "contract_id", "project_id", "project_name",
            "task_id", "task_title", "activity_description", "method", "date", "start_time", "end_time",
            "duration_minutes");
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final LocalDate TUESDAY = LocalDate.of(2024, 5, 14);

    private final TimeSandbox.MovableClock clock = new TimeSandbox.MovableClock();
    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(() -> TimeSandbox.start(clock));
    private final SandboxClient client = new SandboxClient(sandbox);

    @Test
    void listsAMembersDay() {
        Reply reply = client.get("/time-entries?workspace_id=1&user_id=104&date=2024-05-14");

        assertSuccess(reply, 200, "Time entries retrieved successfully");
        List<SandboxTimeEntry> seeded = sandbox.get().state().timeEntries(1, 104, TUESDAY);
        assertThat(stringIds(reply.data())).containsExactlyElementsOf(seeded.stream().map(SandboxTimeEntry::id).toList());
        JsonNode first = reply.data().get(0);
        assertThat(fieldNames(first)).containsExactlyInAnyOrderElementsOf(ENTRY_FIELDS);
        assertThat(first.path("id").asText()).matches(UUID);
        assertThat(first.path("date").asText()).isEqualTo("2024-05-14");
        assertThat(first.path("start_time").asText()).startsWith("2024-05-14T0");
        assertThat(first.path("duration_minutes").asLong()).isPositive();
        assertThat(reply.pagination().path("per_page").asInt()).isEqualTo(20);
        assertThat(reply.pagination().path("total").asInt()).isEqualTo(seeded.size());

        Reply onlyApp = client.get("/time-entries?workspace_id=1&user_id=104&date=2024-05-14&project_id=101");
        assertThat(onlyApp.data()).allSatisfy(e -> assertThat(e.path("project_name").asText()).isEqualTo("Mobile App"));
        Reply onePerPage = client.get("/time-entries?workspace_id=1&user_id=104&date=2024-05-14&per_page=1&page=2");
        assertThat(onePerPage.data()).hasSize(1);
        assertThat(onePerPage.pagination().path("last_page").asInt()).isEqualTo(seeded.size());
        assertThat(client.get("/time-entries?workspace_id=1&user_id=104&date=2024-05-14&per_page=50").status())
                .isEqualTo(200);
    }

    @Test
    void validatesTheListQuery() {
        Reply reply = client.get("/time-entries?workspace_id=1&date=14.05.2024&per_page=51");

        assertError(reply, 422, "The given data was invalid.");
        assertThat(reply.errors().path("user_id").get(0).asText()).isEqualTo("The user id field is required.");
        assertThat(reply.errors().path("date").get(0).asText()).isEqualTo("The date does not match the format Y-m-d.");
        assertThat(reply.errors().path("per_page").get(0).asText()).isEqualTo("The per page must be between 1 and 50.");
        assertThat(client.get("/time-entries?workspace_id=1&user_id=110&date=2024-05-14").errors().has("user_id"))
                .isTrue(); // not a member of workspace 1
        assertError(client.get("/time-entries?user_id=104&date=2024-05-14"), 422, null);
    }

    @Test
    void addsManualTimeInTheMembersTimezone() {
        Reply reply = client.send("POST", "/time-entries", "{\"workspace_id\":1,\"user_id\":103,\"contract_id\":303,"
                + "\"task_id\":503,\"notes\":\"Blog migration catch-up\",\"date\":\"2024-04-06\","
                + "\"start_time\":\"09:00\",\"end_time\":\"17:00\"}");

        assertSuccess(reply, 201, "8 hr successfully added for Rita Regular.");
        assertThat(reply.json().path("saved_minutes").asLong()).isEqualTo(480);
        JsonNode data = reply.data();
        assertThat(data.path("saved_minutes").asLong()).isEqualTo(480);
        assertThat(data.path("user_id").asLong()).isEqualTo(103);
        assertThat(data.path("contract_id").asLong()).isEqualTo(303);
        assertThat(data.path("project_name").asText()).isEqualTo("Website Relaunch");
        assertThat(data.path("task_title").asText()).isEqualTo("Migrate blog posts");
        assertThat(data.path("activity_description").asText()).isEqualTo("Blog migration catch-up");
        assertThat(data.path("method").asText()).isEqualTo("Manually added time");
        assertThat(data.path("start_time").asText()).isEqualTo("2024-04-06T13:00:00.000000Z"); // 09:00 EDT
        assertThat(data.path("end_time").asText()).isEqualTo("2024-04-06T21:00:00.000000Z");
        assertThat(data.path("duration_minutes").asLong()).isEqualTo(480);
        assertThat(sandbox.get().state().timeEntry(data.path("id").asText())).isPresent();
    }

    @Test
    void savesOnlyTheMinutesThatDoNotOverlap() {
        String add = "{\"workspace_id\":1,\"user_id\":104,\"contract_id\":309,\"date\":\"2024-05-11\","
                + "\"start_time\":\"%s\",\"end_time\":\"%s\"}";
        assertThat(client.send("POST", "/time-entries", add.formatted("11:00", "12:00")).message())
                .isEqualTo("1 hr successfully added for Tom Teamlead.");

        Reply reply = client.send("POST", "/time-entries", add.formatted("10:00", "13:30"));

        assertSuccess(reply, 201, "Only 2 hr 30 min of 3 hr 30 min added for Tom Teamlead: the rest overlaps "
                + "existing time entries.");
        assertThat(reply.json().path("saved_minutes").asLong()).isEqualTo(150);
        List<SandboxTimeEntry> day = sandbox.get().state().timeEntries(1, 104, LocalDate.of(2024, 5, 11));
        assertThat(day).extracting(e -> e.start().toString() + "/" + e.end())
                .containsExactly("2024-05-11T10:00:00Z/2024-05-11T11:00:00Z",
                        "2024-05-11T11:00:00Z/2024-05-11T12:00:00Z", "2024-05-11T12:00:00Z/2024-05-11T13:30:00Z");

        Reply nothing = client.send("POST", "/time-entries", add.formatted("10:30", "13:00"));
        assertError(nothing, 422, "The given data was invalid.");
        assertThat(nothing.errors().path("start_time").get(0).asText()).isEqualTo("The selected time is already tracked.");
    }

    @Test
    void capsManualTimeAtTheWeeklyHoursLimit() {
        client.send("PUT", "/contracts/308", "{\"workspace_id\":1,\"weekly_hours_limit\":1}");
        String add = "{\"workspace_id\":1,\"user_id\":104,\"contract_id\":308,\"date\":\"%s\","
                + "\"start_time\":\"10:00\",\"end_time\":\"12:00\"}";

        Reply reply = client.send("POST", "/time-entries", add.formatted("2024-04-06")); // a week without seeded time

        assertSuccess(reply, 201, "Only 1 hr of 2 hr added for Tom Teamlead: the rest exceeds the contract's "
                + "weekly hours limit.");
        assertThat(reply.json().path("saved_minutes").asLong()).isEqualTo(60);
        Reply full = client.send("POST", "/time-entries", add.formatted("2024-04-07"));
        assertThat(firstError(full, "contract_id")).isEqualTo("The weekly hours limit of this contract has been reached.");
        assertThat(client.send("POST", "/time-entries", add.formatted("2024-04-08")).status()).isEqualTo(201); // Monday
    }

    @Test
    void validatesEveryCreateFieldAtOnce() {
        Reply reply = client.send("POST", "/time-entries", "{\"workspace_id\":1,\"user_id\":\"x\","
                + "\"contract_id\":\"y\",\"date\":\"2024-13-01\",\"start_time\":\"7:00\",\"end_time\":\"25:00\","
                + "\"notes\":[]}");

        assertError(reply, 422, "The given data was invalid.");
        assertThat(reply.errors().fieldNames()).toIterable().containsExactlyInAnyOrder("user_id", "contract_id",
                "date", "start_time", "end_time", "notes");
        assertThat(reply.errors().path("start_time").get(0).asText())
                .isEqualTo("The start time does not match the format H:i.");

        Reply order = client.send("POST", "/time-entries", "{\"workspace_id\":1,\"user_id\":104,\"task_id\":512,"
                + "\"date\":\"2024-05-11\",\"start_time\":\"12:00\",\"end_time\":\"11:00\"}");
        assertThat(order.errors().path("end_time").get(0).asText())
                .isEqualTo("The end time must be a date after start time.");
        assertThat(order.errors().path("contract_id").get(0).asText())
                .isEqualTo("The contract id field is required when task id is present.");

        Reply missing = client.send("POST", "/time-entries", "{\"workspace_id\":1}");
        assertThat(missing.errors().fieldNames()).toIterable().containsExactlyInAnyOrder("user_id", "date",
                "start_time", "end_time");
        Reply future = client.send("POST", "/time-entries", "{\"workspace_id\":1,\"user_id\":104,"
                + "\"date\":\"2024-05-16\",\"start_time\":\"09:00\",\"end_time\":\"10:00\"}");
        assertThat(future.errors().path("date").get(0).asText())
                .isEqualTo("The date must be a date before or equal to today.");
        Reply later = client.send("POST", "/time-entries", "{\"workspace_id\":1,\"user_id\":104,"
                + "\"date\":\"2024-05-15\",\"start_time\":\"15:30\",\"end_time\":\"16:00\"}");
        assertThat(later.errors().path("end_time").get(0).asText()).isEqualTo("The end time must not be in the future.");
    }

    @Test
    void onlyOwnersAndExecutiveManagersUseTimeEntries() {
        assertError(client.get("/time-entries?workspace_id=1&user_id=103&date=2024-05-14", TimeSandbox.REGULAR), 403,
                "This action is unauthorized.");
        assertError(client.send("POST", "/time-entries", "{\"workspace_id\":1}", TimeSandbox.PM, SandboxClient.JSON),
                403, null);
        assertThat(client.get("/time-entries?workspace_id=1&user_id=103&date=2024-05-14", TimeSandbox.EXEC).status())
                .isEqualTo(200);
    }

    @Test
    void updatesAnEntryKeepingTheTimeThatIsNotSent() {
        String id = manualEntry("10:00", "12:00");

        Reply reply = client.send("PUT", "/time-entries/" + id, "{\"workspace_id\":1,\"start_time\":\"09:30\","
                + "\"activity_description\":\"Release prep\",\"task_id\":504}");

        assertSuccess(reply, 200, "Time entry updated successfully");
        assertThat(fieldNames(reply.data())).containsExactlyInAnyOrderElementsOf(ENTRY_FIELDS);
        assertThat(reply.data().path("start_time").asText()).isEqualTo("2024-05-11T09:30:00.000000Z");
        assertThat(reply.data().path("end_time").asText()).isEqualTo("2024-05-11T12:00:00.000000Z");
        assertThat(reply.data().path("duration_minutes").asLong()).isEqualTo(150);
        assertThat(reply.data().path("activity_description").asText()).isEqualTo("Release prep");
        assertThat(reply.data().path("task_title").asText()).isEqualTo("Fix broken links");

        Reply moved = client.send("PUT", "/time-entries/" + id, "{\"workspace_id\":1,\"date\":\"2024-05-12\","
                + "\"contract_id\":305}");
        assertThat(moved.data().path("date").asText()).isEqualTo("2024-05-12");
        assertThat(moved.data().path("start_time").asText()).isEqualTo("2024-05-12T09:30:00.000000Z");
        assertThat(moved.data().path("project_name").asText()).isEqualTo("Mobile App");
        assertThat(moved.data().get("task_id").isNull()).isTrue(); // task 504 belongs to the old project
    }

    @Test
    void refusesUpdatesThatBreakTheRules() {
        String id = manualEntry("10:00", "12:00");
        manualEntry("13:00", "14:00");
        String put = "/time-entries/" + id;

        assertThat(firstError(client.send("PUT", put, "{\"workspace_id\":1,\"end_time\":\"09:00\"}"), "end_time"))
                .isEqualTo("The end time must be a date after start time.");
        assertThat(firstError(client.send("PUT", put, "{\"workspace_id\":1,\"end_time\":\"13:30\"}"), "start_time"))
                .isEqualTo("The time entry overlaps another time entry.");
        assertThat(firstError(client.send("PUT", put, "{\"workspace_id\":1,\"task_id\":512}"), "task_id"))
                .isEqualTo("The selected task id is invalid.");
        assertThat(firstError(client.send("PUT", put, "{\"workspace_id\":1,\"contract_id\":303}"), "contract_id"))
                .isEqualTo("The selected contract id is invalid."); // Rita's contract
        client.send("POST", "/time-tracking/start", "{\"workspace_id\":1,\"user_id\":104}");
        String running = sandbox.get().state().runningTimeEntry(104).orElseThrow().id();
        assertThat(firstError(client.send("PUT", "/time-entries/" + running,
                "{\"workspace_id\":1,\"start_time\":\"14:00\"}"), "end_time"))
                .isEqualTo("A running time entry cannot be changed; stop the tracker first.");
        assertError(client.send("PUT", "/time-entries/nope", "{\"workspace_id\":1}"), 404, "Time entry not found.");
        assertError(client.send("PUT", put + "?workspace_id=1", "{\"end_time\":\"12:30\"}"), 422, null);
    }

    @Test
    void deletesAnEntryForGood() {
        String id = manualEntry("10:00", "12:00");

        Reply reply = client.send("DELETE", "/time-entries/" + id, "{\"workspace_id\":1}");

        assertSuccess(reply, 200, "Time entry deleted successfully");
        assertThat(reply.data().isNull()).isTrue();
        assertThat(sandbox.get().state().timeEntry(id)).isEmpty();
        assertError(client.send("DELETE", "/time-entries/" + id, "{\"workspace_id\":1}"), 404, "Time entry not found.");
        assertError(client.send("DELETE", "/time-entries/" + id + "?workspace_id=1", null, sandbox.get().token(), null),
                422, null);
        String other = sandbox.get().state().timeEntries(1, 104, TUESDAY).get(0).id();
        assertError(client.send("DELETE", "/time-entries/" + other, "{\"workspace_id\":2}"), 404, null);
    }

    private String manualEntry(String from, String to) {
        Reply reply = client.send("POST", "/time-entries", "{\"workspace_id\":1,\"user_id\":104,\"contract_id\":309,"
                + "\"date\":\"2024-05-11\",\"start_time\":\"" + from + "\",\"end_time\":\"" + to + "\"}");
        assertThat(reply.status()).as(reply.json().toString()).isEqualTo(201);
        return reply.data().path("id").asText();
    }

    private static String firstError(Reply reply, String field) {
        assertThat(reply.status()).as(reply.json().toString()).isEqualTo(422);
        return reply.errors().path(field).path(0).asText(null);
    }

    private static List<String> stringIds(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }
}
