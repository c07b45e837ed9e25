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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** §7.3 Projects: create, update, archive, tags, contracts_count, and the list's filter and pagination. */
class ProjectsApiTest {

    static final List<String> PROJECT_FIELDS = List.of("id", "name", "owner_id", "start_date", "deadline",
            "estimation", "budget_estimation", "notes", "icon", "is_billable", "rate", "weekly_hours_limit",
            "screenshots", "tags", "contracts_count", "status", "created_at", "updated_at", "deleted_at");
    private static final String EXEC_TOKEN = "exec-token";
    private static final String PM_TOKEN = "pm-token";
    private static final String CREATE = "{\"workspace_id\":1,\"name\":\"Data Warehouse\","
            + "\"start_date\":\"2024-04-01\","
            + "\"deadline\":\"2024-12-20\",\"estimation\":320.5,\"budget\":42000,\"notes\":\"Phase one\","
            + "\"icon\":\"warehouse.png\"}";

    @RegisterExtension
    final SandboxExtension sandbox = SandboxExtension.of(
            WebworkSandbox.builder().addToken(EXEC_TOKEN, 101).addToken(PM_TOKEN, 102));
    private final SandboxClient client = new SandboxClient(sandbox);

    @Test
    void createsAProject() {
        long nextId = sandbox.get().state().workspaces().stream()
                .flatMap(w -> sandbox.get().state().projects(w.id()).stream())
                .mapToLong(SandboxProject::id).max().orElseThrow() + 1;
        Reply reply = client.send("POST", "/projects", CREATE, EXEC_TOKEN, SandboxClient.JSON);

        assertSuccess(reply, 201, "Project created successfully");
        JsonNode p = reply.data();
        assertThat(fieldNames(p)).containsExactlyInAnyOrderElementsOf(PROJECT_FIELDS);
        assertThat(p.path("id").asLong()).isEqualTo(nextId);
        assertThat(p.path("name").asText()).isEqualTo("Data Warehouse");
        assertThat(p.path("owner_id").asLong()).isEqualTo(101);
        assertThat(p.path("start_date").asText()).isEqualTo("2024-04-01");
        assertThat(p.path("deadline").asText()).isEqualTo("2024-12-20");
        assertThat(p.path("estimation").asDouble()).isEqualTo(320.5);
        assertThat(p.path("budget_estimation").asDouble()).isEqualTo(42000.0);
        assertThat(p.path("notes").asText()).isEqualTo("Phase one");
        assertThat(p.path("icon").asText()).isEqualTo("warehouse.png");
        assertThat(p.path("is_billable").asBoolean()).isFalse();
        assertThat(p.path("status").asInt()).isEqualTo(1);
        assertThat(p.get("tags")).isEmpty();
        assertThat(p.path("contracts_count").asInt()).isZero();
        assertThat(p.path("created_at").asText()).matches(TIMESTAMP);
        assertThat(p.get("deleted_at").isNull()).isTrue();
        assertThat(client.get("/projects/" + nextId + "?workspace_id=1").data()).isEqualTo(p);
        assertThat(ids(client.get("/projects?workspace_id=1").data())).containsExactly(100L, 101L, 102L, nextId);
    }

    @Test
    void showsTagsAndCountsLiveContracts() {
        long counted = sandbox.get().state().addProject(1, "Counting").id();
        long other = sandbox.get().state().addProject(1, "Other").id();
        sandbox.get().state().addContract(SandboxContract.active(1, counted, 103));
        SandboxContract gone = sandbox.get().state().addContract(SandboxContract.active(1, counted, 104));
        sandbox.get().state().saveContract(new SandboxContract(gone.id(), 1, counted, 104, 168, "full", null, 3,
                "active", gone.createdAt(), gone.updatedAt(), gone.createdAt())); // soft-deleted: not counted
        sandbox.get().state().addContract(SandboxContract.active(1, other, 103));

        assertThat(client.get("/projects/" + counted + "?workspace_id=1").data().path("contracts_count").asInt())
                .isEqualTo(1);
        JsonNode p = client.get("/projects/100?workspace_id=1").data();
        assertThat(p.get("tags")).hasSize(2);
        assertThat(p.get("tags").get(0).path("name").asText()).isEqualTo("Client work");
        assertThat(p.get("tags").get(0).path("color").asText()).isEqualTo("#2e7d32");
        assertThat(fieldNames(p.get("tags").get(0))).containsExactly("id", "name", "color");
        assertThat(client.get("/projects/101?workspace_id=1").data().get("tags").get(1).get("color").isNull()).isTrue();
    }

    @Test
    void hidesTheRateFromCallersWhoMayNotSeeRates() {
        assertThat(client.get("/projects/100?workspace_id=1").data().path("rate").asDouble()).isEqualTo(85.0);
        assertThat(client.get("/projects/100?workspace_id=1", WebworkSandbox.REGULAR_USER_TOKEN).data().has("rate"))
                .isFalse();
    }

    @Test
    void createListsEveryFieldError() {
        Reply reply = client.send("POST", "/projects", "{\"workspace_id\":1,\"start_date\":\"2024-05-01\","
                + "\"deadline\":\"2024-04-30\",\"estimation\":\"lots\",\"budget\":-5,\"notes\":7}");

        assertError(reply, 422, "The given data was invalid.");
        assertThat(fieldNames(reply.errors())).containsExactlyInAnyOrder("name", "deadline", "estimation", "budget",
                "notes");
        assertThat(reply.errors().path("name").get(0).asText()).isEqualTo("The name field is required.");
        assertThat(reply.errors().path("deadline").get(0).asText())
                .isEqualTo("The deadline must be a date after or equal to start date.");
        assertThat(reply.errors().path("estimation").get(0).asText()).isEqualTo("The estimation must be a number.");
        assertThat(reply.errors().path("budget").get(0).asText()).isEqualTo("The budget must be at least 0.");
        assertThat(sandbox.get().state().projects(1)).hasSize(3);
    }

    @Test
    void namesAreUniqueAmongLiveProjectsOfAWorkspace() {
        Reply taken = client.send("POST", "/projects", "{\"workspace_id\":1,\"name\":\"mobile app\"}");
        assertError(taken, 422, null);
        assertThat(taken.errors().path("name").get(0).asText()).isEqualTo("The name has already been taken.");
        assertSuccess(client.send("POST", "/projects", "{\"workspace_id\":2,\"name\":\"Mobile App\"}"), 201,
                "Project created successfully");
        client.send("DELETE", "/projects/102", "{\"workspace_id\":1}");
        assertSuccess(client.send("POST", "/projects", "{\"workspace_id\":1,\"name\":\"Internal Tools\"}"), 201,
                "Project created successfully");
    }

    @Test
    void onlyOwnersAndExecutiveManagersWrite() {
        assertError(client.send("POST", "/projects", CREATE, PM_TOKEN, SandboxClient.JSON), 403, null);
        assertError(client.send("PUT", "/projects/100", "{\"workspace_id\":1,\"notes\":\"x\"}", PM_TOKEN,
                SandboxClient.JSON), 403, null);
        assertError(client.send("DELETE", "/projects/100", "{\"workspace_id\":1}", WebworkSandbox.REGULAR_USER_TOKEN,
                SandboxClient.JSON), 403, null);
    }

    @Test
    void updatesOnlyTheFieldsSent() {
        Reply reply = client.send("PUT", "/projects/100", "{\"workspace_id\":1,\"name\":\"Website 2.0\","
                + "\"deadline\":\"2024-07-31\",\"notes\":null,\"budget\":30000}");

        assertSuccess(reply, 200, "Project updated successfully");
        JsonNode p = reply.data();
        assertThat(fieldNames(p)).containsExactlyInAnyOrderElementsOf(PROJECT_FIELDS);
        assertThat(p.path("name").asText()).isEqualTo("Website 2.0");
        assertThat(p.path("deadline").asText()).isEqualTo("2024-07-31");
        assertThat(p.path("start_date").asText()).isEqualTo("2024-01-08");
        assertThat(p.get("notes").isNull()).isTrue();
        assertThat(p.path("budget_estimation").asDouble()).isEqualTo(30000.0);
        assertThat(p.path("estimation").asDouble()).isEqualTo(400.0);
        assertThat(p.path("created_at").asText()).isEqualTo("2024-01-05T09:00:00.000000Z");
        assertThat(p.path("updated_at").asText()).isNotEqualTo("2024-01-05T09:00:00.000000Z");
        assertThat(client.get("/projects?workspace_id=1&name=2.0").data().get(0)).isEqualTo(p);
    }

    @Test
    void updateJudgesTheDeadlineAgainstTheStoredStartDate() {
        Reply reply = client.send("PUT", "/projects/100", "{\"workspace_id\":1,\"deadline\":\"2023-12-31\","
                + "\"name\":\"\",\"icon\":[1]}");

        assertError(reply, 422, null);
        assertThat(fieldNames(reply.errors())).containsExactlyInAnyOrder("deadline", "name", "icon");
        assertThat(sandbox.get().state().project(100).orElseThrow().name()).isEqualTo("Website Relaunch");
    }

    @Test
    void archivingHidesTheProjectButKeepsItsTasks() {
        Reply reply = client.send("DELETE", "/projects/101", "{\"workspace_id\":1}");

        assertSuccess(reply, 200, "Project deleted successfully");
        assertThat(reply.data().isNull()).isTrue();
        assertThat(ids(client.get("/projects?workspace_id=1").data())).containsExactly(100L, 102L);
        assertError(client.get("/projects/101?workspace_id=1"), 404, "Project not found.");
        assertError(client.send("PUT", "/projects/101", "{\"workspace_id\":1,\"notes\":\"x\"}"), 404,
                "Project not found.");
        assertError(client.send("DELETE", "/projects/101", "{\"workspace_id\":1}"), 404, "Project not found.");
        assertError(client.get("/tasks?workspace_id=1&project_id=101"), 404, "Project not found.");
        assertThat(sandbox.get().state().project(101).orElseThrow().deletedAt()).isNotNull();
        assertThat(sandbox.get().state().tasks(1, 101)).hasSize(3);
    }

    @Test
    void workspaceIdInTheQueryOfAWriteIs422() {
        Reply create = client.send("POST", "/projects?workspace_id=1", "{\"name\":\"Q\"}");
        assertError(create, 422, null);
        assertThat(fieldNames(create.errors())).containsExactly("workspace_id");
        assertThat(create.json().path("error").asText()).contains("H1");
        assertError(client.send("DELETE", "/projects/102?workspace_id=1", null, sandbox.get().token(), null), 422,
                null);
        assertThat(ids(client.get("/projects?workspace_id=1").data())).contains(102L);
    }

    @Test
    void unknownProjectsAre404() {
        assertError(client.get("/projects/999?workspace_id=1"), 404, "Project not found.");
        assertError(client.send("PUT", "/projects/200", "{\"workspace_id\":1,\"notes\":\"x\"}"), 404,
                "Project not found."); // workspace 2's project
        assertError(client.send("DELETE", "/projects/x", "{\"workspace_id\":1}"), 404, "Project not found.");
    }

    @Test
    void paginatesAndFiltersByName() {
        for (int i = 1; i <= 5; i++) {
            sandbox.get().state().addProject(1, "Campaign " + i);
        }
        Reply page = client.get("/projects?workspace_id=1&name=CAMPAIGN&per_page=2&page=3");

        assertSuccess(page, 200, "Projects retrieved successfully");
        assertThat(page.data()).hasSize(1);
        assertThat(page.data().get(0).path("name").asText()).isEqualTo("Campaign 5");
        JsonNode p = page.pagination();
        assertThat(p.path("total").asInt()).isEqualTo(5);
        assertThat(p.path("last_page").asInt()).isEqualTo(3);
        assertThat(p.path("from").asInt()).isEqualTo(5);
        assertThat(p.path("to").asInt()).isEqualTo(5);
        assertError(client.get("/projects?workspace_id=1&per_page=0"), 422, null);
    }
}
