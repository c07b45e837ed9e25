package io.github.camelwebwork.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.sandbox.SandboxClient.Reply;
import io.github.camelwebwork.support.SandboxExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each request of the reference's "Tasks: wire examples", sent byte for byte as documented. */
class TasksWireExamplesTest {

    static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z";
    static final List<String> TASK_FIELDS = List.of("id", "title", "description", "project_id", "owner_id",
            "creator_id", "status", "priority", "start_date", "end_date", "completed_at", "assignees", "has_details",
            "parent_id", "created_at", "updated_at", "deleted_at");
    static final String SCOPE = "{\"workspace_id\":1,\"project_id\":100}";

    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(WebworkSandbox::startDefault);
    private final SandboxClient client = new SandboxClient(sandbox);

    @Test
    void listsTheTasksOfAProjectWithPagination() {
        Reply reply = client.get("/tasks?workspace_id=1&project_id=100");

        assertSuccess(reply, 200, "Tasks retrieved successfully");
        assertThat(ids(reply.data())).containsExactly(500L, 501L, 502L, 503L, 504L, 505L, 506L, 507L, 508L, 509L, 510L);
        JsonNode pagination = reply.pagination();
        assertThat(pagination.path("total").asInt()).isEqualTo(11);
        assertThat(pagination.path("per_page").asInt()).isEqualTo(20);
        assertThat(pagination.path("current_page").asInt()).isEqualTo(1);
        assertThat(pagination.path("last_page").asInt()).isEqualTo(1);
        assertThat(pagination.path("from").asInt()).isEqualTo(1);
        assertThat(pagination.path("to").asInt()).isEqualTo(11);
    }

    @Test
    void createsATask() {
        Reply reply = client.send("POST", "/tasks", "{\"workspace_id\":1,\"project_id\":100,"
                + "\"title\":\"Implement user authentication\",\"description\":\"Add OAuth2 authentication support\","
                + "\"status\":0,\"priority\":30,\"start_date\":\"2024-01-15\",\"end_date\":\"2024-01-30\","
                + "\"assignees\":[100,101]}");

        assertSuccess(reply, 201, "Task created successfully");
        JsonNode task = reply.data();
        assertTaskShape(task);
        assertThat(task.path("id").asLong()).isEqualTo(516); // seed's highest id is 515
        assertThat(task.path("title").asText()).isEqualTo("Implement user authentication");
        assertThat(task.path("description").asText()).isEqualTo("Add OAuth2 authentication support");
        assertThat(task.path("project_id").asLong()).isEqualTo(100);
        assertThat(task.path("owner_id").asLong()).isEqualTo(100);
        assertThat(task.path("creator_id").asLong()).isEqualTo(100);
        assertThat(task.path("status").asInt()).isZero();
        assertThat(task.path("priority").asInt()).isEqualTo(30);
        assertThat(task.path("start_date").asText()).isEqualTo("2024-01-15");
        assertThat(task.path("end_date").asText()).isEqualTo("2024-01-30");
        assertThat(task.get("completed_at").isNull()).isTrue();
        assertThat(task.get("deleted_at").isNull()).isTrue();
        assertThat(task.path("has_details").asBoolean()).isTrue();
        assertThat(ids(task.get("assignees"))).containsExactly(100L, 101L);
        assertThat(task.get("assignees").get(1).path("email").asText()).isEqualTo("ethan@acme.example");
        assertThat(task.path("created_at").asText()).matches(TIMESTAMP);
        assertThat(sandbox.get().state().task(516)).isPresent();
    }

    @Test
    void createsWithDefaults() {
        Reply reply = client.send("POST", "/tasks", "{\"workspace_id\":1,\"project_id\":100,\"title\":\"T\"}");

        assertSuccess(reply, 201, "Task created successfully");
        assertThat(reply.data().path("status").asInt()).isEqualTo(0);
        assertThat(reply.data().path("priority").asInt()).isEqualTo(30);
        assertThat(reply.data().get("description").isNull()).isTrue();
        assertThat(reply.data().path("has_details").asBoolean()).isFalse();
        assertThat(reply.data().get("assignees")).isEmpty();
    }

    @Test
    void getsATask() {
        Reply reply = client.get("/tasks/500?workspace_id=1&project_id=100");

        assertSuccess(reply, 200, "Task retrieved successfully");
        assertTaskShape(reply.data());
        assertThat(reply.data().path("id").asLong()).isEqualTo(500);
        assertThat(reply.data().path("title").asText()).isEqualTo("Design new homepage");
        assertThat(ids(reply.data().get("assignees"))).containsExactly(100L, 102L);
        assertThat(reply.data().get("assignees").get(0).path("firstname").asText()).isEqualTo("Olivia");
    }

    @Test
    void updatesATask() {
        String before = client.get("/tasks/500?workspace_id=1&project_id=100").data().path("updated_at").asText();

        Reply reply = client.send("PUT", "/tasks/500", "{\"workspace_id\":1,\"project_id\":100,\"title\":\"...\","
                + "\"description\":\"...\",\"status\":10,\"priority\":20,\"start_date\":\"2024-01-15\","
                + "\"end_date\":\"2024-01-30\"}");

        assertSuccess(reply, 200, "Task updated successfully");
        JsonNode task = reply.data();
        assertTaskShape(task);
        assertThat(task.path("title").asText()).isEqualTo("...");
        assertThat(task.path("status").asInt()).isEqualTo(10);
        assertThat(task.path("priority").asInt()).isEqualTo(20);
        assertThat(task.path("start_date").asText()).isEqualTo("2024-01-15");
        assertThat(task.path("updated_at").asText()).matches(TIMESTAMP).isGreaterThan(before);
        assertThat(ids(task.get("assignees"))).containsExactly(100L, 102L); // not sent, so kept
    }

    @Test
    void deletesATaskSoftly() {
        Reply reply = client.send("DELETE", "/tasks/500", SCOPE);

        assertSuccess(reply, 200, "Task deleted successfully");
        assertThat(reply.data().isNull()).isTrue();
        assertThat(client.get("/tasks/500?workspace_id=1&project_id=100").status()).isEqualTo(404);
        assertThat(client.get("/tasks/500/assignees?workspace_id=1&project_id=100").status()).isEqualTo(404);
        assertThat(client.send("PUT", "/tasks/500", SCOPE).status()).isEqualTo(404);
        assertThat(client.send("DELETE", "/tasks/500", SCOPE).status()).isEqualTo(404);
        assertThat(ids(client.get("/tasks?workspace_id=1&project_id=100").data())).doesNotContain(500L);
        SandboxTask deleted = sandbox.get().state().task(500).orElseThrow();
        assertThat(deleted.deletedAt()).isNotNull();
        assertThat(deleted.title()).isEqualTo("Design new homepage");
        assertThat(sandbox.get().state().tasks(1, 100)).extracting(SandboxTask::id).doesNotContain(500L);
    }

    @Test
    void listsAssignees() {
        Reply reply = client.get("/tasks/500/assignees?workspace_id=1&project_id=100");

        assertSuccess(reply, 200, "Task assignees retrieved successfully");
        assertThat(ids(reply.data())).containsExactly(100L, 102L);
        JsonNode priya = reply.data().get(1);
        assertThat(priya.path("firstname").asText()).isEqualTo("Priya");
        assertThat(priya.path("lastname").asText()).isEqualTo("Manager");
        assertThat(priya.path("email").asText()).isEqualTo("priya@acme.example");
    }

    @Test
    void assignsAUser() {
        Reply reply = client.send("POST", "/tasks/502/assign/100", SCOPE);

        assertSuccess(reply, 200, "Task assigned successfully");
        JsonNode assignee = reply.data();
        assertThat(fieldNames(assignee)).containsExactlyInAnyOrder("id", "firstname", "lastname", "email",
                "user_id", "task_id", "assigner_id");
        assertThat(assignee.path("user_id").asLong()).isEqualTo(100);
        assertThat(assignee.path("task_id").asLong()).isEqualTo(502);
        assertThat(assignee.path("assigner_id").asLong()).isEqualTo(100);
        assertThat(assignee.path("email").asText()).isEqualTo("olivia@acme.example");
        assertThat(sandbox.get().state().task(502).orElseThrow().assigneeIds()).containsExactly(100L);
    }

    @Test
    void assigningAnAssignedUserIsIdempotent() {
        Reply first = client.send("POST", "/tasks/500/assign/100", SCOPE);
        Reply again = client.send("POST", "/tasks/500/assign/100", SCOPE);

        assertSuccess(again, 200, "Task assigned successfully");
        assertThat(again.data().path("id").asLong()).isEqualTo(first.data().path("id").asLong());
        assertThat(sandbox.get().state().task(500).orElseThrow().assigneeIds()).containsExactly(100L, 102L);
    }

    @Test
    void unassignsAUser() {
        Reply reply = client.send("DELETE", "/tasks/500/unassign/100", SCOPE);

        assertSuccess(reply, 200, "Task unassigned successfully");
        assertThat(sandbox.get().state().task(500).orElseThrow().assigneeIds()).containsExactly(102L);
        assertThat(client.send("DELETE", "/tasks/500/unassign/100", SCOPE).status()).isEqualTo(404);
    }

    static void assertSuccess(Reply reply, int status, String message) {
        assertThat(reply.status()).as(reply.json().toString()).isEqualTo(status);
        assertThat(reply.json().path("success").asBoolean()).isTrue();
        assertThat(reply.message()).isEqualTo(message);
        assertThat(reply.json().has("data")).isTrue();
        assertThat(reply.json().path("meta").path("api_version").asText()).isEqualTo("2.0.0");
        assertThat(reply.json().path("meta").path("timestamp").asText()).matches(TIMESTAMP);
    }

    static void assertTaskShape(JsonNode task) {
        assertThat(fieldNames(task)).containsExactlyInAnyOrderElementsOf(TASK_FIELDS);
        task.get("assignees").forEach(a ->
                assertThat(fieldNames(a)).containsExactlyInAnyOrder("id", "firstname", "lastname", "email"));
    }

    static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.path("id").asLong()));
        return ids;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
