package io.github.camelwebwork.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.sandbox.http.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link FaultPlan}: deterministic draws, and what each {@link FaultKind} does on the wire and to the state. */
class FaultInjectionTest {

    private static final String TASKS = "/tasks?workspace_id=1&project_id=100";
    private static final String CREATE = "{\"workspace_id\":1,\"project_id\":100,\"title\":\"Faulted\"}";
    private WebworkSandbox sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void theSameSeedDrawsTheSameFaults() {
        FaultPlan plan = FaultPlan.builder().seed(7).share(0.5).kinds(FaultKind.values()).build();

        List<FaultKind> first = draws(plan, 200);

        assertThat(draws(plan, 200)).isEqualTo(first);
        assertThat(draws(FaultPlan.builder().seed(8).share(0.5).kinds(FaultKind.values()).build(), 200))
                .isNotEqualTo(first);
        assertThat(first.stream().filter(k -> k != null).distinct()).hasSize(FaultKind.values().length);
        long faulted = first.stream().filter(k -> k != null).count();
        assertThat(faulted).isBetween(70L, 150L); // about half, plus the bursts' continuations
    }

    @Test
    void theSameSeedFaultsTheSameRequestsOverHttp() throws IOException {
        FaultPlan plan = FaultPlan.builder().seed(42).share(0.4)
                .kinds(FaultKind.HTTP_500, FaultKind.HTTP_503, FaultKind.BURST_429, FaultKind.EXPIRED_TOKEN,
                        FaultKind.MALFORMED_JSON).burstLength(2).build();

        List<String> first = run(plan);
        List<String> second = run(plan);

        assertThat(second).isEqualTo(first);
        assertThat(first).contains("200 null", "429 BURST_429", "401 EXPIRED_TOKEN", "200 MALFORMED_JSON");
    }

    @Test
    void aBurstAnswersItsLengthOfConsecutiveRequests() {
        FaultPlan plan = FaultPlan.builder().seed(3).share(0.2).kinds(FaultKind.BURST_429).burstLength(3).build();

        List<FaultKind> draws = draws(plan, 300);

        int run = 0;
        for (FaultKind kind : draws) {
            if (kind == FaultKind.BURST_429) {
                run++;
            } else {
                assertThat(run % 3).as("burst runs come in threes").isZero();
                run = 0;
            }
        }
        assertThat(draws).contains(FaultKind.BURST_429);
    }

    @Test
    void serverErrorsAnswerTheEnvelopeWithoutProcessing() throws IOException {
        int before = sandbox().state().allTasks().size();
        for (FaultKind kind : List.of(FaultKind.HTTP_500, FaultKind.HTTP_502, FaultKind.HTTP_503)) {
            sandbox.faults(FaultPlan.builder().share(1).kinds(kind).build());

            HttpResponse<String> response = post(CREATE);

            assertThat(response.statusCode()).isEqualTo(Integer.parseInt(kind.name().substring(5)));
            JsonNode body = Json.MAPPER.readTree(response.body());
            assertThat(body.path("success").asBoolean(true)).isFalse();
            assertThat(body.path("message").asText()).isNotBlank();
            assertThat(response.headers().firstValue("X-RateLimit-Limit")).contains("60");
        }
        assertThat(sandbox.state().allTasks()).hasSize(before);
        assertThat(sandbox.faultsInjected())
                .isEqualTo(Map.of(FaultKind.HTTP_500, 1, FaultKind.HTTP_502, 1, FaultKind.HTTP_503, 1));
        assertThat(sandbox.requests()).extracting(RecordedRequest::fault)
                .containsExactly(FaultKind.HTTP_500, FaultKind.HTTP_502, FaultKind.HTTP_503);
        assertThat(sandbox.requests()).extracting(RecordedRequest::status).containsExactly(500, 502, 503);
    }

    @Test
    void resetBeforeDropsTheConnectionWithoutProcessing() {
        int before = sandbox(FaultKind.RESET_BEFORE).state().allTasks().size();

        assertThatThrownBy(() -> post(CREATE)).isInstanceOf(IOException.class);

        assertThat(sandbox.state().allTasks()).hasSize(before);
        assertThat(sandbox.requests()).singleElement().satisfies(r -> {
            assertThat(r.fault()).isEqualTo(FaultKind.RESET_BEFORE);
            assertThat(r.status()).isZero();
        });
    }

    @Test
    void resetAfterProcessesThenDropsTheConnection() {
        int before = sandbox(FaultKind.RESET_AFTER).state().allTasks().size();

        assertThatThrownBy(() -> post(CREATE)).isInstanceOf(IOException.class);

        assertThat(sandbox.state().allTasks()).hasSize(before + 1);
        assertThat(sandbox.requests()).singleElement().extracting(RecordedRequest::fault)
                .isEqualTo(FaultKind.RESET_AFTER);
    }

    @Test
    void truncatedJsonProcessesThenSendsLessThanItAnnounced() {
        int before = sandbox(FaultKind.TRUNCATED_JSON).state().allTasks().size();

        assertThatThrownBy(() -> post(CREATE)).isInstanceOf(IOException.class);

        assertThat(sandbox.state().allTasks()).hasSize(before + 1);
        assertThat(sandbox.requests()).singleElement().satisfies(r -> {
            assertThat(r.fault()).isEqualTo(FaultKind.TRUNCATED_JSON);
            assertThat(r.status()).isEqualTo(201);
        });
    }

    @Test
    void onTheSocketATruncatedAnswerEndsBeforeItsContentLength() throws IOException {
        sandbox(FaultKind.TRUNCATED_JSON);

        String answer = rawPost(CREATE);

        String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
        String body = answer.substring(head.length() + 4);
        assertThat(head).startsWith("HTTP/1.1 201");
        int announced = Integer.parseInt(head.replaceAll("(?is).*content-length: *(\\d+).*", "$1"));
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isPositive().isLessThan(announced);
    }

    @Test
    void onTheSocketAResetSendsNothingAtAll() throws IOException {
        sandbox(FaultKind.RESET_BEFORE);

        assertThat(rawPost(CREATE)).isEmpty();
    }

    @Test
    void malformedJsonProcessesThenAnswersABodyThatIsNotJson() throws IOException {
        int before = sandbox(FaultKind.MALFORMED_JSON).state().allTasks().size();

        HttpResponse<String> response = post(CREATE);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"success\":true,\"data\":");
        assertThatThrownBy(() -> Json.MAPPER.readTree(response.body())).isInstanceOf(IOException.class);
        assertThat(sandbox.state().allTasks()).hasSize(before + 1);
    }

    @Test
    void slowAnswersLateButProcessesAnyway() {
        sandbox = WebworkSandbox.builder().faults(FaultPlan.builder().share(1).kinds(FaultKind.SLOW)
                .slowDelay(Duration.ofMillis(600)).build()).build().start();
        int before = sandbox.state().allTasks().size();

        assertThatThrownBy(() -> RawHttp.send("POST", sandbox.baseUrl() + "/tasks", CREATE, sandbox.token(),
                RawHttp.JSON, Duration.ofMillis(150))).isInstanceOf(HttpTimeoutException.class);

        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.state().allTasks().size() == before + 1);
        await().atMost(Duration.ofSeconds(1)).until(() -> sandbox.requests().get(0).status() == 201);
        assertThat(sandbox.requests().get(0).fault()).isEqualTo(FaultKind.SLOW);
    }

    @Test
    void aBurstOf429sThenNormalService() throws IOException {
        sandbox = WebworkSandbox.builder().faults(FaultPlan.builder().share(1).kinds(FaultKind.BURST_429)
                .burstLength(3).build()).build().start();
        int before = sandbox.state().allTasks().size();

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = post(CREATE);
            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(Json.MAPPER.readTree(response.body()).path("message").asText())
                    .isEqualTo("Too Many Attempts.");
            assertThat(response.headers().firstValue("Retry-After")).contains("1");
            assertThat(response.headers().firstValue("Retry-After-Millis")).contains("50");
            assertThat(response.headers().firstValue("X-RateLimit-Remaining")).contains("0");
        }
        sandbox.clearFaults();

        assertThat(post(CREATE).statusCode()).isEqualTo(201);
        assertThat(sandbox.state().allTasks()).hasSize(before + 1);
        assertThat(sandbox.faultsInjected()).isEqualTo(Map.of(FaultKind.BURST_429, 3));
        assertThat(sandbox.rateLimitedCount()).as("injected 429s are not the limit's").isZero();
    }

    @Test
    void anExpiredTokenIsRefusedWithoutProcessing() throws IOException {
        int before = sandbox(FaultKind.EXPIRED_TOKEN).state().allTasks().size();

        HttpResponse<String> response = post(CREATE);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Json.MAPPER.readTree(response.body()).path("message").asText()).isEqualTo("Token expired.");
        assertThat(sandbox.state().allTasks()).hasSize(before);
    }

    @Test
    void filtersChooseWhichRequestsAreEligible() throws IOException {
        sandbox = WebworkSandbox.builder().faults(FaultPlan.builder().share(1).kinds(FaultKind.HTTP_503)
                .onlyPaths("POST /api/v2/tasks").build()).build().start();

        assertThat(get(TASKS).statusCode()).isEqualTo(200);
        assertThat(post(CREATE).statusCode()).isEqualTo(503);
        String rename = "{\"workspace_id\":1,\"project_id\":100,\"title\":\"x\"}";
        assertThat(RawHttp.send("PUT", sandbox.baseUrl() + "/tasks/500", rename, sandbox.token(), RawHttp.JSON)
                .statusCode()).isEqualTo(200);

        sandbox.faults(FaultPlan.builder().share(1).kinds(FaultKind.HTTP_503).methods("get").build());
        assertThat(get(TASKS).statusCode()).isEqualTo(503);
        assertThat(post(CREATE).statusCode()).isEqualTo(201);

        sandbox.faults(FaultPlan.builder().share(1).kinds(FaultKind.HTTP_503).onlyPaths("/api/v2/tasks/\\d+").build());
        assertThat(get(TASKS).statusCode()).isEqualTo(200);
        assertThat(get("/tasks/500?workspace_id=1").statusCode()).isEqualTo(503);
    }

    @Test
    void aRequestOverTheLimitIsRefusedBeforeAnyFaultIsDrawn() throws IOException {
        sandbox = WebworkSandbox.builder().rateLimit(1, Duration.ofMinutes(1))
                .faults(FaultPlan.builder().share(1).kinds(FaultKind.HTTP_500).build()).build().start();

        assertThat(get(TASKS).statusCode()).isEqualTo(500);
        assertThat(get(TASKS).statusCode()).isEqualTo(429);

        assertThat(sandbox.faultsInjected()).isEqualTo(Map.of(FaultKind.HTTP_500, 1));
        assertThat(sandbox.overLimitCount()).isEqualTo(1);
        assertThat(sandbox.requests()).extracting(RecordedRequest::fault).containsExactly(FaultKind.HTTP_500, null);
    }

    private WebworkSandbox sandbox(FaultKind... kinds) {
        WebworkSandbox.Builder builder = WebworkSandbox.builder();
        if (kinds.length > 0) {
            builder.faults(FaultPlan.builder().share(1).kinds(kinds).build());
        }
        sandbox = builder.build().start();
        return sandbox;
    }

    private static List<FaultKind> draws(FaultPlan plan, int requests) {
        FaultDraws draws = plan.start();
        List<FaultKind> kinds = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            kinds.add(draws.next("GET", "/api/v2/tasks"));
        }
        return kinds;
    }

    /** 30 reads against a fresh sandbox with the plan: "status fault" per request. */
    private List<String> run(FaultPlan plan) throws IOException {
        try (WebworkSandbox s = WebworkSandbox.builder().noRateLimit().faults(plan).build().start()) {
            List<String> outcomes = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                HttpResponse<String> response = RawHttp.send("GET", s.baseUrl() + TASKS, null, s.token(), null);
                outcomes.add(response.statusCode() + " " + s.requests().get(i).fault());
            }
            return outcomes;
        }
    }

    /** Everything the server sends until it closes the connection. */
    private String rawPost(String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", sandbox.port())) {
            socket.setSoTimeout(5_000);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String request = "POST /api/v2/tasks HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + sandbox.token() + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + bytes.length + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(received);
            } catch (SocketException e) {
                // a reset instead of an orderly close: what was read so far is the answer
            }
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> post(String body) throws IOException {
        return RawHttp.send("POST", sandbox.baseUrl() + "/tasks", body, sandbox.token(), RawHttp.JSON);
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException {
        return RawHttp.send("GET", sandbox.baseUrl() + pathAndQuery, null, sandbox.token(), null);
    }
}
