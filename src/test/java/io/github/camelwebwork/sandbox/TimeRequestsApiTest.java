package io.github.camelwebwork.sandbox;

import static io.github.camelwebwork.sandbox.SandboxConventionsTest.assertError;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.TIMESTAMP;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.assertSuccess;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.sandbox.SandboxClient.Reply;
import io.github.camelwebwork.support.SandboxExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * §7.10 Time requests over raw HTTP. Seeded (clock 2024-05-15): Rita's rejected request of Sunday 2024-04-28,
 * Priya's approved one of Saturday 2024-05-04, and pending ones of Rita (Sat 2024-05-11) and Tom (Sun 2024-05-12).
 */
class TimeRequestsApiTest {

    static final List<String> REQUEST_FIELDS = List.of("id", "user_id", "contract_id", "project_id", "task_id",
            "start", "end", "status", "notes", "activity_description", "comment", "updated_by", "created_at",
            "updated_at");
    private static final String MAY = "/time-requests?workspace_id=1&date_from=2024-04-01&date_to=2024-05-31";
    private static final String JSON = SandboxClient.JSON;

    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(() -> TimeSandbox.start(new TimeSandbox.MovableClock()));
    private final SandboxClient client = new SandboxClient(sandbox);

    @Test
    void listsRequestsOfAPeriod() {
        Reply reply = client.get(MAY);

        assertSuccess(reply, 200, "Time requests retrieved successfully");
        assertThat(statuses(reply.data())).containsExactly("rejected", "approved", "pending", "pending");
        assertThat(userIds(reply.data())).containsExactly(103L, 102L, 103L, 104L);
        assertThat(reply.pagination().path("total").asInt()).isEqualTo(4);
        JsonNode rejected = reply.data().get(0);
        assertThat(fieldNames(rejected)).containsExactlyInAnyOrderElementsOf(REQUEST_FIELDS);
        assertThat(rejected.path("comment").asText()).startsWith("Learning time is not billable");
        assertThat(rejected.path("updated_by").asLong()).isEqualTo(100);
        assertThat(rejected.path("start").asText()).isEqualTo("2024-04-28T23:00:00.000000Z"); // 19:00 in New York

        assertThat(statuses(client.get(MAY + "&status=pending").data())).containsExactly("pending", "pending");
        Reply saturday = client.get("/time-requests?workspace_id=1&date_from=2024-05-11&date_to=2024-05-11");
        assertThat(userIds(saturday.data())).containsExactly(103L);
        assertThat(client.get(MAY + "&per_page=1&page=4").data().get(0).path("user_id").asLong()).isEqualTo(104);
    }

    @Test
    void validatesTheListQuery() {
        Reply missing = client.get("/time-requests?workspace_id=1&status=open");
        assertError(missing, 422, "The given data was invalid.");
        assertThat(missing.errors().path("date_from").get(0).asText()).isEqualTo("The date from field is required.");
        assertThat(missing.errors().path("date_to").get(0).asText()).isEqualTo("The date to field is required.");
        assertThat(missing.errors().path("status").get(0).asText()).isEqualTo("The selected status is invalid.");
        Reply reversed = client.get("/time-requests?workspace_id=1&date_from=2024-05-31&date_to=2024-05-01");
        assertThat(reversed.errors().path("date_to").get(0).asText())
                .isEqualTo("The date to must be a date after or equal to date from.");
    }

    @Test
    void membersSeeTheirOwnRequests() {
        assertThat(userIds(client.get(MAY, TimeSandbox.REGULAR).data())).containsExactly(103L, 103L);
        assertThat(userIds(client.get(MAY, TimeSandbox.TEAM_MANAGER).data())).containsExactly(104L);
        assertThat(userIds(client.get(MAY, TimeSandbox.EXEC).data())).hasSize(4);
        String toms = pendingOf(104);
        assertError(client.get("/time-requests/" + toms + "?workspace_id=1", TimeSandbox.REGULAR), 404,
                "Time request not found.");
    }

    @Test
    void createsAndGetsARequest() {
        Reply reply = client.send("POST", "/time-requests", "{\"workspace_id\":1,\"user_id\":104,"
                + "\"contract_id\":305,\"task_id\":513,\"start\":\"2024-05-14T18:00:00+02:00\","
                + "\"end\":\"2024-05-14T19:30:00+02:00\",\"activity_description\":\"Push notification spike\"}");

        assertSuccess(reply, 201, "Time request created successfully");
        assertThat(fieldNames(reply.data())).containsExactlyInAnyOrder("id", "status");
        assertThat(reply.data().path("status").asText()).isEqualTo("pending");
        String id = reply.data().path("id").asText();

        Reply got = client.get("/time-requests/" + id + "?workspace_id=1");
        assertSuccess(got, 200, "Time request retrieved successfully");
        JsonNode request = got.data();
        assertThat(fieldNames(request)).containsExactlyInAnyOrderElementsOf(REQUEST_FIELDS);
        assertThat(request.path("start").asText()).isEqualTo("2024-05-14T16:00:00.000000Z");
        assertThat(request.path("end").asText()).isEqualTo("2024-05-14T17:30:00.000000Z");
        assertThat(request.path("project_id").asLong()).isEqualTo(101);
        assertThat(request.path("task_id").asLong()).isEqualTo(513);
        assertThat(request.path("activity_description").asText()).isEqualTo("Push notification spike");
        assertThat(request.path("notes").asText()).isEqualTo("Push notification spike");
        assertThat(request.get("comment").isNull()).isTrue();
        assertThat(request.get("updated_by").isNull()).isTrue();
        assertThat(request.path("created_at").asText()).matches(TIMESTAMP);
        assertError(client.get("/time-requests/" + id + "?workspace_id=2"), 404, "Time request not found.");
        assertError(client.get("/time-requests/unknown?workspace_id=1"), 404, "Time request not found.");
    }

    @Test
    void readsTimesWithoutOffsetInTheMembersTimezone() {
        Reply reply = client.send("POST", "/time-requests", "{\"workspace_id\":1,\"user_id\":103,"
                + "\"start\":\"2024-05-13T20:00:00\",\"end\":\"2024-05-13T21:00:00\",\"notes\":\"Hotfix\"}");

        assertThat(reply.status()).isEqualTo(201);
        SandboxTimeRequest stored = sandbox.get().state().timeRequest(reply.data().path("id").asText()).orElseThrow();
        assertThat(stored.start()).isEqualTo(Instant.parse("2024-05-14T00:00:00Z")); // 20:00 EDT
        assertThat(stored.contractId()).isNull(); // H3: optional
        assertThat(stored.activityDescription()).isEqualTo("Hotfix");
    }

    @Test
    void validatesEveryCreateFieldAtOnce() {
        Reply reply = client.send("POST", "/time-requests", "{\"workspace_id\":1,\"user_id\":104,\"task_id\":513,"
                + "\"start\":\"yesterday\",\"activity_description\":5}");

        assertError(reply, 422, "The given data was invalid.");
        assertThat(reply.errors().path("start").get(0).asText()).isEqualTo("The start is not a valid date.");
        assertThat(reply.errors().path("end").get(0).asText()).isEqualTo("The end field is required.");
        assertThat(reply.errors().path("contract_id").get(0).asText())
                .isEqualTo("The contract id field is required when task id is present.");
        assertThat(reply.errors().path("activity_description").get(0).asText())
                .isEqualTo("The activity description must be a string.");
        String times = "{\"workspace_id\":1,\"user_id\":104,\"start\":\"%s\",\"end\":\"%s\"}";
        Reply backwards = client.send("POST", "/time-requests", times.formatted("2024-05-14T10:00:00Z",
                "2024-05-14T09:00:00Z"));
        assertThat(backwards.errors().path("end").get(0).asText()).isEqualTo("The end must be a date after start.");
        Reply future = client.send("POST", "/time-requests", times.formatted("2024-05-15T14:00:00Z",
                "2024-05-15T16:00:00Z"));
        assertThat(future.errors().path("end").get(0).asText())
                .isEqualTo("The end must be a date before or equal to now.");
        Reply paused = client.send("POST", "/time-requests", "{\"workspace_id\":1,\"user_id\":103,\"contract_id\":306,"
                + "\"start\":\"2024-05-14T10:00:00Z\",\"end\":\"2024-05-14T11:00:00Z\"}");
        assertThat(paused.errors().path("contract_id").get(0).asText()).isEqualTo("The selected contract is paused.");
    }

    @Test
    void membersRequestTimeOnlyForThemselves() {
        String body = "{\"workspace_id\":1,\"user_id\":%d,\"start\":\"2024-05-14T01:00:00Z\","
                + "\"end\":\"2024-05-14T02:00:00Z\"}";
        assertThat(client.send("POST", "/time-requests", body.formatted(103), TimeSandbox.REGULAR, JSON).status())
                .isEqualTo(201);
        assertError(client.send("POST", "/time-requests", body.formatted(104), TimeSandbox.REGULAR, JSON), 403, null);
        Reply query = client.send("POST", "/time-requests?workspace_id=1", "{\"user_id\":103}");
        assertError(query, 422, null);
        assertThat(query.errors().has("workspace_id")).isTrue();
    }

    @Test
    void approvingAddsTheTime() {
        String id = pendingOf(104);

        Reply reply = client.send("POST", "/time-requests/" + id + "/approve", "{\"workspace_id\":1}");

        assertSuccess(reply, 200, "Time request approved successfully");
        SandboxTimeRequest approved = sandbox.get().state().timeRequest(id).orElseThrow();
        assertThat(approved.status()).isEqualTo("approved");
        assertThat(approved.updatedBy()).isEqualTo(100);
        List<SandboxTimeEntry> sunday = sandbox.get().state().timeEntries(1, 104, LocalDate.of(2024, 5, 12));
        assertThat(sunday).singleElement().satisfies(e -> {
            assertThat(e.method()).isEqualTo("Manually added time");
            assertThat(e.start()).isEqualTo(Instant.parse("2024-05-12T14:00:00Z"));
            assertThat(e.durationMinutes(e.end())).isEqualTo(60);
            assertThat(e.contractId()).isEqualTo(approved.contractId());
        });
        Reply again = client.send("POST", "/time-requests/" + id + "/approve", "{\"workspace_id\":1}");
        assertError(again, 422, "The given data was invalid.");
        assertThat(again.errors().path("status").get(0).asText())
                .isEqualTo("Only pending time requests can be approved; this one is approved.");
        assertThat(client.send("POST", "/time-requests/" + id + "/reject", "{\"workspace_id\":1,\"comment\":\"x\"}")
                .status()).isEqualTo(422);
    }

    @Test
    void approvingDoesNotCountOverlappingTimeTwice() {
        String id = client.send("POST", "/time-requests", "{\"workspace_id\":1,\"user_id\":104,\"contract_id\":309,"
                + "\"start\":\"2024-05-14T06:00:00Z\",\"end\":\"2024-05-14T20:00:00Z\"}").data().path("id").asText();
        LocalDate tuesday = LocalDate.of(2024, 5, 14);
        long before = minutes(sandbox.get().state().timeEntries(1, 104, tuesday));

        client.send("POST", "/time-requests/" + id + "/approve", "{\"workspace_id\":1}");

        List<SandboxTimeEntry> day = sandbox.get().state().timeEntries(1, 104, tuesday);
        Instant from = Instant.parse("2024-05-14T06:00:00Z");
        Instant to = Instant.parse("2024-05-14T20:00:00Z");
        long covered = day.stream().mapToLong(e -> Duration.between(max(e.start(), from), min(e.end(), to))
                .toMinutes()).filter(m -> m > 0).sum();
        assertThat(covered).isEqualTo(14 * 60); // the whole span, each minute once
        assertThat(minutes(day)).isGreaterThan(before);
        for (int i = 1; i < day.size(); i++) {
            assertThat(day.get(i).start()).isAfterOrEqualTo(day.get(i - 1).end());
        }
    }

    @Test
    void rejectsWithAComment() {
        String id = pendingOf(103);
        Reply noComment = client.send("POST", "/time-requests/" + id + "/reject", "{\"workspace_id\":1}");
        assertError(noComment, 422, "The given data was invalid.");
        assertThat(noComment.errors().path("comment").get(0).asText()).isEqualTo("The comment field is required.");
        assertError(client.send("POST", "/time-requests/" + id + "/reject", "{\"workspace_id\":1,\"comment\":\"No\"}",
                TimeSandbox.REGULAR, JSON), 403, null);

        Reply reply = client.send("POST", "/time-requests/" + id + "/reject", "{\"workspace_id\":1,"
                + "\"comment\":\"Please track hotfixes with the desktop app\"}", TimeSandbox.EXEC, JSON);

        assertSuccess(reply, 200, "Time request rejected successfully");
        JsonNode request = client.get("/time-requests/" + id + "?workspace_id=1").data();
        assertThat(request.path("status").asText()).isEqualTo("rejected");
        assertThat(request.path("comment").asText()).isEqualTo("Please track hotfixes with the desktop app");
        assertThat(request.path("updated_by").asLong()).isEqualTo(101);
        assertThat(sandbox.get().state().timeEntries(1, 103, LocalDate.of(2024, 5, 11))).isEmpty();
        assertError(client.send("POST", "/time-requests/nope/approve", "{\"workspace_id\":1}"), 404,
                "Time request not found.");
    }

    private String pendingOf(long userId) {
        return sandbox.get().state().timeRequests(1).stream().filter(t -> t.userId() == userId && t.isPending())
                .findFirst().orElseThrow().id();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static long minutes(List<SandboxTimeEntry> entries) {
        return entries.stream().mapToLong(e -> e.durationMinutes(e.end())).sum();
    }

    private static List<String> statuses(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.path("status").asText()));
        return result;
    }

    private static List<Long> userIds(JsonNode array) {
        List<Long> result = new ArrayList<>();
        array.forEach(n -> result.add(n.path("user_id").asLong()));
        return result;
    }
}
