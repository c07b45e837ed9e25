package io.github.camelwebwork.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import io.github.camelwebwork.client.LocalBudgetStore;
import io.github.camelwebwork.client.Sha256;
import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.model.Webhook;
import io.github.camelwebwork.sandbox.FaultKind;
import io.github.camelwebwork.sandbox.FaultPlan;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import io.github.camelwebwork.support.LoopbackHttpServer;
import io.github.camelwebwork.support.ManualClock;
import io.github.camelwebwork.support.SandboxTestSupport;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The meters of docs/metrics.md, read from a Micrometer registry bound in the Camel registry after real calls against
 * the sandbox: requests by operation, status and outcome, 429s and retries, the rate budget, creates recovered,
 * change-capture polls, webhook deliveries; and the docs' table names exactly the meters the flows register.
 */
class MetricsFlowTest extends SandboxTestSupport {

    private static final Path DOCS = Path.of("docs/metrics.md");
    private static final ZoneId RITA_ZONE = ZoneId.of("America/New_York");

    private static final String SECOND_TOKEN = "metrics-second-token";

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final ManualClock clock = new ManualClock(Instant.now());
    private final int port = AvailablePortFinder.getNextAvailable();

    @Override
    protected Clock clock() {
        return clock;
    }

    @Override
    protected WebworkSandbox.Builder sandboxBuilder() {
        return super.sandboxBuilder().addToken(SECOND_TOKEN, 103);
    }

    @Override
    protected void configure(WebworkComponent webwork) {
        // fast retries: a 503 and a 429 burst are retried within the test
        webwork.getConfiguration().setRetryInitialBackoff(5);
        webwork.getConfiguration().setRetryMaxBackoff(20);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("metricsRegistry", meters);
        LoopbackHttpServer.addTo(context, port);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("webwork:webhooks?workspaceId=1&events=tracker.started"
                     + "&webhookExternalUrl=http://127.0.0.1:" + port + "&webhookPath=/webwork/hooks")
                        .routeId("hooks").to("mock:events");
            }
        };
    }

    private double count(String name, String... tags) {
        Search search = meters.find(name).tags(tags);
        return search.counters().stream().mapToDouble(c -> c.count()).sum()
               + search.timers().stream().mapToDouble(t -> t.count()).sum();
    }

    private double gauge(String name, String... tags) {
        return meters.get(name).tags(tags).gauge().value();
    }

    @Test
    void everyAttemptIsTimedByResourceOperationStatusAndOutcome() {
        template.requestBody("webwork:tasks?operation=list&workspaceId=1&projectId=100", (Object) null);
        Exchange missing = template.request("webwork:tasks?operation=get&workspaceId=1&projectId=100&taskId=999999",
                e -> { });

        assertThat(missing.getException()).isNotNull();
        assertThat(count("camel.webwork.requests", "resource", "tasks", "operation", "list", "status", "200",
                "outcome", "success")).isEqualTo(1);
        assertThat(count("camel.webwork.requests", "resource", "tasks", "operation", "get", "status", "404",
                "outcome", "client_error")).isEqualTo(1);
        assertThat(meters.get("camel.webwork.requests").tag("operation", "list").timer().totalTime(
                TimeUnit.NANOSECONDS)).isPositive();
    }

    @Test
    void a429AndA503AreCountedAndRetriedByCause() {
        sandbox.faults(FaultPlan.builder().seed(1).share(1.0).kinds(FaultKind.BURST_429).burstLength(1)
                .onlyPaths("GET /api/v2/projects").build());
        // every attempt answered 429: two attempts, one retry after the Retry-After
        Exchange limited = template.request("webwork:projects?operation=list&workspaceId=1&maxAttempts=2", e -> { });
        sandbox.faults(FaultPlan.builder().seed(1).share(1.0).kinds(FaultKind.HTTP_503).burstLength(1)
                .onlyPaths("GET /api/v2/members").build());
        Exchange failed = template.request("webwork:members?operation=list&workspaceId=1&maxAttempts=2", e -> { });
        sandbox.clearFaults();

        assertThat(limited.getException()).as("429 on both attempts").isNotNull();
        assertThat(failed.getException()).as("503 on both attempts").isNotNull();
        String credential = onlyTag("camel.webwork.rate.limited", "credential");
        assertThat(credential).hasSize(12).doesNotContain(sandbox.token());
        assertThat(count("camel.webwork.rate.limited", "credential", credential)).isEqualTo(2);
        assertThat(count("camel.webwork.requests", "resource", "projects", "outcome", "rate_limited", "status",
                "429")).isEqualTo(2);
        assertThat(count("camel.webwork.retries", "cause", "rate_limited")).isEqualTo(1);
        assertThat(count("camel.webwork.requests", "resource", "members", "status", "503", "outcome",
                "server_error")).isEqualTo(2);
        assertThat(count("camel.webwork.retries", "cause", "server_error")).isEqualTo(1);
    }

    private String onlyTag(String meter, String tag) {
        Set<String> values = new TreeSet<>();
        meters.find(meter).meters().forEach(m -> values.add(m.getId().getTag(tag)));
        assertThat(values).hasSize(1);
        return values.iterator().next();
    }

    @Test
    void theBudgetReportsWhatIsLeftItsWaitsAndItsRefusals() {
        // a credential of its own: a budget is one per credential, made with the rate limit of its first endpoint
        String uri = "webwork:workspaces?operation=list&rateLimit=2&maxBudgetWait=0&accessToken=" + SECOND_TOKEN;
        template.requestBody(uri, (Object) null);
        template.requestBody(uri, (Object) null);
        Exchange refused = template.request(uri, e -> { });

        assertThat(refused.getException()).hasMessageContaining("No WebWork request budget");
        String credential = onlyTag("camel.webwork.budget.refused", "credential");
        assertThat(gauge("camel.webwork.budget.remaining", "credential", credential)).isZero();
        assertThat(count("camel.webwork.budget.wait", "credential", credential, "lane", "interactive")).isEqualTo(3);
        assertThat(count("camel.webwork.budget.refused", "credential", credential, "lane", "interactive"))
                .isEqualTo(1);
    }

    /** With a budget store, a request waits for the local budget and then for the store's: both waits are timed. */
    @Test
    void aSharedBudgetTimesTheStoresWaitToo() {
        context.getRegistry().bind("store", new LocalBudgetStore());
        String uri = "webwork:workspaces?operation=list&budgetStore=#store&accessToken=" + SECOND_TOKEN;
        template.requestBody(uri, (Object) null);

        String credential = Sha256.hex("token-" + Sha256.hex(SECOND_TOKEN, 8), 6);     // the second token's tag
        assertThat(count("camel.webwork.budget.wait", "credential", credential, "lane", "interactive")).isEqualTo(2);
    }

    @Test
    void aCreateFoundByItsLookUpIsCountedAsRecovered() {
        sandbox.faults(FaultPlan.builder().seed(3).share(1.0).kinds(FaultKind.RESET_AFTER)
                .onlyPaths("POST /api/v2/tasks").build());

        Exchange created = template.request("webwork:tasks?operation=create&workspaceId=1&projectId=100",
                e -> e.getMessage().setBody(Map.of("title", "Counted once")));

        assertThat(created.getException()).isNull();
        assertThat(created.getMessage().getHeader("CamelWebworkRecovered", Boolean.class)).isTrue();
        assertThat(count("camel.webwork.creates.recovered", "resource", "tasks", "operation", "create"))
                .isEqualTo(1);
        assertThat(count("camel.webwork.requests", "resource", "tasks", "operation", "create", "outcome",
                "transport", "status", "none")).isEqualTo(1);
    }

    @Test
    void aPollReportsItsRequestsItsChangesAndTheAgeOfTheLastScan() throws Exception {
        int tasks = sandbox.state().tasks(1, 100).size();
        double listsBefore = count("camel.webwork.requests", "resource", "tasks", "operation", "list");
        MockEndpoint changes = consume("webwork:tasks?workspaceId=1&projectId=100&snapshot=true&delay=60000"
                                       + "&initialDelay=0");
        await().atMost(Duration.ofSeconds(20)).until(() -> changes.getReceivedCounter() >= tasks);

        await().atMost(Duration.ofSeconds(10)).until(() -> count("camel.webwork.poll", "resource", "tasks") >= 1);
        assertThat(count("camel.webwork.changes", "resource", "tasks", "type", "created")).isEqualTo(tasks);
        assertThat(count("camel.webwork.poll.requests", "resource", "tasks"))
                .isPositive()
                .isEqualTo(count("camel.webwork.requests", "resource", "tasks", "operation", "list") - listsBefore);
        assertThat(gauge("camel.webwork.scan.age", "resource", "tasks")).isZero();
        clock.advance(Duration.ofSeconds(90));
        assertThat(gauge("camel.webwork.scan.age", "resource", "tasks")).isEqualTo(90.0);
    }

    @Test
    void aBackfillReportsItsProgress() throws Exception {
        LocalDate monday = LocalDate.now(clock.withZone(RITA_ZONE)).minusWeeks(2).with(DayOfWeek.MONDAY);
        String job = "backfill time-entries " + monday + ".." + monday.plusDays(4);
        MockEndpoint changes = consume("webwork:time-entries?workspaceId=1&userId=103&backfillFrom=" + monday
                                       + "&backfillTo=" + monday.plusDays(4) + "&delay=40&initialDelay=0");

        await().atMost(Duration.ofSeconds(20)).until(() -> meters.find("camel.webwork.progress.done")
                .tag("job", job).gauge() != null && gauge("camel.webwork.progress.done", "job", job) == 5);
        await().atMost(Duration.ofSeconds(10)).until(() -> changes.getReceivedCounter() > 0);
        assertThat(gauge("camel.webwork.progress.expected", "job", job)).isEqualTo(5);
    }

    @Test
    void webhookDeliveriesAreCountedByOutcomeAndReason() throws Exception {
        List<?> hooks = template.requestBody("webwork:webhooks?operation=list&workspaceId=1", null, List.class);
        String token = ((Webhook) hooks.get(0)).getToken();
        deliveries(token);

        assertThat(count("camel.webwork.webhook.deliveries", "outcome", "accepted")).isEqualTo(1);
        assertThat(count("camel.webwork.webhook.deliveries", "outcome", "duplicate")).isEqualTo(1);
        assertThat(count("camel.webwork.webhook.deliveries", "outcome", "refused", "reason", "unsigned"))
                .isEqualTo(1);
        assertThat(count("camel.webwork.webhook.deliveries", "outcome", "refused", "reason", "signature_mismatch"))
                .isEqualTo(1);
    }

    /** One accepted, one duplicate, one unsigned and one forged delivery. */
    private void deliveries(String token) throws Exception {
        long second = clock.instant().getEpochSecond();
        String now = String.valueOf(second);
        String body = "{\"id\":\"evt-1\",\"event\":\"tracker.started\",\"workspace_id\":1,"
                      + "\"created_at\":\"2026-11-29T08:00:00Z\",\"data\":{\"user_id\":103}}";
        Map<String, String> signed = Map.of("X-Webwork-Timestamp", now, "X-Webwork-Signature",
                WebworkSandbox.signature(token, second, body));
        assertThat(post(body, signed).body()).isEqualTo("ok");
        assertThat(post(body, signed).body()).isEqualTo("duplicate");
        assertThat(post(body, Map.of("X-Webwork-Timestamp", now)).statusCode()).isEqualTo(401);
        assertThat(post(body, Map.of("X-Webwork-Timestamp", now, "X-Webwork-Signature",
                WebworkSandbox.signature("whsec_guessed", second, body))).statusCode()).isEqualTo(401);
    }

    /**
     * docs/metrics.md names every meter the flows register, and nothing else: the table cannot drift from the code.
     */
    @Test
    void theDocsTableNamesExactlyTheMetersTheFlowsRegister() throws Exception {
        Set<String> registered = new TreeSet<>();
        everyAttemptIsTimedByResourceOperationStatusAndOutcome();
        a429AndA503AreCountedAndRetriedByCause();
        theBudgetReportsWhatIsLeftItsWaitsAndItsRefusals();
        aCreateFoundByItsLookUpIsCountedAsRecovered();
        webhookDeliveriesAreCountedByOutcomeAndReason();
        aBackfillReportsItsProgress();
        aPollReportsItsRequestsItsChangesAndTheAgeOfTheLastScan();
        meters.getMeters().stream().map(Meter::getId).forEach(id -> registered.add(id.getName()));
        assertThat(registered).allMatch(name -> name.startsWith("camel.webwork."));

        assertThat(documentedMeters()).isEqualTo(registered);
    }

    /** The meter names in the first column of docs/metrics.md's tables ({@code | `camel.webwork.x` | ...}). */
    static Set<String> documentedMeters() throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `(camel\\.webwork\\.[a-z.]+)` \\|").matcher(Files.readString(DOCS));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private MockEndpoint consume(String from) throws Exception {
        String id = "consumer" + context.getRoutes().size();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).routeId(id).to("mock:" + id);
            }
        });
        return getMockEndpoint("mock:" + id);
    }

    private HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webwork/hooks"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
