package io.github.camelwebwork.sandbox;

import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.SCOPE;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelwebwork.sandbox.SandboxClient.Reply;
import io.github.camelwebwork.support.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** §2 envelopes, §3 bearer auth, §5 errors, house rules H1/H2, routing and request recording. */
class SandboxConventionsTest {

    private static final String PM_TOKEN = "pm-token";
    @RegisterExtension
    final SandboxExtension sandbox = SandboxExtension.of(WebworkSandbox.builder().addToken(PM_TOKEN, 102));
    private final SandboxClient client = new SandboxClient(sandbox);

    @Test
    void baseUrlAndToken() {
        assertThat(sandbox.get().baseUrl()).isEqualTo("http://127.0.0.1:" + sandbox.get().port() + "/api/v2");
        assertThat(sandbox.get().token()).isEqualTo(WebworkSandbox.DEFAULT_TOKEN);
    }

    @Test
    void rejectsAMissingToken() {
        Reply reply = client.get("/tasks?workspace_id=1&project_id=100", null);

        assertError(reply, 401, "Unauthenticated.");
        assertThat(reply.json().path("error").asText()).contains("Bearer");
    }

    @Test
    void rejectsAnUnknownToken() {
        assertError(client.get("/tasks?workspace_id=1&project_id=100", "nope"), 401, "Unauthenticated.");
        assertError(client.send("POST", "/tasks", SCOPE, "nope", SandboxClient.JSON), 401, "Unauthenticated.");
    }

    @Test
    void forbidsWritesToARegularUser() {
        String token = WebworkSandbox.REGULAR_USER_TOKEN;
        String create = "{\"workspace_id\":1,\"project_id\":100,\"title\":\"Mine\"}";
        assertError(client.send("POST", "/tasks", create, token, SandboxClient.JSON), 403,
                "This action is unauthorized.");
        assertError(client.send("PUT", "/tasks/500", SCOPE, token, SandboxClient.JSON), 403, null);
        assertError(client.send("DELETE", "/tasks/500", SCOPE, token, SandboxClient.JSON), 403, null);
        assertError(client.send("POST", "/tasks/500/assign/103", SCOPE, token, SandboxClient.JSON), 403, null);
        assertError(client.send("DELETE", "/tasks/500/unassign/100", SCOPE, token, SandboxClient.JSON), 403, null);
        assertThat(sandbox.get().state().task(500).orElseThrow().isDeleted()).isFalse();
        // reads stay open to every active member
        assertThat(client.get("/tasks?workspace_id=1&project_id=100", token).status()).isEqualTo(200);
    }

    @Test
    void authorisesBeforeValidatingFields() {
        Reply regular = client.send("POST", "/tasks", SCOPE, WebworkSandbox.REGULAR_USER_TOKEN, SandboxClient.JSON);
        assertError(regular, 403, null); // title is missing too, but the role is checked first
        Reply unknownProject = client.send("POST", "/tasks", "{\"workspace_id\":1,\"project_id\":999}");
        assertError(unknownProject, 404, "Project not found.");
        Reply noScope = client.send("POST", "/tasks", "{\"title\":\"x\"}", WebworkSandbox.REGULAR_USER_TOKEN,
                SandboxClient.JSON);
        assertError(noScope, 422, null); // without a workspace there is nothing to authorise against
    }

    @Test
    void projectManagersMayEditButNotDelete() {
        String create = "{\"workspace_id\":1,\"project_id\":100,\"title\":\"Plan sprint\"}";
        Reply created = client.send("POST", "/tasks", create, PM_TOKEN, SandboxClient.JSON);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.data().path("creator_id").asLong()).isEqualTo(102);
        assertThat(created.data().path("owner_id").asLong()).isEqualTo(100);
        assertError(client.send("DELETE", "/tasks/500", SCOPE, PM_TOKEN, SandboxClient.JSON), 403, null);
    }

    @Test
    void refusesWorkspaceIdInTheQueryOnWrites() {
        Reply post = client.send("POST", "/tasks?workspace_id=1&project_id=100", "{\"title\":\"x\"}");
        assertError(post, 422, "The given data was invalid.");
        assertThat(post.errors().path("workspace_id").get(0).asText()).isEqualTo("The workspace id field is required.");
        assertThat(post.errors().path("project_id").get(0).asText()).isEqualTo("The project id field is required.");
        assertThat(post.json().path("error").asText()).contains("H1");

        Reply delete = client.send("DELETE", "/tasks/500?workspace_id=1&project_id=100", null, sandbox.get().token(),
                null);
        assertError(delete, 422, null);
        assertThat(delete.errors().has("workspace_id")).isTrue();
        assertThat(sandbox.get().state().task(500).orElseThrow().isDeleted()).isFalse();

        Reply assign = client.send("POST", "/tasks/500/assign/101?workspace_id=1&project_id=100", "{}");
        assertError(assign, 422, null);
    }

    @Test
    void requiresScopeInTheQueryOnReads() {
        Reply reply = client.get("/tasks");
        assertError(reply, 422, null);
        assertThat(reply.errors().fieldNames()).toIterable().containsExactly("workspace_id", "project_id");
    }

    @Test
    void requiresJsonContentType() {
        Reply reply = client.send("POST", "/tasks", SCOPE, sandbox.get().token(), "text/plain");
        assertError(reply, 415, "Unsupported Media Type.");
        Reply missing = client.send("DELETE", "/tasks/500", SCOPE, sandbox.get().token(), null);
        assertError(missing, 415, null);
        assertThat(client.send("POST", "/tasks", "{\"workspace_id\":1,\"project_id\":100,\"title\":\"x\"}",
                sandbox.get().token(), "application/json; charset=UTF-8").status()).isEqualTo(201);
    }

    @Test
    void rejectsMalformedJson() {
        assertError(client.send("POST", "/tasks", "{\"workspace_id\":1,", sandbox.get().token(), SandboxClient.JSON),
                400, null);
        assertError(client.send("POST", "/tasks", "[1,2]", sandbox.get().token(), SandboxClient.JSON), 400, null);
    }

    @Test
    void unknownResourcesAre404() {
        assertError(client.get("/nope"), 404, "Not found.");
        assertError(SandboxClient.sendRaw("GET", "http://127.0.0.1:" + sandbox.get().port() + "/api/v1/tasks", null,
                sandbox.get().token(), null), 404, null);
        assertError(client.get("/tasks/abc?workspace_id=1&project_id=100"), 404, "Task not found.");
        assertError(client.get("/tasks/9999?workspace_id=1&project_id=100"), 404, "Task not found.");
        assertError(client.get("/tasks/512?workspace_id=1&project_id=100"), 404, "Task not found."); // project 101
        assertError(client.get("/tasks/511?workspace_id=1&project_id=100"), 404, "Task not found."); // seeded deleted
        assertError(client.get("/tasks?workspace_id=1&project_id=999"), 404, "Project not found.");
        assertError(client.get("/tasks?workspace_id=1&project_id=200"), 404, "Project not found."); // workspace 2
        assertError(client.get("/tasks?workspace_id=99&project_id=100"), 404, "Workspace not found.");
        assertError(client.send("POST", "/tasks/500/assign/999", SCOPE), 404, "Member not found.");
    }

    @Test
    void nonMembersOfAWorkspaceAreForbidden() {
        String ethan = "ethan-token";
        sandbox.get().state().addToken(ethan, 101); // member of workspace 1 only
        assertError(client.get("/tasks?workspace_id=2&project_id=200", ethan), 403, null);
        assertThat(client.get("/tasks?workspace_id=2&project_id=200").status()).isEqualTo(200);
    }

    @Test
    void wrongMethodOnAKnownPathIs405() {
        Reply reply = client.send("PATCH", "/tasks/500", SCOPE);
        assertError(reply, 405, "Method not allowed.");
        assertThat(reply.headers().firstValue("Allow")).hasValue("DELETE, GET, PUT");
    }

    @Test
    void recordsEveryRequestIncludingRejectedOnes() {
        client.get("/tasks?workspace_id=1&project_id=100", "wrong");
        client.send("DELETE", "/tasks/500", SCOPE);

        assertThat(sandbox.get().requests()).hasSize(2);
        RecordedRequest rejected = sandbox.get().requests().get(0);
        assertThat(rejected.method()).isEqualTo("GET");
        assertThat(rejected.path()).isEqualTo("/api/v2/tasks");
        assertThat(rejected.rawQuery()).isEqualTo("workspace_id=1&project_id=100");
        assertThat(rejected.queryParam("project_id")).isEqualTo("100");
        assertThat(rejected.header("AUTHORIZATION")).isEqualTo("Bearer wrong");
        assertThat(rejected.headers()).containsKey("authorization");
        assertThat(rejected.body()).isEmpty();
        assertThat(rejected.json().isMissingNode()).isTrue();

        RecordedRequest delete = sandbox.get().requests().get(1);
        assertThat(delete.method()).isEqualTo("DELETE");
        assertThat(delete.path()).isEqualTo("/api/v2/tasks/500");
        assertThat(delete.rawQuery()).isNull();
        assertThat(delete.header("content-type")).isEqualTo("application/json");
        assertThat(delete.json().path("workspace_id").asInt()).isEqualTo(1);

        sandbox.get().clearRequests();
        assertThat(sandbox.get().requests()).isEmpty();
    }

    static void assertError(Reply reply, int status, String message) {
        assertThat(reply.status()).as(reply.json().toString()).isEqualTo(status);
        assertThat(reply.json().path("success").asBoolean(true)).isFalse();
        assertThat(reply.json().has("message")).isTrue();
        assertThat(reply.json().has("error")).isTrue();
        if (message != null) {
            assertThat(reply.message()).isEqualTo(message);
        }
        assertThat(reply.json().path("meta").path("api_version").asText()).isEqualTo("2.0.0");
        assertThat(reply.json().path("meta").path("timestamp").asText()).matches(TIMESTAMP);
        assertThat(reply.json().has("errors")).isEqualTo(status == 422);
    }
}
