package io.github.camelwebwork.consumer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.camelwebwork.model.Task;
import io.github.camelwebwork.model.Webhook;
import io.github.camelwebwork.model.WebhookPayload;
import io.github.camelwebwork.sandbox.WebhookDelivery;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import io.github.camelwebwork.support.LoopbackHttpServer;
import io.github.camelwebwork.support.SandboxTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook deliveries from the sandbox (house rule H9) through {@code from("webwork:webhooks")} on platform-http:
 * registration on start and removal on stop, signature and age checks, deduplication, redelivery after a failure.
 */
class WebhookConsumerTest extends SandboxTestSupport {

    private final int port = AvailablePortFinder.getNextAvailable();
    private final String hookUrl = "http://127.0.0.1:" + port + "/webwork/hooks";
    private final AtomicBoolean failNext = new AtomicBoolean();

    /** The sandbox's (its deliveries' timestamps) and the receiver's clock: the age of a delivery is exact. */
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T08:00:05Z"), ZoneOffset.UTC);

    @Override
    protected Clock clock() {
        return clock;
    }

    @Override
    protected WebworkSandbox.Builder sandboxBuilder() {
        return super.sandboxBuilder().webhookRetryDelays(Duration.ofMillis(50), 1.5);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        LoopbackHttpServer.addTo(context, port);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("webwork:webhooks?workspaceId=1&events=tracker.started,tracker.stopped,task.updated"
                     + "&webhookExternalUrl=http://127.0.0.1:" + port + "&webhookPath=/webwork/hooks")
                        .routeId("hooks")
                        .process(e -> {
                            if (failNext.getAndSet(false)) {
                                throw new IllegalStateException("downstream is down");
                            }
                        })
                        .to("mock:events");
            }
        };
    }

    @SuppressWarnings("unchecked")
    private List<Webhook> webhooks() {
        return template.requestBody("webwork:webhooks?operation=list&workspaceId=1", null, List.class);
    }

    private HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hookUrl))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sign(String token, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body)
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theRouteRegistersItsWebhookAndReceivesTrackerEventsOnce() throws Exception {
        assertThat(webhooks()).singleElement().satisfies(w -> {
            assertThat(w.getUrl()).isEqualTo(hookUrl);
            assertThat(w.getEvents()).containsExactly("tracker.started", "tracker.stopped", "task.updated");
        });
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(2);
        events.expectedHeaderValuesReceivedInAnyOrder("CamelWebworkEvent", "tracker.started", "tracker.stopped");

        template.requestBody("webwork:time-tracking?operation=start&workspaceId=1&userId=103&contractId=303",
                (Object) null);
        template.requestBody("webwork:time-tracking?operation=stop&workspaceId=1&userId=103", (Object) null);

        events.assertIsSatisfied();
        WebhookPayload started = events.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getBody(WebhookPayload.class))
                .filter(p -> "tracker.started".equals(p.getEvent())).findFirst().orElseThrow();
        assertThat(started.getWorkspaceId()).isEqualTo(1L);
        assertThat(started.getData().path("user_id").asLong()).isEqualTo(103L);
        assertThat(events.getReceivedExchanges().get(0).getMessage().getHeader("CamelWebworkDeliveryId"))
                .isNotNull();
        assertThat(sandbox.awaitDeliveriesIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(sandbox.deliveries()).allSatisfy(d -> assertThat(d.delivered()).isTrue());
    }

    @Test
    void taskEventsCarryTheTask() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);

        template.requestBody("webwork:tasks?operation=update&workspaceId=1&projectId=100&taskId=500",
                Map.of("priority", 10));

        events.assertIsSatisfied();
        Task task = events.getReceivedExchanges().get(0).getMessage().getBody(WebhookPayload.class)
                .dataAs(Task.class);
        assertThat(task.getId()).isEqualTo(500L);
        assertThat(task.getPriority()).isEqualTo(10);
    }

    @Test
    void forgedStaleAndUnsignedDeliveriesAreRefusedAndNeverReachTheRoute() throws Exception {
        String token = webhooks().get(0).getToken();
        String body = "{\"id\":\"d-1\",\"event\":\"tracker.started\",\"workspace_id\":1,"
                      + "\"created_at\":\"2026-11-29T08:00:00Z\",\"data\":{\"user_id\":103}}";
        String now = String.valueOf(clock.instant().getEpochSecond());
        // the default tolerance is 300 s either way: one second beyond it is stale, at it is accepted (below)
        String old = String.valueOf(clock.instant().minusSeconds(301).getEpochSecond());
        String edge = String.valueOf(clock.instant().plusSeconds(300).getEpochSecond());

        HttpResponse<String> forged = post(body, Map.of("X-Webwork-Delivery", "d-1", "X-Webwork-Timestamp", now,
                "X-Webwork-Signature", sign("whsec_guessed", now, body)));
        HttpResponse<String> stale = post(body, Map.of("X-Webwork-Delivery", "d-1", "X-Webwork-Timestamp", old,
                "X-Webwork-Signature", sign(token, old, body)));
        HttpResponse<String> unsigned = post(body, Map.of("X-Webwork-Delivery", "d-1", "X-Webwork-Timestamp", now));
        HttpResponse<String> tampered = post(body.replace("103", "104"), Map.of("X-Webwork-Delivery", "d-1",
                "X-Webwork-Timestamp", now, "X-Webwork-Signature", sign(token, now, body)));

        assertThat(List.of(forged, stale, unsigned, tampered)).extracting(HttpResponse::statusCode)
                .containsOnly(401);
        assertThat(forged.body()).isEqualTo("signature mismatch").doesNotContain(token);
        assertThat(stale.body()).startsWith("stale delivery");
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isZero();

        HttpResponse<String> genuine = post(body, Map.of("X-Webwork-Delivery", "d-1", "X-Webwork-Timestamp", now,
                "X-Webwork-Signature", sign(token, now, body)));
        HttpResponse<String> again = post(body, Map.of("X-Webwork-Delivery", "d-1", "X-Webwork-Timestamp", now,
                "X-Webwork-Signature", sign(token, now, body)));
        assertThat(genuine.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("duplicate");
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isEqualTo(1);

        String other = body.replace("d-1", "d-2");
        HttpResponse<String> atTheEdge = post(other, Map.of("X-Webwork-Delivery", "d-2", "X-Webwork-Timestamp", edge,
                "X-Webwork-Signature", sign(token, edge, other)));
        assertThat(atTheEdge.statusCode()).as(atTheEdge.body()).isEqualTo(200);
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isEqualTo(2);
    }

    /**
     * The delivery-id header is not signed: a captured, validly signed delivery replayed within the tolerance with the
     * same, another or no delivery id reaches the route once; so does a body without an id of its own.
     */
    @Test
    void aReplayedDeliveryReachesTheRouteOnceWhateverItsDeliveryIdHeaderSays() throws Exception {
        String token = webhooks().get(0).getToken();
        String now = String.valueOf(clock.instant().getEpochSecond());
        String body = "{\"id\":\"evt-77\",\"event\":\"tracker.started\",\"workspace_id\":1,"
                      + "\"created_at\":\"2026-11-29T08:00:00Z\",\"data\":{\"user_id\":103}}";
        String signature = sign(token, now, body);
        List<HttpResponse<String>> answers = new ArrayList<>();
        answers.add(post(body, Map.of("X-Webwork-Delivery", "d-77", "X-Webwork-Timestamp", now,
                "X-Webwork-Signature", signature)));
        answers.add(post(body, Map.of("X-Webwork-Delivery", "d-77", "X-Webwork-Timestamp", now,
                "X-Webwork-Signature", signature)));
        answers.add(post(body, Map.of("X-Webwork-Delivery", "replayed-1", "X-Webwork-Timestamp", now,
                "X-Webwork-Signature", signature)));
        answers.add(post(body, Map.of("X-Webwork-Timestamp", now, "X-Webwork-Signature", signature)));

        String anonymous = "{\"event\":\"tracker.stopped\",\"workspace_id\":1,\"data\":{\"user_id\":103}}";
        String anonymousSignature = sign(token, now, anonymous);
        answers.add(post(anonymous, Map.of("X-Webwork-Delivery", "d-78", "X-Webwork-Timestamp", now,
                "X-Webwork-Signature", anonymousSignature)));
        answers.add(post(anonymous, Map.of("X-Webwork-Delivery", "replayed-2", "X-Webwork-Timestamp", now,
                "X-Webwork-Signature", anonymousSignature)));
        answers.add(post(anonymous, Map.of("X-Webwork-Timestamp", now, "X-Webwork-Signature", anonymousSignature)));

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
        assertThat(answers).extracting(HttpResponse::body)
                .containsExactly("ok", "duplicate", "duplicate", "duplicate", "ok", "duplicate", "duplicate");
        MockEndpoint events = getMockEndpoint("mock:events");
        assertThat(events.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader("CamelWebworkEvent"))
                .containsExactly("tracker.started", "tracker.stopped");
        assertThat(events.getReceivedExchanges().get(0).getMessage().getHeader("CamelWebworkDeliveryId"))
                .as("the signed id, not the header").isEqualTo("evt-77");
    }

    @Test
    void aDuplicateDeliveryIsDroppedAndAFailedOneIsDeliveredAgain() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        failNext.set(true);

        template.requestBody("webwork:time-tracking?operation=start&workspaceId=1&userId=103&contractId=303",
                (Object) null);
        assertThat(sandbox.awaitDeliveriesIdle(Duration.ofSeconds(10))).isTrue();
        WebhookDelivery delivery = sandbox.deliveries().get(0);
        assertThat(delivery.attempts()).extracting(WebhookDelivery.Attempt::status).containsExactly(500, 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> events.getReceivedCounter() == 1);

        sandbox.redeliver(delivery.id());
        assertThat(sandbox.awaitDeliveriesIdle(Duration.ofSeconds(10))).isTrue();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(30))
                .until(() -> events.getReceivedCounter() == 1);
        assertThat(events.getReceivedExchanges().get(0).getMessage().getHeader("CamelWebworkDeliveryId"))
                .isEqualTo(delivery.id());
    }

    @Test
    void stoppingTheRouteDeletesTheRegistration() throws Exception {
        assertThat(webhooks()).hasSize(1);

        context.getRouteController().stopRoute("hooks");

        assertThat(webhooks()).isEmpty();
    }

    /** A webhook already registered for the route's URL (an earlier run kept it) is taken over, not doubled. */
    @Test
    void aRegistrationLeftForTheSameUrlIsTakenOver() throws Exception {
        context.getRouteController().stopRoute("hooks");
        template.requestBody("webwork:webhooks?operation=create&workspaceId=1",
                Map.of("url", hookUrl, "events", List.of("project.created")));
        assertThat(webhooks()).singleElement().satisfies(w -> assertThat(w.getEvents()).containsExactly("project.created"));

        context.getRouteController().startRoute("hooks");

        assertThat(webhooks()).singleElement().satisfies(w -> {
            assertThat(w.getUrl()).isEqualTo(hookUrl);
            assertThat(w.getEvents()).containsExactly("tracker.started", "tracker.stopped", "task.updated");
        });
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);
        template.requestBody("webwork:tasks?operation=update&workspaceId=1&projectId=100&taskId=500",
                Map.of("priority", 20));
        events.assertIsSatisfied();
    }
}
