package io.github.camelwebwork.sandbox;

import static io.github.camelwebwork.sandbox.SandboxConventionsTest.assertError;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.TIMESTAMP;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.assertSuccess;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.fieldNames;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.sandbox.SandboxClient.Reply;
import io.github.camelwebwork.support.SandboxExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** §7.4 Contracts over raw HTTP. */
class ContractsApiTest {

    static final List<String> CONTRACT_FIELDS = List.of("id", "project_id", "project_name", "project_icon", "user_id",
            "user_firstname", "user_lastname", "user_email", "user_role", "weekly_hours_limit", "screenshots",
            "screenshots_label", "rate", "rate_type", "status", "currency", "contract_name", "created_at",
            "updated_at");
    private static final String JSON = SandboxClient.JSON;

    private final TimeSandbox.MovableClock clock = new TimeSandbox.MovableClock();
    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(() -> TimeSandbox.start(clock));
    private final SandboxClient client = new SandboxClient(sandbox);

    @Test
    void listsTheLiveContractsWithTheirShapeAndPagination() {
        Reply reply = client.get("/contracts?workspace_id=1&per_page=4&page=2");

        assertSuccess(reply, 200, "Contracts retrieved successfully");
        assertThat(ids(reply.data())).containsExactly(304L, 305L, 306L, 307L);
        assertThat(reply.pagination().path("total").asInt()).isEqualTo(10); // 310 is soft-deleted
        assertThat(reply.pagination().path("last_page").asInt()).isEqualTo(3);
        assertThat(reply.pagination().path("from").asInt()).isEqualTo(5);
        assertThat(reply.pagination().path("to").asInt()).isEqualTo(8);
        JsonNode mobile = reply.data().get(1);
        assertThat(fieldNames(mobile)).containsExactlyInAnyOrderElementsOf(CONTRACT_FIELDS);
        assertThat(mobile.path("project_name").asText()).isEqualTo("Mobile App");
        assertThat(mobile.path("user_firstname").asText()).isEqualTo("Tom");
        assertThat(mobile.path("user_email").asText()).isEqualTo("tom@acme.example");
        assertThat(mobile.path("user_role").asText()).isEqualTo("Team manager");
        assertThat(mobile.path("screenshots").asText()).isEqualTo("blurred");
        assertThat(mobile.path("screenshots_label").asText()).isEqualTo("Blurred screenshot");
        assertThat(mobile.path("rate").asDouble()).isEqualTo(100.0); // custom rate
        assertThat(mobile.path("rate_type").asInt()).isEqualTo(1);
        assertThat(mobile.path("currency").asText()).isEqualTo("USD");
        assertThat(mobile.path("contract_name").asText()).isEqualTo("Mobile App - Tom Teamlead");
        assertThat(mobile.path("created_at").asText()).matches(TIMESTAMP);
        assertThat(reply.data().get(3).get("rate").isNull()).isTrue(); // project 102 is not billable

        assertThat(ids(client.get("/contracts?workspace_id=1&project_id=101").data()))
                .containsExactly(304L, 305L, 306L);
        assertThat(ids(client.get("/contracts?workspace_id=1&user_id=104").data())).containsExactly(305L, 308L, 309L);
        assertThat(ids(client.get("/contracts?workspace_id=1&status=paused").data())).containsExactly(306L);
        assertThat(ids(client.get("/contracts?workspace_id=2").data())).containsExactly(320L);
        Reply bad = client.get("/contracts?workspace_id=1&status=ended&per_page=101&user_id=x");
        assertError(bad, 422, "The given data was invalid.");
        assertThat(bad.errors().fieldNames()).toIterable().containsExactlyInAnyOrder("status", "per_page", "user_id");
        assertError(client.get("/contracts"), 422, null);
    }

    @Test
    void filtersContractsByTheCallersRole() {
        Reply regular = client.get("/contracts?workspace_id=1", TimeSandbox.REGULAR);
        assertThat(ids(regular.data())).containsExactly(303L, 306L);
        assertThat(regular.data().get(0).get("rate").isNull()).isTrue(); // rate_status 0
        assertThat(regular.data().get(0).get("currency").isNull()).isTrue();
        assertThat(ids(client.get("/contracts?workspace_id=1", TimeSandbox.PM).data())).containsExactly(302L, 304L);
        assertThat(ids(client.get("/contracts?workspace_id=1", TimeSandbox.TEAM_MANAGER).data()))
                .containsExactly(305L, 308L, 309L);
        assertThat(ids(client.get("/contracts?workspace_id=1", TimeSandbox.VIEWER).data())) // clients: their projects
                .containsExactly(300L, 301L, 302L, 303L, 309L);
        assertThat(ids(client.get("/contracts?workspace_id=1", TimeSandbox.EXEC).data())).hasSize(10);
        assertError(client.get("/contracts/300?workspace_id=1", TimeSandbox.REGULAR), 404, "Contract not found.");
    }

    @Test
    void getsAContract() {
        Reply reply = client.get("/contracts/302?workspace_id=1");

        assertSuccess(reply, 200, "Contract retrieved successfully");
        assertThat(fieldNames(reply.data())).containsExactlyInAnyOrderElementsOf(CONTRACT_FIELDS);
        assertThat(reply.data().path("user_lastname").asText()).isEqualTo("Manager");
        assertThat(reply.data().path("rate").asDouble()).isEqualTo(90.0);
        assertThat(reply.data().path("weekly_hours_limit").asInt()).isEqualTo(40);
        assertError(client.get("/contracts/310?workspace_id=1"), 404, "Contract not found."); // soft-deleted
        assertError(client.get("/contracts/320?workspace_id=1"), 404, "Contract not found."); // workspace 2
        assertError(client.get("/contracts/999?workspace_id=1"), 404, "Contract not found.");
        assertError(client.get("/contracts/abc?workspace_id=1"), 404, "Contract not found.");
        assertError(client.get("/contracts/302?workspace_id=99"), 404, "Workspace not found.");
    }

    @Test
    void createsAContractWithDefaults() {
        Reply reply = client.send("POST", "/contracts", "{\"workspace_id\":1,\"project_id\":102,\"user_id\":103}");

        assertSuccess(reply, 201, "Contract created successfully");
        JsonNode c = reply.data();
        assertThat(fieldNames(c)).containsExactlyInAnyOrderElementsOf(CONTRACT_FIELDS);
        assertThat(c.path("id").asLong()).isEqualTo(321);
        assertThat(c.path("weekly_hours_limit").asInt()).isEqualTo(168);
        assertThat(c.path("screenshots").asText()).isEqualTo("no_screenshot"); // the project's setting
        assertThat(c.path("screenshots_label").asText()).isEqualTo("Screenshot off");
        assertThat(c.path("rate_type").asInt()).isEqualTo(3);
        assertThat(c.path("status").asText()).isEqualTo("active");
        assertThat(c.path("created_at").asText()).matches(TIMESTAMP).startsWith("2024-05-15T15:00:00.");
        assertThat(sandbox.get().state().contract(321)).get().extracting(SandboxContract::userId).isEqualTo(103L);
    }

    @Test
    void createsAContractWithACustomRate() {
        Reply reply = client.send("POST", "/contracts", "{\"workspace_id\":1,\"project_id\":101,\"user_id\":101,"
                + "\"weekly_hours_limit\":30,\"screenshots\":\"video_full\",\"rate\":110.5}");

        assertSuccess(reply, 201, "Contract created successfully");
        assertThat(reply.data().path("rate").asDouble()).isEqualTo(110.5);
        assertThat(reply.data().path("rate_type").asInt()).isEqualTo(1);
        assertThat(reply.data().path("weekly_hours_limit").asInt()).isEqualTo(30);
        assertThat(reply.data().path("screenshots_label").asText()).isEqualTo("Video on");
    }

    @Test
    void refusesASecondContractForTheSameMemberAndProject() {
        Reply reply = client.send("POST", "/contracts", "{\"workspace_id\":1,\"project_id\":100,\"user_id\":103}");

        assertError(reply, 422, "The given data was invalid.");
        assertThat(reply.errors().path("user_id").get(0).asText())
                .isEqualTo("The member already has a contract for this project.");
        // a soft-deleted contract does not count
        String body = "{\"workspace_id\":1,\"project_id\":102,\"user_id\":103}";
        long id = client.send("POST", "/contracts", body).data().path("id").asLong();
        assertThat(client.send("DELETE", "/contracts/" + id, "{\"workspace_id\":1}").status()).isEqualTo(200);
        assertThat(client.send("POST", "/contracts", body).status()).isEqualTo(201);
    }

    @Test
    void validatesEveryCreateFieldAtOnce() {
        Reply reply = client.send("POST", "/contracts", "{\"workspace_id\":1,\"user_id\":\"103\","
                + "\"weekly_hours_limit\":200,\"screenshots\":\"sometimes\",\"rate\":-1}");

        assertError(reply, 422, "The given data was invalid.");
        JsonNode errors = reply.errors();
        assertThat(errors.path("project_id").get(0).asText()).isEqualTo("The project id field is required.");
        assertThat(errors.path("user_id").get(0).asText()).isEqualTo("The user id must be an integer.");
        assertThat(errors.path("weekly_hours_limit").get(0).asText())
                .isEqualTo("The weekly hours limit must be between 1 and 168.");
        assertThat(errors.path("screenshots").get(0).asText()).isEqualTo("The selected screenshots is invalid.");
        assertThat(errors.path("rate").get(0).asText()).isEqualTo("The rate must be at least 0.");

        Reply unknown = client.send("POST", "/contracts", "{\"workspace_id\":1,\"project_id\":200,\"user_id\":105}");
        assertThat(unknown.errors().path("project_id").get(0).asText()).isEqualTo("The selected project id is invalid.");
        assertThat(unknown.errors().path("user_id").get(0).asText()).isEqualTo("The selected user id is invalid.");
        Reply left = client.send("POST", "/contracts", "{\"workspace_id\":1,\"project_id\":101,\"user_id\":106}");
        assertThat(left.errors().has("user_id")).isTrue();
    }

    @Test
    void onlyOwnersAndExecutiveManagersWrite() {
        String body = "{\"workspace_id\":1,\"project_id\":102,\"user_id\":103}";
        assertError(client.send("POST", "/contracts", body, TimeSandbox.PM, JSON), 403, "This action is unauthorized.");
        assertError(client.send("PUT", "/contracts/303", "{\"workspace_id\":1,\"status\":\"paused\"}",
                TimeSandbox.REGULAR, JSON), 403, null);
        assertError(client.send("DELETE", "/contracts/303", "{\"workspace_id\":1}", TimeSandbox.TEAM_MANAGER, JSON),
                403, null);
        assertThat(client.send("POST", "/contracts", body, TimeSandbox.EXEC, JSON).status()).isEqualTo(201);
        assertThat(sandbox.get().state().contract(303).orElseThrow().status()).isEqualTo("active");
    }

    @Test
    void refusesWorkspaceIdInTheQueryOfWrites() {
        Reply post = client.send("POST", "/contracts?workspace_id=1", "{\"project_id\":102,\"user_id\":103}");
        assertError(post, 422, null);
        assertThat(post.errors().path("workspace_id").get(0).asText()).isEqualTo("The workspace id field is required.");
        assertThat(post.json().path("error").asText()).contains("H1");
        assertError(client.send("PUT", "/contracts/303?workspace_id=1", "{\"status\":\"paused\"}"), 422, null);
        assertError(client.send("DELETE", "/contracts/303?workspace_id=1", null, sandbox.get().token(), null), 422,
                null);
        assertThat(sandbox.get().state().contract(303).orElseThrow().isDeleted()).isFalse();
    }

    @Test
    void updatesAContract() {
        String before = client.get("/contracts/303?workspace_id=1").data().path("updated_at").asText();

        Reply reply = client.send("PUT", "/contracts/303", "{\"workspace_id\":1,\"weekly_hours_limit\":20,"
                + "\"screenshots\":\"no_preview\",\"rate\":70,\"status\":\"paused\"}");

        assertSuccess(reply, 200, "Contract updated successfully");
        assertThat(reply.data().path("weekly_hours_limit").asInt()).isEqualTo(20);
        assertThat(reply.data().path("screenshots_label").asText()).isEqualTo("Screenshot without preview");
        assertThat(reply.data().path("rate").asDouble()).isEqualTo(70.0);
        assertThat(reply.data().path("rate_type").asInt()).isEqualTo(1);
        assertThat(reply.data().path("status").asText()).isEqualTo("paused");
        assertThat(reply.data().path("updated_at").asText()).isGreaterThan(before);

        Reply back = client.send("PUT", "/contracts/303", "{\"workspace_id\":1,\"rate\":null,\"status\":\"active\"}");
        assertThat(back.data().path("rate").asDouble()).isEqualTo(85.0); // the project rate again
        assertThat(back.data().path("rate_type").asInt()).isEqualTo(3);
        assertThat(back.data().path("weekly_hours_limit").asInt()).isEqualTo(20); // not sent, so kept

        Reply bad = client.send("PUT", "/contracts/303", "{\"workspace_id\":1,\"status\":\"ended\","
                + "\"weekly_hours_limit\":0}");
        assertThat(bad.errors().fieldNames()).toIterable().containsExactlyInAnyOrder("status", "weekly_hours_limit");
        assertError(client.send("PUT", "/contracts/310", "{\"workspace_id\":1}"), 404, "Contract not found.");
    }

    @Test
    void pausingAContractStopsItsRunningTracker() {
        client.send("POST", "/time-tracking/start", "{\"workspace_id\":1,\"user_id\":103,\"contract_id\":303}");
        clock.advance(Duration.ofMinutes(25));

        client.send("PUT", "/contracts/303", "{\"workspace_id\":1,\"status\":\"paused\"}");

        assertThat(sandbox.get().state().runningTimeEntry(103)).isEmpty();
        Reply start = client.send("POST", "/time-tracking/start",
                "{\"workspace_id\":1,\"user_id\":103,\"contract_id\":303}");
        assertThat(start.errors().path("contract_id").get(0).asText()).isEqualTo("The selected contract is paused.");
    }

    @Test
    void deletesAContractSoftly() {
        client.send("POST", "/time-tracking/start", "{\"workspace_id\":1,\"user_id\":104,\"contract_id\":308}");
        clock.advance(Duration.ofMinutes(10));

        Reply reply = client.send("DELETE", "/contracts/308", "{\"workspace_id\":1}");

        assertSuccess(reply, 200, "Contract deleted successfully");
        assertThat(reply.data().isNull()).isTrue();
        assertError(client.get("/contracts/308?workspace_id=1"), 404, "Contract not found.");
        assertError(client.send("DELETE", "/contracts/308", "{\"workspace_id\":1}"), 404, "Contract not found.");
        assertThat(ids(client.get("/contracts?workspace_id=1&user_id=104").data())).containsExactly(305L, 309L);
        SandboxContract deleted = sandbox.get().state().contract(308).orElseThrow();
        assertThat(deleted.deletedAt()).isNotNull();
        assertThat(deleted.weeklyHoursLimit()).isEqualTo(20);
        assertThat(sandbox.get().state().runningTimeEntry(104)).isEmpty(); // its tracker stopped
    }
}
