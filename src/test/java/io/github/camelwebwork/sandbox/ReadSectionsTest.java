package io.github.camelwebwork.sandbox;

import static io.github.camelwebwork.sandbox.SandboxConventionsTest.assertError;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.assertSuccess;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.sandbox.SandboxClient.Reply;
import io.github.camelwebwork.support.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** §7.1 workspaces, §7.2 members and §7.3 projects (reads). */
class ReadSectionsTest {

    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(WebworkSandbox::startDefault);
    private final SandboxClient client = new SandboxClient(sandbox);

    @Test
    void listsTheCallersWorkspaces() {
        Reply reply = client.get("/workspaces");

        assertSuccess(reply, 200, "Workspaces retrieved successfully");
        assertThat(ids(reply.data())).containsExactly(1L, 2L);
        JsonNode acme = reply.data().get(0);
        assertThat(acme.path("workspace_name").asText()).isEqualTo("Acme Studio");
        assertThat(acme.path("owner_id").asLong()).isEqualTo(100);
        assertThat(acme.path("user_id").asLong()).isEqualTo(100);
        assertThat(acme.path("role").asText()).isEqualTo("Owner");
        assertThat(acme.path("status").asText()).isEqualTo("active");
        assertThat(acme.path("created_at").asText()).isEqualTo("2023-11-02T08:30:00.000000Z");
        assertThat(acme.path("activated_at").asText()).isEqualTo("2023-11-02 08:30:00");
        assertThat(reply.pagination().path("total").asInt()).isEqualTo(2);

        Reply regular = client.get("/workspaces?per_page=1", WebworkSandbox.REGULAR_USER_TOKEN);
        assertThat(ids(regular.data())).containsExactly(1L);
        assertThat(regular.data().get(0).path("role").asText()).isEqualTo("Regular User");
    }

    @Test
    void listsAndFiltersMembers() {
        Reply all = client.get("/members?workspace_id=1");
        assertSuccess(all, 200, "Members retrieved successfully");
        assertThat(ids(all.data())).containsExactly(100L, 101L, 102L, 103L, 104L, 105L, 106L);
        assertThat(all.data().get(0).path("current_role").asText()).isEqualTo("Owner");

        assertThat(ids(client.get("/members?workspace_id=1&role=Regular%20User").data())).containsExactly(103L, 106L);
        assertThat(ids(client.get("/members?workspace_id=1&status=left").data())).containsExactly(106L);
        assertThat(ids(client.get("/members?workspace_id=1&email=priya@acme.example").data())).containsExactly(102L);
        assertError(client.get("/members?workspace_id=1&role=Boss"), 422, null);

        Reply one = client.get("/members/101?workspace_id=1");
        assertSuccess(one, 200, "Member retrieved successfully");
        assertThat(one.data().path("email").asText()).isEqualTo("ethan@acme.example");
        assertError(client.get("/members/110?workspace_id=1"), 404, "Member not found.");
    }

    @Test
    void listsAndGetsProjects() {
        Reply all = client.get("/projects?workspace_id=1");
        assertSuccess(all, 200, "Projects retrieved successfully");
        assertThat(ids(all.data())).containsExactly(100L, 101L, 102L);
        assertThat(ids(client.get("/projects?workspace_id=1&name=APP").data())).containsExactly(101L);

        Reply one = client.get("/projects/100?workspace_id=1");
        assertSuccess(one, 200, "Project retrieved successfully");
        assertThat(one.data().path("name").asText()).isEqualTo("Website Relaunch");
        assertThat(one.data().path("budget_estimation").asDouble()).isEqualTo(25000.0);
        assertThat(one.data().path("is_billable").asBoolean()).isTrue();
        assertError(client.get("/projects/200?workspace_id=1"), 404, "Project not found.");
        assertError(client.get("/projects/100"), 422, null);
    }
}
