package io.github.camelwebwork.sandbox;

import static io.github.camelwebwork.sandbox.SandboxConventionsTest.assertError;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.assertSuccess;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.sandbox.SandboxClient.Reply;
import io.github.camelwebwork.support.SandboxExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** §7.13 Webhooks management: JSON and form bodies, validation, and the registrations kept in the state. */
class WebhooksApiTest {

    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String PM_TOKEN = "pm-token";
    private static final String CREATE = "{\"workspace_id\":1,\"url\":\"https://hooks.example.com/webwork\","
            + "\"events\":[\"tracker.started\",\"tracker.stopped\"]}";

    @RegisterExtension
    final SandboxExtension sandbox = SandboxExtension.of(WebworkSandbox.builder().addToken(PM_TOKEN, 102));
    private final SandboxClient client = new SandboxClient(sandbox);

    @Test
    void noWebhooksAreSeeded() {
        Reply reply = client.get("/webhooks?workspace_id=1");

        assertSuccess(reply, 200, "Webhooks retrieved successfully");
        assertThat(reply.data()).isEmpty();
        assertThat(reply.pagination().path("per_page").asInt()).isEqualTo(50);
    }

    @Test
    void createsAWebhookWithAFreshSecret() {
        Reply reply = client.send("POST", "/webhooks", CREATE);

        assertSuccess(reply, 200, "Webhook created successfully");
        JsonNode hook = reply.data();
        assertThat(fieldNames(hook)).containsExactlyInAnyOrder("id", "url", "events", "token");
        assertThat(hook.path("id").asText()).matches(UUID);
        assertThat(hook.path("url").asText()).isEqualTo("https://hooks.example.com/webwork");
        assertThat(hook.get("events")).extracting(JsonNode::asText)
                .containsExactly("tracker.started", "tracker.stopped");
        assertThat(hook.path("token").asText()).matches("whsec_[0-9a-f]{32}");

        SandboxWebhook stored = sandbox.get().state().webhooks(1).get(0);
        assertThat(stored.id()).isEqualTo(hook.path("id").asText());
        assertThat(stored.token()).isEqualTo(hook.path("token").asText());
        assertThat(stored.subscribes("tracker.started")).isTrue();
        assertThat(sandbox.get().state().webhooks(2)).isEmpty();

        Reply again = client.get("/webhooks/" + stored.id() + "?workspace_id=1");
        assertSuccess(again, 200, "Webhook retrieved successfully");
        assertThat(again.data()).isEqualTo(hook);
        String other = client.send("POST", "/webhooks", CREATE.replace("webwork\"", "second\"")).data()
                .path("token").asText();
        assertThat(other).isNotEqualTo(stored.token());
    }

    @Test
    void acceptsFormBodiesWithEitherEventsStyle() {
        Reply brackets = client.send("POST", "/webhooks", "workspace_id=1&url=https%3A%2F%2Fa.example%2Fh"
                + "&events%5B%5D=member.invited&events%5B%5D=project.created", sandbox.get().token(), FORM);
        assertSuccess(brackets, 200, "Webhook created successfully");
        assertThat(brackets.data().get("events")).extracting(JsonNode::asText)
                .containsExactly("member.invited", "project.created");

        Reply commas = client.send("POST", "/webhooks", "workspace_id=1&url=http://b.example/h"
                + "&events=task.updated,project.deleted,task.updated", sandbox.get().token(), FORM + "; charset=UTF-8");
        assertSuccess(commas, 200, "Webhook created successfully");
        assertThat(commas.data().get("events")).extracting(JsonNode::asText)
                .containsExactly("task.updated", "project.deleted");

        String id = commas.data().path("id").asText();
        Reply update = client.send("PUT", "/webhooks/" + id, "workspace_id=1&url=http://b.example/v2",
                sandbox.get().token(), FORM);
        assertSuccess(update, 200, "Webhook updated successfully");
        assertThat(sandbox.get().state().webhook(id).orElseThrow().url()).isEqualTo("http://b.example/v2");

        assertError(client.send("DELETE", "/webhooks/" + id, "workspace_id=1", sandbox.get().token(), FORM), 415, null);
        assertError(client.send("POST", "/tasks", "workspace_id=1&project_id=100&title=x", sandbox.get().token(), FORM),
                415, null); // only the webhook writes take forms (§2)
    }

    @Test
    void createListsEveryFieldError() {
        Reply reply = client.send("POST", "/webhooks", "{\"workspace_id\":1,\"url\":\"ftp://files.example\","
                + "\"events\":[\"tracker.started\",\"invoice.paid\",7]}");

        assertError(reply, 422, "The given data was invalid.");
        assertThat(fieldNames(reply.errors())).containsExactlyInAnyOrder("url", "events.1", "events.2");
        assertThat(reply.errors().path("url").get(0).asText()).isEqualTo("The url format is invalid.");
        assertThat(reply.errors().path("events.1").get(0).asText()).isEqualTo("The selected events.1 is invalid.");

        Reply missing = client.send("POST", "/webhooks", "{\"workspace_id\":1,\"events\":[]}");
        assertThat(fieldNames(missing.errors())).containsExactlyInAnyOrder("url", "events");
        assertThat(missing.errors().path("events").get(0).asText()).isEqualTo("The events field is required.");
        Reply notArray = client.send("POST", "/webhooks", "{\"workspace_id\":1,\"url\":\"https://x.example\","
                + "\"events\":{\"a\":1}}");
        assertThat(notArray.errors().path("events").get(0).asText()).isEqualTo("The events must be an array.");
        assertError(client.send("POST", "/webhooks", "{\"workspace_id\":1,\"url\":\"not a url\",\"events\":"
                + "[\"tracker.started\"]}"), 422, null);
        assertThat(sandbox.get().state().webhooks(1)).isEmpty();
    }

    @Test
    void theSameUrlTwiceInAWorkspaceIsTaken() {
        client.send("POST", "/webhooks", CREATE);

        Reply twice = client.send("POST", "/webhooks", CREATE);
        assertError(twice, 422, null);
        assertThat(twice.errors().path("url").get(0).asText()).isEqualTo("The url has already been taken.");
        assertSuccess(client.send("POST", "/webhooks", CREATE.replace("\"workspace_id\":1", "\"workspace_id\":2")),
                200, "Webhook created successfully");
    }

    @Test
    void updatesUrlAndEventsButKeepsTheToken() {
        SandboxWebhook hook = sandbox.get().state().addWebhook(
                SandboxWebhook.of(1, "https://old.example/h", List.of("tracker.started"), 100));

        Reply reply = client.send("PUT", "/webhooks/" + hook.id(), "{\"workspace_id\":1,"
                + "\"url\":\"https://new.example/h\",\"events\":[\"project.updated\"]}");
        assertSuccess(reply, 200, "Webhook updated successfully");
        assertThat(reply.data().isNull()).isTrue();
        SandboxWebhook updated = sandbox.get().state().webhook(hook.id()).orElseThrow();
        assertThat(updated.url()).isEqualTo("https://new.example/h");
        assertThat(updated.events()).containsExactly("project.updated");
        assertThat(updated.token()).isEqualTo(hook.token());

        client.send("PUT", "/webhooks/" + hook.id(), "{\"workspace_id\":1,\"url\":\"https://newer.example/h\"}");
        assertThat(sandbox.get().state().webhook(hook.id()).orElseThrow().events()).containsExactly("project.updated");

        Reply invalid = client.send("PUT", "/webhooks/" + hook.id(), "{\"workspace_id\":1,\"events\":[\"nope\"]}");
        assertError(invalid, 422, null);
        assertThat(fieldNames(invalid.errors())).containsExactlyInAnyOrder("url", "events.0");
    }

    @Test
    void deletesForGood() {
        SandboxWebhook hook = sandbox.get().state().addWebhook(
                SandboxWebhook.of(1, "https://old.example/h", List.of("tracker.started"), 100));

        Reply reply = client.send("DELETE", "/webhooks/" + hook.id(), "{\"workspace_id\":1}");
        assertSuccess(reply, 200, "Webhook deleted successfully");
        assertThat(sandbox.get().state().webhooks(1)).isEmpty();
        assertError(client.get("/webhooks/" + hook.id() + "?workspace_id=1"), 404, "Webhook not found.");
        assertError(client.send("DELETE", "/webhooks/" + hook.id(), "{\"workspace_id\":1}"), 404,
                "Webhook not found.");
    }

    @Test
    void scopeRolesAndUnknownIds() {
        SandboxWebhook hook = sandbox.get().state().addWebhook(
                SandboxWebhook.of(1, "https://old.example/h", List.of("tracker.started"), 100));

        Reply query = client.send("DELETE", "/webhooks/" + hook.id() + "?workspace_id=1", null, sandbox.get().token(),
                null);
        assertError(query, 422, null);
        assertThat(query.json().path("error").asText()).contains("H1");
        Reply createInQuery = client.send("POST", "/webhooks?workspace_id=1",
                CREATE.replace("\"workspace_id\":1,", ""));
        assertError(createInQuery, 422, null);
        assertThat(fieldNames(createInQuery.errors())).containsExactly("workspace_id");
        assertError(client.get("/webhooks"), 422, null);

        assertError(client.get("/webhooks/" + hook.id() + "?workspace_id=2"), 404, "Webhook not found.");
        assertError(client.get("/webhooks/nope?workspace_id=1"), 404, "Webhook not found.");
        assertError(client.send("PUT", "/webhooks/nope", "{\"workspace_id\":1,\"url\":\"https://x.example\"}"), 404,
                "Webhook not found.");
        assertError(client.get("/webhooks?workspace_id=1", PM_TOKEN), 403, null); // reads reveal the secrets
        assertError(client.send("POST", "/webhooks", CREATE, PM_TOKEN, SandboxClient.JSON), 403, null);
        assertThat(sandbox.get().state().webhook(hook.id())).isPresent();
    }

    @Test
    void paginatesFiftyRowsByDefault() {
        for (int i = 0; i < 55; i++) {
            sandbox.get().state().addWebhook(SandboxWebhook.of(1, "https://h" + i + ".example/",
                    List.of("task.updated"), 100));
        }
        Reply first = client.get("/webhooks?workspace_id=1");
        assertThat(first.data()).hasSize(50);
        JsonNode p = first.pagination();
        assertThat(p.path("total").asInt()).isEqualTo(55);
        assertThat(p.path("per_page").asInt()).isEqualTo(50);
        assertThat(p.path("last_page").asInt()).isEqualTo(2);
        Reply second = client.get("/webhooks?workspace_id=1&page=2");
        assertThat(second.data()).hasSize(5);
        assertThat(second.data().get(0).path("url").asText()).isEqualTo("https://h50.example/");
        assertThat(second.pagination().path("from").asInt()).isEqualTo(51);
        assertError(client.get("/webhooks?workspace_id=1&per_page=101"), 422, null);
    }
}
