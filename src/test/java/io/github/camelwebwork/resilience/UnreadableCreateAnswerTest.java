package io.github.camelwebwork.resilience;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.camelwebwork.client.WebworkException;
import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.model.Task;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A create that WebWork answers with success but in a shape the model cannot take (here {@code data} is a string):
 * the create took effect, so its idempotency key must stay, and a redelivery with that key must look the task up
 * instead of creating it a second time. A hand-written server plays WebWork: the sandbox always answers well.
 */
class UnreadableCreateAnswerTest extends CamelTestSupport {

    private static final String TASK = "{\"id\":900,\"title\":\"Odd answer\",\"project_id\":100,\"status\":0,"
                                       + "\"priority\":30}";
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        CamelContext context = super.createCamelContext();
        WebworkComponent webwork = new WebworkComponent();
        webwork.getConfiguration().setBaseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2");
        webwork.getConfiguration().setAccessToken("unreadable-test-token");
        context.addComponent("webwork", webwork);
        return context;
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void answer(HttpExchange http) throws IOException {
        http.getRequestBody().readAllBytes();
        calls.add(http.getRequestMethod() + " " + http.getRequestURI().getPath());
        String body;
        int status;
        if ("POST".equals(http.getRequestMethod())) {
            status = 201;
            body = "{\"success\":true,\"message\":\"Task created\",\"data\":\"created\"}";
        } else {
            status = 200;
            body = "{\"success\":true,\"data\":[" + TASK + "],\"pagination\":{\"total\":1,\"per_page\":100,"
                   + "\"current_page\":1,\"last_page\":1}}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().set("Content-Type", "application/json");
        http.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void theKeyOfACreateWithAnUnreadableAnswerIsKeptSoARedeliveryDoesNotCreateAgain() {
        String uri = "webwork:tasks?operation=create&workspaceId=1&projectId=100";
        Throwable first = catchThrowable(() -> template.requestBodyAndHeader(uri, Map.of("title", "Odd answer"),
                "CamelWebworkIdempotencyKey", "odd-1", Task.class));
        assertThat(first).isInstanceOf(CamelExecutionException.class);
        assertThat(first.getCause()).isInstanceOf(WebworkException.class);
        assertThat(((WebworkException) first.getCause()).isOutcomeUnknown()).as("may have taken effect").isTrue();

        Task again = template.requestBodyAndHeader(uri, Map.of("title", "Odd answer"), "CamelWebworkIdempotencyKey",
                "odd-1", Task.class);

        assertThat(again.getId()).isEqualTo(900L);
        assertThat(calls.stream().filter(c -> c.startsWith("POST"))).as("one create on the wire").hasSize(1);
        assertThat(calls).contains("GET /api/v2/tasks");
    }
}
