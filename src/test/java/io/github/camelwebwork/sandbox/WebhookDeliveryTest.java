package io.github.camelwebwork.sandbox;

import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.assertSuccess;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.camelwebwork.sandbox.SandboxClient.Reply;
import io.github.camelwebwork.sandbox.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * §8.1 (H9) webhook deliveries, received by a tiny HTTP server in the test: body, headers and signature per event,
 * subscriptions, retries, give-up, deletion, duplicates and redelivery. Waits use {@link
 * WebworkSandbox#awaitDeliveriesIdle} or Awaitility, never sleeps.
 */
class WebhookDeliveryTest {

    private static final Duration IDLE = Duration.ofSeconds(30);      // a bound on a hang, not a pace
    private static final long NOW_SECONDS = TimeSandbox.NOW.getEpochSecond();
    private static final String ALL_EVENTS = SandboxWebhook.EVENTS.stream().sorted()
            .map(e -> "\"" + e + "\"").collect(Collectors.joining(",", "[", "]"));

    private final List<WebworkSandbox> sandboxes = new ArrayList<>();
    private final List<Receiver> receivers = new ArrayList<>();
    private TimeSandbox.MovableClock clock;
    private WebworkSandbox sandbox;
    private SandboxClient client;
    private Receiver receiver;

    @BeforeEach
    void start() {
        clock = new TimeSandbox.MovableClock();
        sandbox = sandbox(builder());
        client = new SandboxClient(sandbox);
        receiver = receiver();
    }

    @AfterEach
    void stop() {
        sandboxes.forEach(WebworkSandbox::close);
        receivers.forEach(Receiver::close);
    }

    // ---- body, headers and signature per event ------------------------------------------------------------------

    @Test
    void trackerEventsCarryTheHouseBodyHeadersAndSignature() {
        JsonNode hook = register(receiver.url("/hooks"), "[\"tracker.started\",\"tracker.stopped\"]");

        assertSuccess(client.send("POST", "/time-tracking/start", "{\"workspace_id\":1,\"user_id\":103,"
                + "\"contract_id\":303,\"task_id\":503,\"activity_description\":\"Fix header\"}"), 200,
                "Time tracking started successfully");
        assertThat(sandbox.awaitDeliveriesIdle(IDLE)).isTrue(); // sent before the clock moves
        clock.advance(Duration.ofMinutes(30));
        assertSuccess(client.send("POST", "/time-tracking/stop", "{\"workspace_id\":1,\"user_id\":103}"), 200,
                "Time tracking stopped successfully");
        assertThat(sandbox.awaitDeliveriesIdle(IDLE)).isTrue();

        Received started = receiver.only("tracker.started");
        assertHouseDelivery(started, "tracker.started", hook, NOW_SECONDS);
        assertThat(started.path()).isEqualTo("/hooks");
        assertThat(started.json().path("created_at").asText()).isEqualTo("2024-05-15T15:00:00.000000Z");
        JsonNode data = started.json().get("data");
        assertThat(fieldNames(data)).containsExactly("user_id", "contract_id", "project_id", "task_id",
                "activity_description", "start_time");
        assertThat(data.path("user_id").asLong()).isEqualTo(103);
        assertThat(data.path("contract_id").asLong()).isEqualTo(303);
        assertThat(data.path("project_id").asLong()).isEqualTo(100);
        assertThat(data.path("task_id").asLong()).isEqualTo(503);
        assertThat(data.path("activity_description").asText()).isEqualTo("Fix header");
        assertThat(data.path("start_time").asText()).isEqualTo("2024-05-15T15:00:00.000000Z");

        Received stopped = receiver.only("tracker.stopped");
        assertHouseDelivery(stopped, "tracker.stopped", hook, NOW_SECONDS + 1800);
        JsonNode stoppedData = stopped.json().get("data");
        assertThat(fieldNames(stoppedData)).containsExactly("user_id", "contract_id", "project_id", "task_id",
                "activity_description", "start_time", "end_time");
        assertThat(stoppedData.path("start_time").asText()).isEqualTo("2024-05-15T15:00:00.000000Z");
        assertThat(stoppedData.path("end_time").asText()).isEqualTo("2024-05-15T15:30:00.000000Z");

        List<WebhookDelivery> deliveries = sandbox.deliveries();
        assertThat(deliveries).extracting(WebhookDelivery::event).containsExactly("tracker.started",
                "tracker.stopped");
        for (WebhookDelivery d : deliveries) {
            Received received = receiver.only(d.event());
            assertThat(d.id()).isEqualTo(received.header("x-webwork-delivery"));
            assertThat(d.webhookId()).isEqualTo(hook.path("id").asText());
            assertThat(d.url()).isEqualTo(receiver.url("/hooks"));
            assertThat(d.body()).isEqualTo(received.body());
            assertThat(d.attempts()).extracting(WebhookDelivery.Attempt::status).containsExactly(200);
            assertThat(d.delivered()).isTrue();
        }
    }

    @Test
    void contractPauseThatStopsATrackerFiresTrackerStopped() {
        register(receiver.url("/hooks"), "[\"tracker.stopped\"]");
        client.send("POST", "/time-tracking/start", "{\"workspace_id\":1,\"user_id\":103,\"contract_id\":303}");
        clock.advance(Duration.ofMinutes(5));

        assertSuccess(client.send("PUT", "/contracts/303", "{\"workspace_id\":1,\"status\":\"paused\"}"), 200,
                "Contract updated successfully");
        assertThat(sandbox.awaitDeliveriesIdle(IDLE)).isTrue();

        JsonNode data = receiver.only("tracker.stopped").json().get("data");
        assertThat(data.path("contract_id").asLong()).isEqualTo(303);
        assertThat(data.path("end_time").asText()).isEqualTo("2024-05-15T15:05:00.000000Z");
    }

    @Test
    void memberEventsCarryTheMemberAsItsGetAnswers() {
        JsonNode hook = register(receiver.url("/hooks"), ALL_EVENTS);

        Reply invited = client.send("POST", "/members", "{\"workspace_id\":1,\"email\":\"nina@acme.example\","
                + "\"firstname\":\"Nina\",\"lastname\":\"New\",\"role\":\"Regular User\"}");
        long userId = invited.data().path("user_id").asLong();
        JsonNode afterInvite = member(userId);
        sandbox.acceptInvitation(1, userId);
        JsonNode afterAccept = member(userId);
        client.send("PUT", "/members/" + userId, "{\"workspace_id\":1,\"lastname\":\"Newer\"}");
        JsonNode afterUpdate = member(userId);
        assertSuccess(client.send("DELETE", "/members/" + userId, "{\"workspace_id\":1}"), 200,
                "Member archived successfully");
        JsonNode afterArchive = member(userId);
        assertThat(sandbox.awaitDeliveriesIdle(IDLE)).isTrue();

        assertThat(sandbox.deliveries()).extracting(WebhookDelivery::event).containsExactly("member.invited",
                "member.activated", "member.updated", "member.archived");
        assertHouseDelivery(receiver.only("member.invited"), "member.invited", hook, NOW_SECONDS);
        assertThat(receiver.only("member.invited").json().get("data")).isEqualTo(afterInvite);
        assertThat(afterInvite.path("status").asText()).isEqualTo("inactive");
        assertThat(receiver.only("member.activated").json().get("data")).isEqualTo(afterAccept);
        assertThat(afterAccept.path("status").asText()).isEqualTo("active");
        assertThat(receiver.only("member.updated").json().get("data")).isEqualTo(afterUpdate);
        assertThat(afterUpdate.path("lastname").asText()).isEqualTo("Newer");
        assertThat(receiver.only("member.archived").json().get("data")).isEqualTo(afterArchive);
        assertThat(afterArchive.path("status").asText()).isEqualTo("left");
        assertThat(receiver.events()).doesNotContain("member.deleted");
    }

    @Test
    void projectEventsCarryTheProjectAsItsGetAnswers() {
        JsonNode hook = register(receiver.url("/hooks"), ALL_EVENTS);

        Reply created = client.send("POST", "/projects", "{\"workspace_id\":1,\"name\":\"Hooks\",\"budget\":10}");
        assertSuccess(created, 201, "Project created successfully");
        long id = created.data().path("id").asLong();
        JsonNode afterCreate = project(id);
        client.send("PUT", "/projects/" + id, "{\"workspace_id\":1,\"name\":\"Hooks 2\"}");
        JsonNode afterUpdate = project(id);
        assertSuccess(client.send("DELETE", "/projects/" + id, "{\"workspace_id\":1}"), 200,
                "Project deleted successfully");
        assertThat(sandbox.awaitDeliveriesIdle(IDLE)).isTrue();

        assertThat(sandbox.deliveries()).extracting(WebhookDelivery::event).containsExactly("project.created",
                "project.updated", "project.deleted");
        assertHouseDelivery(receiver.only("project.created"), "project.created", hook, NOW_SECONDS);
        assertThat(receiver.only("project.created").json().get("data")).isEqualTo(afterCreate);
        assertThat(afterCreate.has("rate")).isTrue(); // the owner who registered the hook sees rates
        assertThat(receiver.only("project.updated").json().get("data")).isEqualTo(afterUpdate);
        // after DELETE the GET is 404: the data is the last GET's with the archive stamps
        ObjectNode deleted = (ObjectNode) receiver.only("project.deleted").json().get("data").deepCopy();
        assertThat(deleted.path("deleted_at").asText()).matches("2024-05-15T15:00:00\\.\\d{6}Z");
        ObjectNode expected = afterUpdate.deepCopy();
        expected.set("updated_at", deleted.get("updated_at"));
        expected.set("deleted_at", deleted.get("deleted_at"));
        assertThat(deleted).isEqualTo(expected);
    }

    @Test
    void taskUpdatedFiresOnPutAndOnAssigneeChangesOnly() {
        JsonNode hook = register(receiver.url("/hooks"), ALL_EVENTS);
        String scope = "{\"workspace_id\":1,\"project_id\":100}";

        Reply created = client.send("POST", "/tasks", "{\"workspace_id\":1,\"project_id\":100,\"title\":\"T\"}");
        long id = created.data().path("id").asLong();
        client.send("PUT", "/tasks/" + id, "{\"workspace_id\":1,\"project_id\":100,\"status\":10}");
        JsonNode afterPut = task(id);
        assertSuccess(client.send("POST", "/tasks/" + id + "/assign/103", scope), 200, "Task assigned successfully");
        JsonNode afterAssign = task(id);
        client.send("POST", "/tasks/" + id + "/assign/103", scope); // already assigned: no change, no event
        assertSuccess(client.send("DELETE", "/tasks/" + id + "/unassign/103", scope), 200,
                "Task unassigned successfully");
        JsonNode afterUnassign = task(id);
        client.send("DELETE", "/tasks/" + id, scope); // no task.deleted event in §8.1
        assertThat(sandbox.awaitDeliveriesIdle(IDLE)).isTrue();

        List<WebhookDelivery> deliveries = sandbox.deliveries();
        assertThat(deliveries).extracting(WebhookDelivery::event).containsOnly("task.updated").hasSize(3);
        List<JsonNode> bodies = deliveries.stream().map(d -> parse(d.body()).get("data")).toList();
        assertThat(bodies).containsExactly(afterPut, afterAssign, afterUnassign);
        assertThat(afterAssign.get("assignees")).extracting(a -> a.path("id").asLong()).containsExactly(103L);
        for (Received r : receiver.requests()) {
            assertHouseDelivery(r, "task.updated", hook, NOW_SECONDS);
        }
    }

    // ---- who gets what ------------------------------------------------------------------------------------------

    @Test
    void onlySubscribedWebhooksOfTheWorkspaceGetAnEvent() {
        register(receiver.url("/a"), "[\"tracker.started\"]");
        register(receiver.url("/b"), "[\"project.created\",\"tracker.stopped\"]");
        client.send("POST", "/webhooks", "{\"workspace_id\":2,\"url\":\"" + receiver.url("/c")
                + "\",\"events\":[\"tracker.started\"]}");

        client.send("POST", "/time-tracking/start", "{\"workspace_id\":1,\"user_id\":103}");
        sandbox.state().addProject(1, "Set up directly"); // not through the API: no event
        assertThat(sandbox.awaitDeliveriesIdle(IDLE)).isTrue();

        assertThat(receiver.requests()).extracting(Received::path).containsExactly("/a");
        assertThat(receiver.only("tracker.started").json().path("workspace_id").asLong()).isEqualTo(1);
        assertThat(sandbox.deliveries()).hasSize(1);
    }

    @Test
    void everySubscribedWebhookGetsItsOwnDeliverySignedWithItsOwnToken() {
        JsonNode a = register(receiver.url("/a"), "[\"project.created\"]");
        JsonNode b = register(receiver.url("/b"), "[\"project.created\"]");

        client.send("POST", "/projects", "{\"workspace_id\":1,\"name\":\"Twice\"}");
        assertThat(sandbox.awaitDeliveriesIdle(IDLE)).isTrue();

        Map<String, Received> byPath = receiver.requests().stream()
                .collect(Collectors.toMap(Received::path, r -> r));
        assertThat(byPath).containsOnlyKeys("/a", "/b");
        assertHouseDelivery(byPath.get("/a"), "project.created", a, NOW_SECONDS);
        assertHouseDelivery(byPath.get("/b"), "project.created", b, NOW_SECONDS);
        assertThat(byPath.get("/a").header("x-webwork-delivery"))
                .isNotEqualTo(byPath.get("/b").header("x-webwork-delivery"));
        assertThat(signatureValid(byPath.get("/a"), b.path("token").asText())).isFalse();
    }

    // ---- retries and giving up ----------------------------------------------------------------------------------

    @Test
    void aFailedSendIsRetriedWithTheSameDeliveryIdUntilA2xx() {
        JsonNode hook = register(receiver.url("/hooks"), "[\"project.created\"]");
        receiver.answer(500, 200);

        client.send("POST", "/projects", "{\"workspace_id\":1,\"name\":\"Retry me\"}");
        assertThat(sandbox.awaitDeliveriesIdle(IDLE)).isTrue();

        List<Received> got = receiver.requests();
        assertThat(got).hasSize(2);
        assertThat(got.get(1).header("x-webwork-delivery")).isEqualTo(got.get(0).header("x-webwork-delivery"));
        assertThat(got.get(1).body()).isEqualTo(got.get(0).body());
        got.forEach(r -> assertHouseDelivery(r, "project.created", hook, NOW_SECONDS));
        WebhookDelivery d = sandbox.deliveries().get(0);
        assertThat(d.id()).isEqualTo(got.get(0).header("x-webwork-delivery"));
        assertThat(d.attempts()).extracting(WebhookDelivery.Attempt::status).containsExactly(500, 200);
        assertThat(d.delivered()).isTrue();
    }

    @Test
    void aReceiverThatKeepsFailingGetsOnePlusFiveAttemptsWithGrowingDelays() {
        WebworkSandbox slow = sandbox(builder().webhookRetryDelays(Duration.ofMillis(20), 2));
        register(slow, receiver.url("/hooks"), "[\"member.archived\"]");
        receiver.answer(503, 503, 503, 503, 503, 503, 503);

        slow.emit(1, "member.archived", Json.object().put("id", 1));
        assertThat(slow.awaitDeliveriesIdle(IDLE)).isTrue();

        WebhookDelivery d = slow.deliveries().get(0);
        assertThat(d.attempts()).extracting(WebhookDelivery.Attempt::status).containsExactly(503, 503, 503, 503,
                503, 503);
        assertThat(d.delivered()).isFalse();
        List<Long> arrivals = receiver.requests().stream().map(Received::nanos).toList();
        assertThat(arrivals).hasSize(6);
        for (int n = 1; n <= 5; n++) {
            long expected = TimeUnit.MILLISECONDS.toNanos(20L << (n - 1)); // 20, 40, 80, 160, 320 ms
            assertThat(arrivals.get(n) - arrivals.get(n - 1)).as("gap before retry " + n)
                    .isGreaterThanOrEqualTo(expected);
        }
    }

    @Test
    void aDeadReceiverGetsOnePlusFiveAttemptsAndTheApiCallIsUnaffected() throws IOException {
        String dead;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = "http://127.0.0.1:" + socket.getLocalPort() + "/gone";
        }
        register(dead, "[\"project.created\"]");

        assertSuccess(client.send("POST", "/projects", "{\"workspace_id\":1,\"name\":\"Nobody listens\"}"), 201,
                "Project created successfully");
        assertThat(sandbox.awaitDeliveriesIdle(IDLE)).isTrue();

        WebhookDelivery d = sandbox.deliveries().get(0);
        assertThat(d.url()).isEqualTo(dead);
        assertThat(d.attempts()).hasSize(6).allSatisfy(a -> assertThat(a.status()).isZero());
        assertThat(d.delivered()).isFalse();
    }

    @Test
    void aReceiverSlowerThanTheTimeoutCountsAsNoAnswer() {
        WebworkSandbox impatient = sandbox(builder().webhookTimeout(Duration.ofMillis(300)));
        register(impatient, receiver.url("/hooks"), "[\"project.created\"]");
        CountDownLatch release = receiver.hangFirst();

        try {
            impatient.emit(1, "project.created", Json.object().put("id", 7));
            assertThat(impatient.awaitDeliveriesIdle(IDLE)).isTrue();
        } finally {
            release.countDown();
        }

        WebhookDelivery d = impatient.deliveries().get(0);
        assertThat(d.attempts()).extracting(WebhookDelivery.Attempt::status).containsExactly(0, 200);
        assertThat(d.delivered()).isTrue();
    }

    @Test
    void deletingTheWebhookStopsItsDeliveries() {
        WebworkSandbox patient = sandbox(builder().webhookRetryDelays(Duration.ofSeconds(2), 2));
        SandboxClient patientClient = new SandboxClient(patient);
        JsonNode hook = register(patient, receiver.url("/hooks"), "[\"project.created\"]");
        receiver.answer(500);

        patientClient.send("POST", "/projects", "{\"workspace_id\":1,\"name\":\"First\"}");
        await().atMost(IDLE).until(() -> receiver.requests().size() == 1);
        await().atMost(IDLE).until(() -> patient.deliveries().get(0).attempts().size() == 1);
        assertSuccess(patientClient.send("DELETE", "/webhooks/" + hook.path("id").asText(),
                "{\"workspace_id\":1}"), 200, "Webhook deleted successfully");
        // normally 1; 2 when a very busy machine ran the delete only after the 2 s retry
        int sentBeforeTheDelete = patient.deliveries().get(0).attempts().size();
        assertThat(patient.awaitDeliveriesIdle(IDLE)).isTrue(); // the pending retry is given up
        patientClient.send("POST", "/projects", "{\"workspace_id\":1,\"name\":\"Second\"}");
        assertThat(patient.awaitDeliveriesIdle(IDLE)).isTrue();

        assertThat(sentBeforeTheDelete).isBetween(1, 2);
        assertThat(receiver.requests()).hasSize(sentBeforeTheDelete);
        assertThat(patient.deliveries()).hasSize(1);
        assertThat(patient.deliveries().get(0).attempts()).extracting(WebhookDelivery.Attempt::status)
                .hasSize(sentBeforeTheDelete).containsOnly(500);
    }

    // ---- duplicates, redelivery, emit ---------------------------------------------------------------------------

    @Test
    void duplicateDeliveriesDoubleADeterministicSubset() {
        Set<Integer> first = duplicatedIndexes(0.5, 42, 20);
        Set<Integer> again = duplicatedIndexes(0.5, 42, 20);

        Random draws = new Random(42);
        Set<Integer> expected = IntStream.range(0, 20).filter(i -> draws.nextDouble() < 0.5).boxed()
                .collect(Collectors.toSet());
        assertThat(first).isEqualTo(expected).isEqualTo(again);
        assertThat(first).isNotEmpty().hasSizeLessThan(20);
        assertThat(duplicatedIndexes(1, 7, 5)).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        assertThat(duplicatedIndexes(0, 7, 5)).isEmpty();
    }

    @Test
    void redeliverSendsTheSameDeliveryAgain() {
        JsonNode hook = register(receiver.url("/hooks"), "[\"member.deleted\"]");
        ObjectNode data = Json.object().put("id", 103).put("status", "left");

        String id = sandbox.emit(1, "member.deleted", data);
        assertThat(sandbox.awaitDeliveriesIdle(IDLE)).isTrue();
        clock.advance(Duration.ofSeconds(90));
        sandbox.redeliver(id);
        assertThat(sandbox.awaitDeliveriesIdle(IDLE)).isTrue();

        List<Received> got = receiver.requests();
        assertThat(got).hasSize(2);
        assertThat(got).extracting(r -> r.header("x-webwork-delivery")).containsExactly(id, id);
        assertThat(got.get(1).body()).isEqualTo(got.get(0).body());
        assertHouseDelivery(got.get(0), "member.deleted", hook, NOW_SECONDS);
        assertHouseDelivery(got.get(1), "member.deleted", hook, NOW_SECONDS + 90); // fresh timestamp, re-signed
        assertThat(got.get(0).json().get("data")).isEqualTo(data);
        assertThat(sandbox.deliveries()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(id);
            assertThat(d.attempts()).extracting(WebhookDelivery.Attempt::status).containsExactly(200, 200);
        });
        assertThatThrownBy(() -> sandbox.redeliver("no-such-delivery")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emitChecksItsArgumentsAndNeedsASubscriber() {
        assertThat(sandbox.emit(1, "member.deleted", Json.object())).isNull(); // no webhook yet
        assertThatThrownBy(() -> sandbox.emit(1, "task.created", Json.object()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sandbox.emit(99, "member.deleted", Json.object()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(sandbox.deliveries()).isEmpty();
        assertThat(sandbox.awaitDeliveriesIdle(Duration.ZERO)).isTrue();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private Set<Integer> duplicatedIndexes(double share, long seed, int events) {
        Receiver sink = receiver();
        WebworkSandbox s = sandbox(builder().duplicateDeliveries(share, seed));
        register(s, sink.url("/dup"), "[\"member.activated\"]");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            ids.add(s.emit(1, "member.activated", Json.object().put("n", i)));
        }
        assertThat(s.awaitDeliveriesIdle(IDLE)).isTrue();
        Map<String, Long> received = sink.requests().stream()
                .collect(Collectors.groupingBy(r -> r.header("x-webwork-delivery"), Collectors.counting()));
        List<WebhookDelivery> deliveries = s.deliveries();
        assertThat(deliveries).extracting(WebhookDelivery::id).containsExactlyElementsOf(ids);
        Set<Integer> doubled = new TreeSet<>();
        for (int i = 0; i < events; i++) {
            WebhookDelivery d = deliveries.get(i);
            assertThat(d.delivered()).isTrue();
            List<Integer> statuses = d.attempts().stream().map(WebhookDelivery.Attempt::status).toList();
            // on a busy machine an attempt can time out (status 0) and be retried: a duplicate is a send after the
            // first success, whatever came before it
            int firstSuccess = statuses.indexOf(200);
            long answered = statuses.stream().filter(status -> status == 200).count();
            assertThat(received.get(d.id())).as("sends received of %s", d.id())
                    .isBetween(answered, (long) statuses.size());
            assertThat(statuses.size() - firstSuccess).as("sends after the first success of %s", d.id())
                    .isBetween(1, 2);
            if (statuses.size() - firstSuccess == 2) {
                doubled.add(i);
            }
        }
        // both sends of a duplicate carry the same body
        sink.requests().stream().collect(Collectors.groupingBy(r -> r.header("x-webwork-delivery")))
                .values().forEach(sends -> assertThat(sends).extracting(Received::body).containsOnly(
                        sends.get(0).body()));
        return doubled;
    }

    private WebworkSandbox.Builder builder() {
        return WebworkSandbox.builder().clock(clock).noRateLimit()
                .webhookRetryDelays(Duration.ofMillis(5), 2).webhookTimeout(Duration.ofSeconds(30)); // a busy machine's receiver
    }

    private WebworkSandbox sandbox(WebworkSandbox.Builder b) {
        WebworkSandbox s = b.build().start();
        sandboxes.add(s);
        return s;
    }

    private Receiver receiver() {
        Receiver r = new Receiver();
        receivers.add(r);
        return r;
    }

    private JsonNode register(String url, String events) {
        return register(sandbox, url, events);
    }

    private static JsonNode register(WebworkSandbox target, String url, String events) {
        Reply reply = new SandboxClient(target).send("POST", "/webhooks",
                "{\"workspace_id\":1,\"url\":\"" + url + "\",\"events\":" + events + "}");
        assertSuccess(reply, 200, "Webhook created successfully");
        return reply.data();
    }

    private JsonNode member(long id) {
        return client.get("/members/" + id + "?workspace_id=1").data();
    }

    private JsonNode project(long id) {
        return client.get("/projects/" + id + "?workspace_id=1").data();
    }

    private JsonNode task(long id) {
        return client.get("/tasks/" + id + "?workspace_id=1&project_id=100").data();
    }

    /** §8.1: POST, JSON body {id, event, workspace_id, created_at, data}, the four headers, a valid signature. */
    private static void assertHouseDelivery(Received r, String event, JsonNode hook, long timestamp) {
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.header("content-type")).isEqualTo("application/json");
        assertThat(r.header("x-webwork-event")).isEqualTo(event);
        assertThat(r.header("x-webwork-timestamp")).isEqualTo(Long.toString(timestamp));
        JsonNode body = r.json();
        assertThat(fieldNames(body)).containsExactly("id", "event", "workspace_id", "created_at", "data");
        assertThat(body.path("id").asText()).isEqualTo(r.header("x-webwork-delivery"))
                .matches(WebhooksApiTest.UUID);
        assertThat(body.path("event").asText()).isEqualTo(event);
        assertThat(body.path("workspace_id").isIntegralNumber()).isTrue();
        assertThat(body.path("workspace_id").asLong()).isEqualTo(1);
        assertThat(body.path("created_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");
        assertThat(r.header("x-webwork-signature")).matches("sha256=[0-9a-f]{64}");
        assertThat(signatureValid(r, hook.path("token").asText())).as("signature with the webhook's token").isTrue();
    }

    /** The receiver's check: HMAC-SHA256 keyed with the token over timestamp + "." + raw body. */
    private static boolean signatureValid(Received r, String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((r.header("x-webwork-timestamp") + "." + r.body())
                    .getBytes(StandardCharsets.UTF_8));
            return ("sha256=" + HexFormat.of().formatHex(expected)).equals(r.header("x-webwork-signature"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** One request as the receiver got it; header names lower-case; {@code nanos} = System.nanoTime on arrival. */
    record Received(String method, String path, Map<String, String> headers, String body, long nanos) {

        String header(String name) {
            return headers.get(name);
        }

        JsonNode json() {
            return parse(body);
        }
    }

    /**
     * A webhook receiver on 127.0.0.1: records every request, answers the scripted statuses in order, then 200.
     * {@link #hangFirst()} makes the first request wait for a latch before answering.
     */
    static final class Receiver implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "webhook-receiver");
            t.setDaemon(true);
            return t;
        });
        private final List<Received> requests = new ArrayList<>();
        private final Deque<Integer> script = new ArrayDeque<>();
        private CountDownLatch hang;

        Receiver() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", this::handle);
            server.setExecutor(executor);
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        synchronized void answer(Integer... statuses) {
            script.addAll(List.of(statuses));
        }

        synchronized CountDownLatch hangFirst() {
            hang = new CountDownLatch(1);
            return hang;
        }

        synchronized List<Received> requests() {
            return List.copyOf(requests);
        }

        List<String> events() {
            return requests().stream().map(r -> r.header("x-webwork-event")).toList();
        }

        /** The one request of this event. */
        Received only(String event) {
            List<Received> matching = requests().stream().filter(r -> event.equals(r.header("x-webwork-event")))
                    .toList();
            assertThat(matching).as("requests of " + event).hasSize(1);
            return matching.get(0);
        }

        private void handle(HttpExchange exchange) throws IOException {
            long nanos = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT),
                    String.join(",", v)));
            int status;
            CountDownLatch wait;
            synchronized (this) {
                requests.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        new LinkedHashMap<>(headers), body, nanos));
                Integer scripted = script.poll();
                status = scripted == null ? 200 : scripted;
                wait = hang;
                hang = null;
            }
            if (wait != null) {
                try {
                    wait.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try (exchange) {
                exchange.sendResponseHeaders(status, -1);
            }
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
