package io.github.camelwebwork.operations;

import java.util.List;

import io.github.camelwebwork.client.WebworkNotFoundException;
import io.github.camelwebwork.model.Webhook;
import io.github.camelwebwork.model.WebhookEvent;
import io.github.camelwebwork.support.SandboxTestSupport;
import io.github.camelwebwork.support.Wire;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The webhook management API (§7.13) against the sandbox. */
class WebhookOperationsTest extends SandboxTestSupport {

    private static final String WEBHOOKS = "webwork:webhooks?workspaceId=1&operation=";

    @Test
    void createGetListUpdateDelete() {
        Webhook created = template.requestBody(WEBHOOKS + "create&url=https://hooks.example.com/webwork"
                                               + "&events=tracker.started,tracker.stopped", null, Webhook.class);

        Wire.write(onlyRequest(), "POST", "/webhooks", "{\"workspace_id\":1,\"url\":\"https://hooks.example.com/webwork\","
                                                     + "\"events\":[\"tracker.started\",\"tracker.stopped\"]}");
        assertThat(created.getId()).isNotBlank();
        assertThat(created.getToken()).isNotBlank();
        assertThat(created.toString()).doesNotContain(created.getToken());
        assertThat(created.getEventValues()).containsExactly(WebhookEvent.TRACKER_STARTED, WebhookEvent.TRACKER_STOPPED);
        String uri = WEBHOOKS + "%s&webhookId=" + created.getId();
        sandbox.clearRequests();

        Webhook fetched = template.requestBody(String.format(uri, "get"), null, Webhook.class);
        Wire.get(onlyRequest(), "/webhooks/" + created.getId(), "workspace_id=1");
        assertThat(fetched.getUrl()).isEqualTo("https://hooks.example.com/webwork");
        sandbox.clearRequests();

        @SuppressWarnings("unchecked")
        List<Webhook> all = template.requestBody(WEBHOOKS + "list", null, List.class);
        Wire.get(onlyRequest(), "/webhooks", "workspace_id=1&page=1");
        assertThat(all).extracting(Webhook::getId).contains(created.getId());
        sandbox.clearRequests();

        template.requestBodyAndHeader(String.format(uri, "update") + "&url=https://hooks.example.com/v2", null,
                "CamelWebworkEvents", List.of("project.created", "task.updated"));
        Wire.write(onlyRequest(), "PUT", "/webhooks/" + created.getId(), "{\"workspace_id\":1,"
                                                                       + "\"url\":\"https://hooks.example.com/v2\","
                                                                       + "\"events\":[\"project.created\",\"task.updated\"]}");
        Webhook updated = template.requestBody(String.format(uri, "get"), null, Webhook.class);
        assertThat(updated.getUrl()).isEqualTo("https://hooks.example.com/v2");
        assertThat(updated.getEvents()).containsExactly("project.created", "task.updated");
        sandbox.clearRequests();

        template.requestBody(String.format(uri, "delete"), (Object) null);
        Wire.write(onlyRequest(), "DELETE", "/webhooks/" + created.getId(), "{\"workspace_id\":1}");
        CamelExecutionException gone = catchThrowableOfType(CamelExecutionException.class,
                () -> template.requestBody(String.format(uri, "get"), (Object) null));
        assertThat(gone.getCause()).isInstanceOf(WebworkNotFoundException.class);
    }
}
