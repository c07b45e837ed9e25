package io.github.camelwebwork.client;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.model.Task;
import io.github.camelwebwork.support.StubServer;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The client on real HTTP, for the answers the sandbox never gives. */
class WebworkClientTest {

    private static final ApiRequest GET_TASK = new ApiRequest("GET", "/tasks/500",
            List.of(Map.entry("workspace_id", "1"), Map.entry("project_id", "100")), null);

    private final ObjectMapper mapper = WebworkJson.newMapper();
    private StubServer stub;
    private CloseableHttpClient http;

    @BeforeEach
    void start() throws Exception {
        stub = new StubServer();
        http = HttpClientFactory.create(settings(Duration.ofSeconds(5)), "test");
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
        stub.close();
    }

    private static HttpSettings settings(Duration responseTimeout) {
        return new HttpSettings(Duration.ofSeconds(2), responseTimeout, Duration.ofSeconds(2), 4, null, null, null,
                null, null, null, null);
    }

    private WebworkClient client(String baseUrl) {
        return new WebworkClient(http, baseUrl, () -> "secret-token-123", mapper);
    }

    @Test
    void successFalseWithStatus200IsAnError() {
        stub.answer(200, "application/json", "{\"success\":false,\"message\":\"Workspace is blocked\",\"error\":null}");

        Throwable e = catchThrowable(() -> client(stub.baseUrl()).execute(GET_TASK));

        assertThat(e).isExactlyInstanceOf(WebworkApiException.class)
                .hasMessage("WebWork API GET /api/v2/tasks/500 failed with HTTP 200: Workspace is blocked");
        assertThat(((WebworkApiException) e).getApiMessage()).isEqualTo("Workspace is blocked");
    }

    @Test
    void anHtmlErrorPageKeepsTheStatusAndTheStartOfTheBody() {
        stub.answer(502, "text/html", "<html><body>Bad Gateway</body></html>");

        Throwable e = catchThrowable(() -> client(stub.baseUrl()).execute(GET_TASK));

        assertThat(e).isExactlyInstanceOf(WebworkApiException.class)
                .hasMessage("WebWork API GET /api/v2/tasks/500 failed with HTTP 502: <html><body>Bad Gateway</body></html>");
        assertThat(((WebworkApiException) e).getStatusCode()).isEqualTo(502);
    }

    @Test
    void a2xxBodyThatIsNotJsonIsATransportFailureNotAnEmptyResult() {
        stub.answer(200, "application/json", "{\"success\":true,\"data\":[{\"id\":1");

        Throwable e = catchThrowable(() -> client(stub.baseUrl()).execute(GET_TASK));

        assertThat(e).isInstanceOf(WebworkTransportException.class).hasMessageContaining("not JSON");
    }

    @Test
    void a2xxBodyThatIsJsonButNotAnObjectIsATransportFailureToo() {
        stub.answer(200, "application/json", "[{\"id\":1}]");

        Throwable e = catchThrowable(() -> client(stub.baseUrl()).execute(GET_TASK));

        assertThat(e).isInstanceOf(WebworkTransportException.class).hasMessageContaining("not JSON");
    }

    @Test
    void anEmptyOrBlank2xxBodyIsAnEmptyEnvelope() {
        for (String body : new String[] {"", " \r\n\t "}) {
            stub.answer(200, "application/json", body);

            ApiResponse response = client(stub.baseUrl()).execute(GET_TASK);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.envelope().isObject()).isTrue();
            assertThat(response.envelope().size()).isZero();
            assertThat(response.data().isMissingNode()).isTrue();
        }
    }

    @Test
    void validationErrorsCarryTheFieldMessages() {
        stub.answer(422, "application/json", "{\"success\":false,\"message\":\"The given data was invalid.\","
                                             + "\"errors\":{\"title\":[\"The title field is required.\"],"
                                             + "\"end_date\":[\"The end date must be a date after or equal to start date.\"]}}");

        Throwable e = catchThrowable(() -> client(stub.baseUrl()).execute(GET_TASK));

        assertThat(e).isInstanceOf(WebworkUnprocessableException.class);
        WebworkUnprocessableException unprocessable = (WebworkUnprocessableException) e;
        assertThat(unprocessable.getFieldErrors()).containsOnlyKeys("title", "end_date");
        assertThat(unprocessable.getMessage()).contains("title: The title field is required.");
    }

    @Test
    void paginationAtTheTopLevelIsReadToo() {
        stub.answer(200, "application/json", "{\"success\":true,\"data\":[],\"pagination\":{\"current_page\":2,"
                                             + "\"per_page\":10,\"total\":31,\"last_page\":4},\"meta\":{}}");

        ApiResponse response = client(stub.baseUrl()).execute(GET_TASK);

        assertThat(response.pagination().get("last_page").asInt()).isEqualTo(4);
    }

    @Test
    void unknownFieldsAreKeptAndWrittenBack() throws Exception {
        String json = "{\"id\":500,\"title\":\"T\",\"status\":15,\"labels\":[\"x\"],\"sla\":{\"hours\":4}}";

        Task task = mapper.readValue(json, Task.class);

        assertThat(task.getStatus()).isEqualTo(15);
        assertThat(task.getStatusValue()).isEmpty();
        assertThat(task.getAdditionalProperties()).containsOnlyKeys("labels", "sla");
        assertThat(mapper.readTree(mapper.writeValueAsString(task)).get("sla").get("hours").asInt()).isEqualTo(4);
        assertThat(mapper.readTree(mapper.writeValueAsString(task)).has("project_id")).isTrue();
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             CloseableHttpClient impatient = HttpClientFactory.create(settings(Duration.ofMillis(300)), "test")) {
            Thread acceptor = new Thread(() -> {
                try {
                    accepted.add(silent.accept());
                } catch (Exception ignored) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            WebworkClient client = new WebworkClient(impatient, "http://127.0.0.1:" + silent.getLocalPort() + "/api/v2",
                    () -> "secret-token-123", mapper);

            Throwable e = catchThrowable(() -> client.execute(GET_TASK));

            assertThat(e).isInstanceOf(WebworkTransportException.class)
                    .hasMessageStartingWith("WebWork API GET /api/v2/tasks/500 got no answer")
                    .hasMessageNotContaining("secret-token-123");
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void theQueryIsPercentEncoded() {
        stub.answer(200, "application/json", "{\"success\":true,\"data\":[]}");
        ApiRequest request = new ApiRequest("GET", "/tasks", List.of(Map.entry("workspace_id", "1"),
                Map.entry("name", "R&D / 50% done")), null);

        client(stub.baseUrl()).execute(request);

        assertThat(stub.requests()).containsExactly("GET /api/v2/tasks?workspace_id=1&name=R%26D%20%2F%2050%25%20done");
    }
}
