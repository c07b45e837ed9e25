package io.github.camelwebwork.sandbox;

import static io.github.camelwebwork.sandbox.SandboxConventionsTest.assertError;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.TIMESTAMP;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.assertSuccess;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.sandbox.SandboxClient.Reply;
import io.github.camelwebwork.support.SandboxExtension;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * §7.9 Timesheets over raw HTTP. Seeded (clock Wednesday 2024-05-15): weeks from 2024-04-15 to the current one
 * for members 100–104; last week (2024-05-06) Ethan's and Rita's are submitted, Tom's pending; Rita's week of
 * 2024-04-29 is rejected.
 */
class TimesheetsApiTest {

    static final List<String> SHEET_FIELDS = List.of("id", "user_id", "member", "date_from", "date_to",
            "total_minutes", "status", "submitted_at", "submitted_by", "reviewed_at", "reviewed_by", "reject_reason",
            "daily_breakdown", "total_amount", "currency", "created_at", "updated_at");
    private static final String WS = "{\"workspace_id\":1}";
    private static final String JSON = SandboxClient.JSON;

    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(() -> TimeSandbox.start(new TimeSandbox.MovableClock()));
    private final SandboxClient client = new SandboxClient(sandbox);

    @Test
    void listsTimesheetsNewestFirst() {
        Reply reply = client.get("/timesheets?workspace_id=1&per_page=5");

        assertSuccess(reply, 200, "Timesheets retrieved successfully");
        assertThat(reply.pagination().path("total").asInt()).isEqualTo(25); // 5 members x 5 weeks
        assertThat(reply.data()).allSatisfy(t -> {
            assertThat(t.path("date_from").asText()).isEqualTo("2024-05-13");
            assertThat(t.path("status").asText()).isEqualTo("pending");
        });
        Reply oldest = client.get("/timesheets?workspace_id=1&order_by=asc&per_page=1");
        assertThat(oldest.data().get(0).path("date_from").asText()).isEqualTo("2024-04-15");
        assertThat(oldest.data().get(0).path("user_id").asLong()).isEqualTo(102); // Monday comes first in Kolkata

        Reply lastWeek = client.get("/timesheets?workspace_id=1&date_from=2024-05-06&date_to=2024-05-12");
        assertThat(statusByUser(lastWeek.data())).containsExactlyInAnyOrder("100:approved", "101:submitted",
                "102:approved", "103:submitted", "104:pending");
        Reply rejected = client.get("/timesheets?workspace_id=1&status=rejected");
        assertThat(rejected.data()).singleElement().satisfies(t -> {
            assertThat(t.path("user_id").asLong()).isEqualTo(103);
            assertThat(t.path("date_from").asText()).isEqualTo("2024-04-29");
            assertThat(t.path("reject_reason").asText()).startsWith("Wednesday is missing");
            assertThat(t.path("reviewed_by").asLong()).isEqualTo(100);
        });
        String id = rejected.data().get(0).path("id").asText();
        assertThat(client.get("/timesheets?workspace_id=1&id=" + id).data()).hasSize(1);
        assertThat(client.get("/timesheets?workspace_id=1&user_id=104").data()).hasSize(5);
    }

    @Test
    void validatesTheListQuery() {
        Reply reply = client.get("/timesheets?workspace_id=1&status=open&order_by=newest&per_page=101"
                + "&date_from=2024-05-12&date_to=2024-05-01&user_id=me");

        assertError(reply, 422, "The given data was invalid.");
        assertThat(reply.errors().fieldNames()).toIterable().containsExactlyInAnyOrder("status", "order_by",
                "per_page", "date_to", "user_id");
        assertError(client.get("/timesheets"), 422, null);
    }

    @Test
    void computesTheTimesheetFromTheTimeEntries() {
        JsonNode sheet = sheetOf(104, "2024-05-13");

        assertThat(fieldNames(sheet)).containsExactlyInAnyOrderElementsOf(SHEET_FIELDS);
        assertThat(sheet.path("member").asText()).isEqualTo("Tom Teamlead");
        assertThat(sheet.path("date_to").asText()).isEqualTo("2024-05-19");
        assertThat(sheet.path("created_at").asText()).matches(TIMESTAMP);
        assertThat(fieldNames(sheet.get("daily_breakdown"))).containsExactly("2024-05-13", "2024-05-14",
                "2024-05-15", "2024-05-16", "2024-05-17", "2024-05-18", "2024-05-19");
        long entries = sandbox.get().state().timeEntries(1).stream()
                .filter(e -> e.userId() == 104 && !e.date().isBefore(LocalDate.of(2024, 5, 13)))
                .mapToLong(e -> e.durationMinutes(e.end())).sum();
        assertThat(sheet.path("total_minutes").asLong()).isEqualTo(entries);
        long rows = 0;
        for (JsonNode day : iterable(sheet.get("daily_breakdown"))) {
            for (JsonNode row : iterable(day)) {
                assertThat(fieldNames(row)).containsExactlyInAnyOrder("project_id", "project_name", "contract_id",
                        "total_minutes", "total_amount");
                rows += row.path("total_minutes").asLong();
            }
        }
        assertThat(rows).isEqualTo(entries);
        assertThat(sheet.path("total_amount").asDouble()).isPositive();
        assertThat(sheet.path("currency").asText()).isEqualTo("USD");

        client.send("POST", "/time-entries", "{\"workspace_id\":1,\"user_id\":104,\"contract_id\":309,"
                + "\"date\":\"2024-05-13\",\"start_time\":\"05:00\",\"end_time\":\"06:00\"}");
        JsonNode after = sheetOf(104, "2024-05-13");
        assertThat(after.path("total_minutes").asLong()).isEqualTo(entries + 60);
        assertThat(after.path("total_amount").asDouble())
                .isCloseTo(sheet.path("total_amount").asDouble() + 85.0, within(0.001));
    }

    @Test
    void hidesAmountsFromMembersWhoDoNotSeeRates() {
        Reply reply = client.get("/timesheets?workspace_id=1", TimeSandbox.REGULAR);

        assertThat(reply.data()).hasSize(5).allSatisfy(t -> {
            assertThat(t.path("user_id").asLong()).isEqualTo(103); // their own only
            assertThat(t.has("total_amount")).isFalse();
            assertThat(t.has("currency")).isFalse();
        });
    }

    @Test
    void opensAPendingTimesheetForANewWeek() {
        client.send("POST", "/time-entries", "{\"workspace_id\":1,\"user_id\":104,\"contract_id\":309,"
                + "\"date\":\"2024-04-06\",\"start_time\":\"10:00\",\"end_time\":\"12:30\"}");

        JsonNode sheet = sheetOf(104, "2024-04-01");

        assertThat(sheet.path("status").asText()).isEqualTo("pending");
        assertThat(sheet.path("total_minutes").asLong()).isEqualTo(150);
        assertThat(sheet.path("daily_breakdown").path("2024-04-06").get(0).path("project_name").asText())
                .isEqualTo("Website Relaunch");
    }

    @Test
    void goesThroughSubmissionAndReview() {
        String id = sheetOf(104, "2024-05-13").path("id").asText();
        String base = "/timesheets/" + id;

        assertSuccess(client.send("PUT", base + "/submit", WS, TimeSandbox.TEAM_MANAGER, JSON), 200,
                "Timesheet submitted successfully");
        assertThat(transitionError(client.send("PUT", base + "/submit", WS)))
                .isEqualTo("Only pending or rejected timesheets can be submitted; this one is submitted.");
        Reply unsubmitted = client.send("PUT", base + "/unsubmit", WS);
        assertSuccess(unsubmitted, 200, "Timesheet unsubmitted successfully");
        assertThat(unsubmitted.data().isNull()).isTrue();
        assertThat(transitionError(client.send("PUT", base + "/approve", WS)))
                .isEqualTo("Only submitted timesheets can be approved; this one is pending.");
        assertThat(transitionError(client.send("PUT", base + "/unsubmit", WS)))
                .isEqualTo("Only submitted timesheets can be unsubmitted; this one is pending.");

        client.send("PUT", base + "/submit", WS);
        Reply noReason = client.send("PUT", base + "/reject", WS);
        assertThat(noReason.errors().path("reason").get(0).asText()).isEqualTo("The reason field is required.");
        assertSuccess(client.send("PUT", base + "/reject", "{\"workspace_id\":1,\"reason\":\"Split the launch day\"}"),
                200, "Timesheet rejected successfully");
        JsonNode rejected = sheetOf(104, "2024-05-13");
        assertThat(rejected.path("status").asText()).isEqualTo("rejected");
        assertThat(rejected.path("reject_reason").asText()).isEqualTo("Split the launch day");
        assertThat(rejected.path("reviewed_by").asLong()).isEqualTo(100);
        assertThat(rejected.path("submitted_by").asLong()).isEqualTo(100);

        client.send("PUT", base + "/submit", WS, TimeSandbox.TEAM_MANAGER, JSON);
        assertThat(sheetOf(104, "2024-05-13").get("reject_reason").isNull()).isTrue();
        Reply approved = client.send("PUT", base + "/approve", WS, TimeSandbox.EXEC, JSON);
        assertSuccess(approved, 200, "Timesheet approved successfully");
        assertThat(approved.data().isNull()).isTrue();
        assertThat(sandbox.get().state().timesheet(id).orElseThrow().reviewedBy()).isEqualTo(101);
        assertThat(transitionError(client.send("PUT", base + "/reject", "{\"workspace_id\":1,\"reason\":\"x\"}")))
                .isEqualTo("Only submitted timesheets can be rejected; this one is approved.");
    }

    @Test
    void membersSubmitTheirOwnAndOnlyManagersReview() {
        String rita = sheetOf(103, "2024-05-13").path("id").asText();
        String tom = sheetOf(104, "2024-05-13").path("id").asText();

        assertThat(client.send("PUT", "/timesheets/" + rita + "/submit", WS, TimeSandbox.REGULAR, JSON).status())
                .isEqualTo(200);
        assertError(client.send("PUT", "/timesheets/" + tom + "/submit", WS, TimeSandbox.REGULAR, JSON), 403,
                "This action is unauthorized.");
        assertError(client.send("PUT", "/timesheets/" + rita + "/approve", WS, TimeSandbox.REGULAR, JSON), 403, null);
        assertError(client.send("PUT", "/timesheets/" + rita + "/reject", "{\"workspace_id\":1,\"reason\":\"x\"}",
                TimeSandbox.PM, JSON), 403, null);
        assertThat(client.send("PUT", "/timesheets/" + rita + "/approve", WS, TimeSandbox.EXEC, JSON).status())
                .isEqualTo(200);
    }

    @Test
    void unknownTimesheetsAndMisplacedScope() {
        assertError(client.send("PUT", "/timesheets/nope/submit", WS), 404, "Timesheet not found.");
        String id = sheetOf(104, "2024-05-13").path("id").asText();
        assertError(client.send("PUT", "/timesheets/" + id + "/submit", "{\"workspace_id\":2}"), 404,
                "Timesheet not found.");
        Reply query = client.send("PUT", "/timesheets/" + id + "/submit?workspace_id=1", "{}");
        assertError(query, 422, null);
        assertThat(query.json().path("error").asText()).contains("H1");
        assertThat(sandbox.get().state().timesheet(id).orElseThrow().status()).isEqualTo("pending");
    }

    private JsonNode sheetOf(long userId, String monday) {
        Reply reply = client.get("/timesheets?workspace_id=1&user_id=" + userId + "&date_from=" + monday
                + "&date_to=" + monday);
        assertThat(reply.data()).as(reply.json().toString()).hasSize(1);
        return reply.data().get(0);
    }

    private static String transitionError(Reply reply) {
        assertThat(reply.status()).as(reply.json().toString()).isEqualTo(422);
        return reply.errors().path("status").get(0).asText();
    }

    private static List<String> statusByUser(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(t -> result.add(t.path("user_id").asLong() + ":" + t.path("status").asText()));
        return result;
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        List<JsonNode> values = new ArrayList<>();
        node.elements().forEachRemaining(values::add);
        return values;
    }
}
