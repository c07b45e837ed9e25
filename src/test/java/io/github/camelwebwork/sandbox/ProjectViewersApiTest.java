package io.github.camelwebwork.sandbox;

import static io.github.camelwebwork.sandbox.SandboxConventionsTest.assertError;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.assertSuccess;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.fieldNames;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.sandbox.SandboxClient.Reply;
import io.github.camelwebwork.support.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** §7.6 Project viewers: create, read, archive and restore, and giving and taking projects. */
class ProjectViewersApiTest {

    private static final String PM_TOKEN = "pm-token";
    private static final String SCOPE = "{\"workspace_id\":1}";
    private static final String CREATE = "{\"workspace_id\":1,\"email\":\"carl@client.example\","
            + "\"firstname\":\"Carl\",\"lastname\":\"Client\"}";

    @RegisterExtension
    final SandboxExtension sandbox = SandboxExtension.of(WebworkSandbox.builder().addToken(PM_TOKEN, 102));
    private final SandboxClient client = new SandboxClient(sandbox);

    @Test
    void listsAndGetsTheSeededViewer() {
        Reply list = client.get("/project-viewers?workspace_id=1");
        assertSuccess(list, 200, "Project viewers retrieved successfully");
        assertThat(ids(list.data())).containsExactly(105L);
        assertThat(list.pagination().path("total").asInt()).isEqualTo(1);

        Reply one = client.get("/project-viewers/105?workspace_id=1");
        assertSuccess(one, 200, "Project viewer retrieved successfully");
        JsonNode vera = one.data();
        assertThat(fieldNames(vera)).containsExactlyInAnyOrder("id", "email", "firstname", "lastname", "status",
                "member_since", "projects");
        assertThat(vera.path("email").asText()).isEqualTo("vera@client.example");
        assertThat(vera.path("status").asText()).isEqualTo("active");
        assertThat(vera.path("member_since").asText()).isEqualTo("2024-01-10 14:00:00");
        assertThat(vera.get("projects")).hasSize(1);
        assertThat(vera.get("projects").get(0).path("project_id").asLong()).isEqualTo(100);
        assertThat(vera.get("projects").get(0).path("project_name").asText()).isEqualTo("Website Relaunch");
        assertThat(ids(client.get("/project-viewers?workspace_id=1&email=VERA@client.example").data()))
                .containsExactly(105L);
        assertThat(client.get("/project-viewers?workspace_id=1&email=rita@acme.example").data()).isEmpty();
    }

    @Test
    void createsAnInvitedViewer() {
        Reply reply = client.send("POST", "/project-viewers", CREATE);

        assertSuccess(reply, 201, "Project viewer created successfully");
        JsonNode carl = reply.data();
        long id = carl.path("id").asLong();
        assertThat(carl.path("email").asText()).isEqualTo("carl@client.example");
        assertThat(carl.path("status").asText()).isEqualTo("inactive");
        assertThat(carl.get("member_since").isNull()).isTrue();
        assertThat(carl.get("projects")).isEmpty();
        assertThat(sandbox.get().state().member(1, id).orElseThrow().role()).isEqualTo(Role.PROJECT_VIEWER);
        assertThat(client.get("/members/" + id + "?workspace_id=1").data().path("current_role").asText())
                .isEqualTo("Project viewer");
        assertThat(ids(client.get("/project-viewers?workspace_id=1").data())).containsExactly(105L, id);
    }

    @Test
    void createListsEveryFieldErrorAndRefusesMembers() {
        Reply invalid = client.send("POST", "/project-viewers", "{\"workspace_id\":1,\"email\":\"carl@\","
                + "\"lastname\":42}");
        assertError(invalid, 422, "The given data was invalid.");
        assertThat(fieldNames(invalid.errors())).containsExactlyInAnyOrder("email", "firstname", "lastname");
        assertThat(invalid.errors().path("lastname").get(0).asText()).isEqualTo("The lastname must be a string.");

        Reply taken = client.send("POST", "/project-viewers", CREATE.replace("carl@client.example",
                "tom@acme.example"));
        assertError(taken, 422, null);
        assertThat(taken.errors().path("email").get(0).asText()).isEqualTo("The email has already been taken.");
        assertError(client.send("POST", "/project-viewers", CREATE, PM_TOKEN, SandboxClient.JSON), 403, null);
    }

    @Test
    void archivesAndRestores() {
        Reply archived = client.send("DELETE", "/project-viewers/105", SCOPE);
        assertSuccess(archived, 200, "Project viewer archived successfully");
        assertThat(archived.data().isNull()).isTrue();
        assertThat(client.get("/project-viewers/105?workspace_id=1").data().path("status").asText()).isEqualTo("left");
        assertError(client.send("DELETE", "/project-viewers/105", SCOPE), 400, null);
        assertError(client.send("POST", "/project-viewers/105/assign-project", "{\"workspace_id\":1,"
                + "\"project_id\":101}"), 400, null);

        Reply restored = client.send("POST", "/project-viewers/105/restore", SCOPE);
        assertSuccess(restored, 200, "Project viewer restored successfully");
        assertThat(restored.data().isNull()).isTrue();
        JsonNode vera = client.get("/project-viewers/105?workspace_id=1").data();
        assertThat(vera.path("status").asText()).isEqualTo("active");
        assertThat(vera.get("projects")).hasSize(1); // kept through the archive
        assertError(client.send("POST", "/project-viewers/105/restore", SCOPE), 400, null);
    }

    @Test
    void assignsAndUnassignsProjects() {
        String project101 = "{\"workspace_id\":1,\"project_id\":101}";
        Reply assigned = client.send("POST", "/project-viewers/105/assign-project", project101);
        assertSuccess(assigned, 200, "Project assigned to viewer successfully");
        assertThat(assigned.data().isNull()).isTrue();
        assertSuccess(client.send("POST", "/project-viewers/105/assign-project", project101), 200,
                "Project assigned to viewer successfully"); // idempotent
        JsonNode projects = client.get("/project-viewers/105?workspace_id=1").data().get("projects");
        assertThat(projects).hasSize(2);
        assertThat(projects.get(1).path("project_name").asText()).isEqualTo("Mobile App");

        Reply unassigned = client.send("DELETE", "/project-viewers/105/unassign-project", project101);
        assertSuccess(unassigned, 200, "Project unassigned from viewer successfully");
        assertError(client.send("DELETE", "/project-viewers/105/unassign-project", project101), 404,
                "Project assignment not found.");
        assertThat(sandbox.get().state().viewerProjectIds(1, 105)).containsExactly(100L);
    }

    @Test
    void archivedProjectsDisappearFromTheViewer() {
        client.send("DELETE", "/projects/100", SCOPE);

        assertThat(client.get("/project-viewers/105?workspace_id=1").data().get("projects")).isEmpty();
        assertError(client.send("POST", "/project-viewers/105/assign-project", "{\"workspace_id\":1,"
                + "\"project_id\":100}"), 404, "Project not found.");
    }

    @Test
    void scopeErrorsAndUnknownIds() {
        Reply noProject = client.send("POST", "/project-viewers/105/assign-project?project_id=101", SCOPE);
        assertError(noProject, 422, null);
        assertThat(fieldNames(noProject.errors())).containsExactly("project_id");
        assertThat(noProject.json().path("error").asText()).contains("H1");
        assertError(client.send("DELETE", "/project-viewers/105?workspace_id=1", null, sandbox.get().token(), null),
                422, null);
        assertError(client.send("DELETE", "/project-viewers/105/unassign-project", "{}"), 422, null);
        assertError(client.get("/project-viewers"), 422, null);

        assertError(client.get("/project-viewers/103?workspace_id=1"), 404, "Project viewer not found.");
        assertError(client.get("/project-viewers/999?workspace_id=1"), 404, "Project viewer not found.");
        assertError(client.send("POST", "/project-viewers/105/assign-project", "{\"workspace_id\":1,"
                + "\"project_id\":200}"), 404, "Project not found.");
        assertError(client.send("POST", "/project-viewers/999/assign-project", "{\"workspace_id\":1,"
                + "\"project_id\":100}"), 404, "Project viewer not found.");
        assertError(client.send("DELETE", "/project-viewers/105", "{\"workspace_id\":1}", PM_TOKEN,
                SandboxClient.JSON), 403, null);
    }

    @Test
    void paginates() {
        for (int i = 0; i < 4; i++) {
            sandbox.get().state().addMember(1, SandboxUser.of(900 + i, "V" + i, "Viewer", "v" + i + "@client.example"),
                    Role.PROJECT_VIEWER);
        }
        Reply page = client.get("/project-viewers?workspace_id=1&per_page=2&page=2");

        assertThat(ids(page.data())).containsExactly(901L, 902L);
        assertThat(page.pagination().path("total").asInt()).isEqualTo(5);
        assertThat(page.pagination().path("last_page").asInt()).isEqualTo(3);
        assertError(client.get("/project-viewers?workspace_id=1&per_page=500"), 422, null);
    }
}
