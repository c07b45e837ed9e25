package io.github.camelwebwork.sandbox;

import static io.github.camelwebwork.sandbox.SandboxConventionsTest.assertError;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.assertSuccess;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.sandbox.SandboxClient.Reply;
import io.github.camelwebwork.support.SandboxExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * §7.11 Leaves over raw HTTP: list, request, approve and reject (H8). Seeded (clock Wed 2024-05-15): approved leaves
 * of Priya (Apr 1-5), Tom (sick, Apr 8-9) and Ethan (May 27-29); Rita's rejected (Jun 10-14) and pending (Jun 17-21)
 * annual leave; Tom's pending doctor appointment (May 21, 2 h) and Priya's pending unpaid half day (May 31).
 */
class LeavesApiTest {

    static final List<String> LEAVE_FIELDS = List.of("id", "user_id", "status", "note", "is_paid", "created_by",
            "approved_by", "rejected_by", "reject_reason", "start_date", "end_date", "created_on", "total",
            "policy_id");
    static final String PRIYA_ANNUAL = "85cf71bb-d1aa-478f-848f-32c33ded9672";
    static final String TOM_DOCTOR = "93414b80-24d1-4bf0-9aa8-01b95545f549";
    static final String RITA_REJECTED = "2f229865-f340-450e-9ce7-c972936e0592";
    static final String RITA_PENDING = "d6c0e9ab-293f-4fc9-82c4-e4ff0f963dab";
    private static final String LIST = "/leaves?workspace_id=1";

    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(() -> TimeSandbox.start(new TimeSandbox.MovableClock()));
    private final SandboxClient client = new SandboxClient(sandbox);

    @Test
    void listsLeavesNewestStartFirst() {
        Reply reply = client.get(LIST);

        assertSuccess(reply, 200, "Leaves retrieved successfully");
        assertThat(starts(reply.data())).containsExactly("2024-06-17", "2024-06-10", "2024-05-31", "2024-05-27",
                "2024-05-21", "2024-04-08", "2024-04-01");
        assertThat(reply.pagination().path("total").asInt()).isEqualTo(7);
        JsonNode priya = reply.data().get(6);
        assertThat(fieldNames(priya)).containsExactlyElementsOf(LEAVE_FIELDS);
        assertThat(priya.path("id").asText()).isEqualTo(PRIYA_ANNUAL);
        assertThat(priya.path("user_id").asLong()).isEqualTo(102);
        assertThat(priya.path("status").asText()).isEqualTo("approved");
        assertThat(priya.path("note").asText()).isEqualTo("Family trip to Goa");
        assertThat(priya.path("is_paid").asText()).isEqualTo("yes");
        assertThat(priya.path("created_by").asLong()).isEqualTo(102);
        assertThat(priya.path("approved_by").asLong()).isEqualTo(100);
        assertThat(priya.get("rejected_by").isNull()).isTrue();
        assertThat(priya.path("end_date").asText()).isEqualTo("2024-04-05");
        assertThat(priya.path("created_on").asText()).isEqualTo("2024-03-11 08:15:00");
        assertThat(priya.path("total").toString()).isEqualTo("{\"days\":5,\"hours\":40}");
        assertThat(priya.path("policy_id").asLong()).isEqualTo(1);
        JsonNode halfDay = reply.data().get(2);
        assertThat(halfDay.path("total").toString()).isEqualTo("{\"days\":0.5,\"hours\":4}");
        assertThat(halfDay.path("is_paid").asText()).isEqualTo("no");
        JsonNode doctor = reply.data().get(4);
        assertThat(doctor.path("total").toString()).isEqualTo("{\"days\":0.25,\"hours\":2}");
        JsonNode rejected = reply.data().get(1);
        assertThat(rejected.path("rejected_by").asLong()).isEqualTo(100);
        assertThat(rejected.path("reject_reason").asText()).startsWith("That is the relaunch week");
    }

    @Test
    void filtersAndPaginates() {
        assertThat(ids(client.get(LIST + "&status=pending").data()))
                .containsExactly(RITA_PENDING, "5e002980-d1f9-46b8-ad34-6e5b8253a4da", TOM_DOCTOR);
        assertThat(ids(client.get(LIST + "&is_paid=no").data()))
                .containsExactly("5e002980-d1f9-46b8-ad34-6e5b8253a4da");
        assertThat(ids(client.get(LIST + "&policy_id=4").data())).containsExactly(TOM_DOCTOR);
        assertThat(ids(client.get(LIST + "&user_id=103").data())).containsExactly(RITA_PENDING, RITA_REJECTED);
        assertThat(ids(client.get(LIST + "&id=" + PRIYA_ANNUAL).data())).containsExactly(PRIYA_ANNUAL);
        assertThat(starts(client.get(LIST + "&date_from=2024-04-05&date_to=2024-05-27").data()))
                .containsExactly("2024-05-27", "2024-05-21", "2024-04-08", "2024-04-01");
        Reply page = client.get(LIST + "&per_page=3&page=3");
        assertThat(starts(page.data())).containsExactly("2024-04-01");
        assertThat(page.pagination().toString())
                .isEqualTo("{\"total\":7,\"per_page\":3,\"current_page\":3,\"last_page\":3,\"from\":7,\"to\":7}");
    }

    @Test
    void validatesTheListQueryAtOnce() {
        Reply reply = client.get(LIST + "&status=open&is_paid=maybe&policy_id=x&date_from=2024-05-31"
                + "&date_to=2024-05-01&per_page=101");

        assertError(reply, 422, "The given data was invalid.");
        assertThat(reply.errors().fieldNames()).toIterable()
                .containsExactlyInAnyOrder("status", "is_paid", "policy_id", "date_to", "per_page");
        assertThat(reply.errors().path("is_paid").get(0).asText()).isEqualTo("The selected is paid is invalid.");
        assertThat(reply.errors().path("per_page").get(0).asText())
                .isEqualTo("The per page must be between 1 and 100.");
        assertError(client.get("/leaves"), 422, null);
        assertError(client.get("/leaves?workspace_id=99"), 404, "Workspace not found.");
    }

    @Test
    void membersSeeTheirOwnLeaves() {
        assertThat(ids(client.get(LIST, TimeSandbox.REGULAR).data())).containsExactly(RITA_PENDING, RITA_REJECTED);
        assertThat(client.get(LIST, TimeSandbox.TEAM_MANAGER).data()).allSatisfy(
                l -> assertThat(l.path("user_id").asLong()).isEqualTo(104));
        assertThat(client.get(LIST, TimeSandbox.EXEC).data()).hasSize(7);
    }

    @Test
    void requestsLeaveForAMember() {
        Reply reply = client.send("POST", "/leaves", "{\"workspace_id\":1,\"policy_id\":1,\"user_id\":103,"
                + "\"start\":\"2024-07-01\",\"end\":\"2024-07-05\",\"reason\":\"Beach week\"}");

        assertThat(reply.status()).as(reply.json().toString()).isEqualTo(201);
        assertThat(fieldNames(reply.json())).containsExactly("success", "message", "meta");
        assertThat(reply.message()).isEqualTo("Leave request created successfully");
        JsonNode leave = client.get(LIST + "&date_from=2024-07-01").data().get(0);
        assertThat(leave.path("status").asText()).isEqualTo("pending");
        assertThat(leave.path("user_id").asLong()).isEqualTo(103);
        assertThat(leave.path("created_by").asLong()).isEqualTo(100);
        assertThat(leave.path("note").asText()).isEqualTo("Beach week");
        assertThat(leave.path("created_on").asText()).isEqualTo("2024-05-15 15:00:00");
        assertThat(leave.path("total").toString()).isEqualTo("{\"days\":5,\"hours\":40}");
        assertThat(leave.path("id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void requestsHourBasedAndHalfDayLeave() {
        Reply hours = client.send("POST", "/leaves", "{\"workspace_id\":1,\"policy_id\":4,\"user_id\":104,"
                + "\"start\":\"2024-07-09\",\"end\":\"2024-07-09\",\"start_time\":\"14:00\",\"end_time\":\"15:30\"}");
        assertThat(hours.status()).as(hours.json().toString()).isEqualTo(201);
        Reply half = client.send("POST", "/leaves", "{\"workspace_id\":1,\"policy_id\":1,\"user_id\":104,"
                + "\"start\":\"2024-07-10\",\"end\":\"2024-07-10\",\"leave_period\":2}");
        assertThat(half.status()).as(half.json().toString()).isEqualTo(201);
        // a weekend inside the period does not count
        Reply span = client.send("POST", "/leaves", "{\"workspace_id\":1,\"policy_id\":2,\"user_id\":104,"
                + "\"start\":\"2024-07-12\",\"end\":\"2024-07-15\"}");
        assertThat(span.status()).isEqualTo(201);

        List<String> totals = new ArrayList<>();
        client.get(LIST + "&user_id=104&date_from=2024-07-01").data()
                .forEach(l -> totals.add(l.path("total").toString()));
        assertThat(totals).containsExactly("{\"days\":2,\"hours\":16}", "{\"days\":0.5,\"hours\":4}",
                "{\"days\":0.19,\"hours\":1.5}");
    }

    @Test
    void membersRequestLeaveOnlyForThemselves() {
        String own = "{\"workspace_id\":1,\"policy_id\":2,\"user_id\":103,\"start\":\"2024-05-16\","
                + "\"end\":\"2024-05-16\"}";
        assertThat(client.send("POST", "/leaves", own, TimeSandbox.REGULAR, SandboxClient.JSON).status())
                .isEqualTo(201);
        String other = own.replace("103", "104");
        assertError(client.send("POST", "/leaves", other, TimeSandbox.REGULAR, SandboxClient.JSON), 403,
                "This action is unauthorized.");
        assertError(client.send("POST", "/leaves", own.replace("103", "105"), TimeSandbox.VIEWER, SandboxClient.JSON),
                403, null);
    }

    @Test
    void validatesEveryRequestFieldAtOnce() {
        Reply reply = client.send("POST", "/leaves", "{\"workspace_id\":1,\"policy_id\":99,\"start\":\"2024-13-01\","
                + "\"leave_period\":5,\"hours_per_day\":-1,\"reason\":7}");

        assertError(reply, 422, "The given data was invalid.");
        assertThat(reply.errors().fieldNames()).toIterable().containsExactlyInAnyOrder("policy_id", "user_id", "start",
                "end", "leave_period", "hours_per_day", "reason");
        assertThat(reply.errors().path("policy_id").get(0).asText()).isEqualTo("The selected policy id is invalid.");
        assertThat(reply.errors().path("user_id").get(0).asText()).isEqualTo("The user id field is required.");
        assertThat(reply.errors().path("start").get(0).asText())
                .isEqualTo("The start does not match the format Y-m-d.");
        assertThat(reply.errors().path("end").get(0).asText()).isEqualTo("The end field is required.");
        assertThat(reply.errors().path("leave_period").get(0).asText())
                .isEqualTo("The selected leave period is invalid.");
        assertThat(reply.errors().path("hours_per_day").get(0).asText())
                .isEqualTo("The hours per day must be greater than 0.");
        assertThat(reply.errors().path("reason").get(0).asText()).isEqualTo("The reason must be a string.");

        Reply backwards = request("{\"policy_id\":1,\"user_id\":104,\"start\":\"2024-07-05\",\"end\":\"2024-07-01\"}");
        assertThat(backwards.errors().path("end").get(0).asText())
                .isEqualTo("The end must be a date after or equal to start.");
        Reply viewer = request("{\"policy_id\":1,\"user_id\":105,\"start\":\"2024-07-01\",\"end\":\"2024-07-01\"}");
        assertThat(viewer.errors().path("user_id").get(0).asText()).isEqualTo("The selected user id is invalid.");
        Reply otherWorkspace = request("{\"policy_id\":5,\"user_id\":104,\"start\":\"2024-07-01\","
                + "\"end\":\"2024-07-01\"}");
        assertThat(otherWorkspace.errors().path("policy_id").get(0).asText())
                .isEqualTo("The selected policy id is invalid.");
    }

    @Test
    void checksHourBasedFieldsAndHalfDays() {
        Reply missing = request("{\"policy_id\":4,\"user_id\":104,\"start\":\"2024-07-01\",\"end\":\"2024-07-01\"}");
        assertThat(missing.errors().path("start_time").get(0).asText())
                .isEqualTo("The start time field is required for hour-based leave policies.");
        assertThat(missing.errors().path("end_time").get(0).asText())
                .isEqualTo("The end time field is required for hour-based leave policies.");
        Reply reversed = request("{\"policy_id\":4,\"user_id\":104,\"start\":\"2024-07-01\",\"end\":\"2024-07-01\","
                + "\"start_time\":\"11:00\",\"end_time\":\"10:00\"}");
        assertThat(reversed.errors().path("end_time").get(0).asText())
                .isEqualTo("The end time must be a date after start time.");
        Reply tooMany = request("{\"policy_id\":4,\"user_id\":104,\"start\":\"2024-07-01\",\"end\":\"2024-07-01\","
                + "\"start_time\":\"10:00\",\"end_time\":\"11:30\",\"hours_per_day\":3}");
        assertThat(tooMany.errors().path("hours_per_day").get(0).asText())
                .isEqualTo("The hours per day may not be greater than 1.5.");
        Reply format = request("{\"policy_id\":4,\"user_id\":104,\"start\":\"2024-07-01\",\"end\":\"2024-07-01\","
                + "\"start_time\":\"9am\",\"end_time\":\"25:00\"}");
        assertThat(format.errors().path("start_time").get(0).asText())
                .isEqualTo("The start time does not match the format H:i.");
        assertThat(format.errors().path("end_time").get(0).asText())
                .isEqualTo("The end time does not match the format H:i.");
        Reply halfDays = request("{\"policy_id\":1,\"user_id\":104,\"start\":\"2024-07-01\",\"end\":\"2024-07-02\","
                + "\"leave_period\":1}");
        assertThat(halfDays.errors().path("leave_period").get(0).asText())
                .isEqualTo("A half-day leave must start and end on the same day.");
    }

    @Test
    void refusesWeekendsAndOverlaps() {
        Reply weekend = request("{\"policy_id\":1,\"user_id\":104,\"start\":\"2024-07-06\",\"end\":\"2024-07-07\"}");
        assertThat(weekend.errors().path("start").get(0).asText())
                .isEqualTo("The selected period contains no working days.");
        Reply overlap = request("{\"policy_id\":2,\"user_id\":103,\"start\":\"2024-06-20\",\"end\":\"2024-06-24\"}");
        assertThat(overlap.errors().path("start").get(0).asText())
                .isEqualTo("The member already has a pending or approved leave in this period.");
        // a rejected leave frees its days
        assertThat(request("{\"policy_id\":1,\"user_id\":103,\"start\":\"2024-06-12\",\"end\":\"2024-06-12\"}")
                .status())
                .isEqualTo(201);
    }

    @Test
    void refusesWorkspaceIdInTheQueryOnWrites() {
        Reply post = client.send("POST", "/leaves?workspace_id=1", "{\"policy_id\":1,\"user_id\":103,"
                + "\"start\":\"2024-07-01\",\"end\":\"2024-07-01\"}");
        assertError(post, 422, null);
        assertThat(post.errors().path("workspace_id").get(0).asText()).isEqualTo("The workspace id field is required.");
        assertThat(post.json().path("error").asText()).contains("H1");
        Reply approve = client.send("PUT", "/leaves/" + TOM_DOCTOR + "/approve?workspace_id=1", "{}");
        assertError(approve, 422, null);
        assertThat(sandbox.get().state().leave(TOM_DOCTOR).orElseThrow().isPending()).isTrue();
    }

    @Test
    void approvesAPendingLeaveOnce() {
        Reply reply = client.send("PUT", "/leaves/" + TOM_DOCTOR + "/approve", "{\"workspace_id\":1}",
                TimeSandbox.EXEC, SandboxClient.JSON);

        assertSuccess(reply, 200, "Leave approved successfully");
        assertThat(reply.data().isNull()).isTrue();
        JsonNode leave = client.get(LIST + "&id=" + TOM_DOCTOR).data().get(0);
        assertThat(leave.path("status").asText()).isEqualTo("approved");
        assertThat(leave.path("approved_by").asLong()).isEqualTo(101);
        Reply again = client.send("PUT", "/leaves/" + TOM_DOCTOR + "/approve", "{\"workspace_id\":1}");
        assertError(again, 422, "The given data was invalid.");
        assertThat(again.errors().path("status").get(0).asText())
                .isEqualTo("Only pending leaves can be approved; this one is approved.");
    }

    @Test
    void rejectsAPendingLeaveWithAReason() {
        Reply noReason = client.send("PUT", "/leaves/" + RITA_PENDING + "/reject", "{\"workspace_id\":1}");
        assertError(noReason, 422, null);
        assertThat(noReason.errors().path("reason").get(0).asText()).isEqualTo("The reason field is required.");

        Reply reply = client.send("PUT", "/leaves/" + RITA_PENDING + "/reject",
                "{\"workspace_id\":1,\"reason\":\"Two people of the Web team are already away.\"}");
        assertSuccess(reply, 200, "Leave rejected successfully");
        SandboxLeave stored = sandbox.get().state().leave(RITA_PENDING).orElseThrow();
        assertThat(stored.status()).isEqualTo("rejected");
        assertThat(stored.rejectedBy()).isEqualTo(100);
        assertThat(stored.rejectReason()).isEqualTo("Two people of the Web team are already away.");

        Reply both = client.send("PUT", "/leaves/" + PRIYA_ANNUAL + "/reject", "{\"workspace_id\":1}");
        assertThat(both.errors().fieldNames()).toIterable().containsExactly("reason", "status");
        assertThat(both.errors().path("status").get(0).asText())
                .isEqualTo("Only pending leaves can be rejected; this one is approved.");
    }

    @Test
    void onlyAdminsDecideAndUnknownLeavesAre404() {
        String body = "{\"workspace_id\":1}";
        assertError(client.send("PUT", "/leaves/" + TOM_DOCTOR + "/approve", body, TimeSandbox.TEAM_MANAGER,
                SandboxClient.JSON), 403, null);
        assertError(client.send("PUT", "/leaves/" + TOM_DOCTOR + "/reject", "{\"workspace_id\":1,\"reason\":\"x\"}",
                TimeSandbox.PM, SandboxClient.JSON), 403, null);
        assertError(client.send("PUT", "/leaves/unknown/approve", body), 404, "Leave not found.");
        assertError(client.send("PUT", "/leaves/" + TOM_DOCTOR + "/approve", "{\"workspace_id\":2}"), 404,
                "Leave not found.");
        assertError(client.send("POST", "/leaves/" + TOM_DOCTOR + "/approve", body), 405, "Method not allowed.");
    }

    private Reply request(String fields) {
        return client.send("POST", "/leaves", "{\"workspace_id\":1," + fields.substring(1));
    }

    static List<String> starts(JsonNode leaves) {
        List<String> result = new ArrayList<>();
        leaves.forEach(l -> result.add(l.path("start_date").asText()));
        return result;
    }

    static List<String> ids(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(l -> result.add(l.path("id").asText()));
        return result;
    }
}
