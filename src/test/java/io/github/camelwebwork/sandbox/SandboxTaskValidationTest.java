package io.github.camelwebwork.sandbox;

import static io.github.camelwebwork.sandbox.SandboxConventionsTest.assertError;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.sandbox.SandboxClient.Reply;
import io.github.camelwebwork.support.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sandbox's 422 answers (H6), the create limits of "Tasks: wire examples", §4 pagination and list filters, over
 * raw HTTP. The component's own refusals, before anything is sent, are {@code component.TaskValidationTest}.
 */
class SandboxTaskValidationTest {

    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(WebworkSandbox::startDefault);
    private final SandboxClient client = new SandboxClient(sandbox);

    @Test
    void reportsEveryMissingFieldAtOnce() {
        Reply reply = client.send("POST", "/tasks", "{}");

        assertError(reply, 422, "The given data was invalid.");
        assertThat(messages(reply, "workspace_id")).isEqualTo("The workspace id field is required.");
        assertThat(messages(reply, "project_id")).isEqualTo("The project id field is required.");
        assertThat(messages(reply, "title")).isEqualTo("The title field is required.");
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        String title = "x".repeat(1025);
        Reply reply = client.send("POST", "/tasks", "{\"workspace_id\":1,\"project_id\":100,\"title\":\"" + title
                + "\",\"status\":5,\"priority\":0,\"start_date\":\"2024-13-01\",\"end_date\":\"30/01/2024\","
                + "\"assignees\":\"100\",\"description\":42,\"unknown_field\":true}");

        assertError(reply, 422, null);
        assertThat(reply.errors().fieldNames()).toIterable().containsExactlyInAnyOrder("title", "status",
                "priority", "start_date", "end_date", "assignees", "description");
        assertThat(messages(reply, "title")).isEqualTo("The title may not be greater than 1024 characters.");
        assertThat(messages(reply, "status")).isEqualTo("The selected status is invalid.");
        assertThat(messages(reply, "priority")).isEqualTo("The selected priority is invalid.");
        assertThat(messages(reply, "start_date")).isEqualTo("The start date does not match the format Y-m-d.");
        assertThat(messages(reply, "assignees")).isEqualTo("The assignees must be an array.");
        assertThat(messages(reply, "description")).isEqualTo("The description must be a string.");
        assertThat(sandbox.get().state().allTasks()).hasSize(16);
    }

    @Test
    void acceptsTheLimitsThemselves() {
        String body = "{\"workspace_id\":1,\"project_id\":100,\"title\":\"" + "é".repeat(1024)
                + "\",\"description\":null,\"status\":30,\"priority\":10,\"start_date\":\"2024-02-01\","
                + "\"end_date\":\"2024-02-01\",\"assignees\":[]}";
        Reply reply = client.send("POST", "/tasks", body);

        assertThat(reply.status()).as(reply.json().toString()).isEqualTo(201);
        assertThat(reply.data().path("completed_at").isTextual()).isTrue(); // created as Completed
    }

    @Test
    void endDateMustNotPrecedeStartDate() {
        Reply create = client.send("POST", "/tasks", "{\"workspace_id\":1,\"project_id\":100,\"title\":\"x\","
                + "\"start_date\":\"2024-02-10\",\"end_date\":\"2024-02-09\"}");
        assertError(create, 422, null);
        assertThat(messages(create, "end_date")).isEqualTo("The end date must be a date after or equal to start date.");

        // task 500 runs 2024-01-08..2024-01-19: the check uses the resulting values
        Reply update = client.send("PUT", "/tasks/500", "{\"workspace_id\":1,\"project_id\":100,"
                + "\"start_date\":\"2024-01-20\"}");
        assertError(update, 422, null);
        assertThat(messages(update, "start_date"))
                .isEqualTo("The start date must be a date before or equal to end date.");
        Reply fine = client.send("PUT", "/tasks/500", "{\"workspace_id\":1,\"project_id\":100,"
                + "\"start_date\":\"2024-01-20\",\"end_date\":null}");
        assertThat(fine.status()).isEqualTo(200);
        assertThat(fine.data().get("end_date").isNull()).isTrue();
    }

    @Test
    void assigneesMustBeMembersOfTheWorkspace() {
        Reply reply = client.send("POST", "/tasks", "{\"workspace_id\":1,\"project_id\":100,\"title\":\"x\","
                + "\"assignees\":[101,110,\"a\",106]}");

        assertError(reply, 422, null);
        assertThat(messages(reply, "assignees.2")).isEqualTo("The assignees.2 must be an integer.");
        reply = client.send("POST", "/tasks", "{\"workspace_id\":1,\"project_id\":100,\"title\":\"x\","
                + "\"assignees\":[101,110,106]}");
        assertThat(reply.errors().fieldNames()).toIterable().containsExactly("assignees.1", "assignees.2");
        assertThat(messages(reply, "assignees.1")).isEqualTo("The selected assignees.1 is invalid.");
    }

    @Test
    void updateChangesOnlyWhatIsSentAndTracksCompletion() {
        Reply done = client.send("PUT", "/tasks/502", "{\"workspace_id\":1,\"project_id\":100,\"status\":20}");
        assertThat(done.data().path("completed_at").isTextual()).isTrue();
        assertThat(done.data().path("title").asText()).isEqualTo("Write content style guide");
        assertThat(done.data().path("priority").asInt()).isEqualTo(40);

        Reply reopened = client.send("PUT", "/tasks/502", "{\"workspace_id\":1,\"project_id\":100,\"status\":0,"
                + "\"assignees\":[103,103,104],\"title\":\"Style guide\"}");
        assertThat(reopened.data().get("completed_at").isNull()).isTrue();
        assertThat(ids(reopened.data().get("assignees"))).containsExactly(103L, 104L);
        assertThat(reopened.data().path("title").asText()).isEqualTo("Style guide");

        Reply blankTitle = client.send("PUT", "/tasks/502", "{\"workspace_id\":1,\"project_id\":100,\"title\":\"\"}");
        assertThat(messages(blankTitle, "title")).isEqualTo("The title field is required.");
    }

    @Test
    void validatesListParameters() {
        Reply reply = client.get("/tasks?workspace_id=1&project_id=100&status=7&priority=x&page=0&per_page=101");

        assertError(reply, 422, null);
        assertThat(messages(reply, "status")).isEqualTo("The selected status is invalid.");
        assertThat(messages(reply, "priority")).isEqualTo("The priority must be an integer.");
        assertThat(messages(reply, "page")).isEqualTo("The page must be at least 1.");
        assertThat(messages(reply, "per_page")).isEqualTo("The per page must be between 1 and 100.");
        assertThat(client.get("/tasks?workspace_id=1&project_id=100&per_page=0").status()).isEqualTo(422);
        assertThat(client.get("/tasks?workspace_id=1&project_id=100&per_page=100").status()).isEqualTo(200);
    }

    @Test
    void filtersByStatusAndPriority() {
        assertThat(ids(client.get("/tasks?workspace_id=1&project_id=100&status=30").data())).containsExactly(501L);
        assertThat(ids(client.get("/tasks?workspace_id=1&project_id=100&priority=10").data()))
                .containsExactly(504L, 507L);
        assertThat(ids(client.get("/tasks?workspace_id=1&project_id=100&status=0&priority=40").data()))
                .containsExactly(502L, 508L);
    }

    @Test
    void paginatesInStableIdOrder() {
        sandbox.get().state().addTasks(1, 102, 25);

        Reply third = client.get("/tasks?workspace_id=1&project_id=102&per_page=10&page=3");
        JsonNode pagination = third.pagination();
        assertThat(pagination.path("total").asInt()).isEqualTo(25);
        assertThat(pagination.path("per_page").asInt()).isEqualTo(10);
        assertThat(pagination.path("current_page").asInt()).isEqualTo(3);
        assertThat(pagination.path("last_page").asInt()).isEqualTo(3);
        assertThat(pagination.path("from").asInt()).isEqualTo(21);
        assertThat(pagination.path("to").asInt()).isEqualTo(25);
        assertThat(third.data()).hasSize(5);
        assertThat(ids(third.data())).isSorted();

        Reply beyond = client.get("/tasks?workspace_id=1&project_id=102&per_page=10&page=4");
        assertThat(beyond.data()).isEmpty();
        assertThat(beyond.pagination().get("from").isNull()).isTrue();
        assertThat(beyond.pagination().get("last_page").asInt()).isEqualTo(3);

        Reply empty = client.get("/tasks?workspace_id=1&project_id=102&status=30");
        assertThat(empty.pagination().path("total").asInt()).isZero();
        assertThat(empty.pagination().path("last_page").asInt()).isEqualTo(1);
    }

    private static String messages(Reply reply, String field) {
        JsonNode list = reply.errors().get(field);
        assertThat(list).as("errors." + field + " in " + reply.json()).isNotNull();
        return list.get(0).asText();
    }
}
