package io.github.camelwebwork.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Demo --keep-running} as a newcomer meets it (README "Quick start"): one demo in its own JVM for the class,
 * its scripted part done and its routes polling; the newcomer's own calls with what it printed; then Ctrl+C (here
 * SIGTERM: both make the JVM run its shutdown hooks), last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoKeepRunningTest {

    static final String READY = "Everything keeps running (--keep-running); Ctrl+C to stop.";
    private static final Pattern SANDBOX = Pattern.compile("^WebWork sandbox\\s+(http://\\S+) \\(token (\\S+),");
    private static final Pattern JIRA_CURL = Pattern.compile("curl -u '([^:']+):([^']+)' '(http://[^']+)'");
    private static final Pattern METRICS_CURL = Pattern.compile("Metrics  curl (http://\\S+/metrics)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static DemoProcess demo;

    @BeforeAll
    static void startTheDemo() {
        demo = DemoProcess.start("keep-running", "--keep-running");
        // the scripted part takes about 15 s; far more on a loaded machine
        demo.awaitLine(READY, Duration.ofMinutes(3));
    }

    @AfterAll
    static void endTheDemo() throws InterruptedException {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    @Order(1)
    void thePrintedTokenHasABudgetTheRoutesDoNotUse() throws Exception {
        Matcher sandbox = demo.find(SANDBOX).orElseThrow(() -> new AssertionError("no sandbox line in " + demo.log()));
        HttpRequest get = HttpRequest.newBuilder(URI.create(sandbox.group(1) + "/tasks?workspace_id=1&project_id=100"))
                .header("Authorization", "Bearer " + sandbox.group(2)).timeout(Duration.ofSeconds(10)).GET().build();

        List<Integer> statuses = new ArrayList<>();
        List<Long> remaining = new ArrayList<>();
        long limit = 0;
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> answer = HTTP.send(get, HttpResponse.BodyHandlers.ofString());
            statuses.add(answer.statusCode());
            remaining.add(answer.headers().firstValueAsLong("X-RateLimit-Remaining").orElse(-1));
            limit = answer.headers().firstValueAsLong("X-RateLimit-Limit").orElse(-1);
        }

        assertThat(statuses).as("30 GETs with the printed token").hasSize(30).containsOnly(200);
        long max = limit;
        assertThat(remaining).as("what is left of the printed token's budget after each of them (limit %d): the"
                                 + " routes, polling every second, take none of it", limit)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 30).map(i -> max - i).boxed().toList());
    }

    @Test
    @Order(2)
    void thePrintedJiraCredentialsAreAccepted() throws Exception {
        Matcher curl = demo.find(JIRA_CURL)
                .orElseThrow(() -> new AssertionError("no Jira curl line with credentials in " + demo.log()));
        String basic = Base64.getEncoder().encodeToString((curl.group(1) + ":" + curl.group(2))
                .getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(curl.group(3)))
                .header("Authorization", "Basic " + basic).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as("the printed Jira call").isEqualTo(200);
        assertThat(answer.body()).as("the demo's issues").contains("\"key\":\"DEMO-1\"");
    }

    @Test
    @Order(3)
    void theDeadLetterLineSaysNoHttpCallWasMade() {
        assertThat(demo.lines()).filteredOn(line -> line.contains(" dead-lettered ("))
                .as("the route's dead-letter line for the command it refused before any call")
                .singleElement().asString()
                .contains("command demo-cmd-2 dead-lettered (invalid-command, no HTTP call): Command 'tasks.delete'")
                .doesNotContain("HTTP )");
    }

    @Test
    @Order(4)
    void thePrintedMetricsAddressServesTheComponentsMeters() throws Exception {
        Matcher curl = demo.find(METRICS_CURL)
                .orElseThrow(() -> new AssertionError("no Metrics curl line in " + demo.log()));

        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(curl.group(1)))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as("the printed metrics address").isEqualTo(200);
        assertThat(answer.body()).as("the routes' calls, budget and change capture in the Prometheus format")
                .contains("camel_webwork_requests_seconds_count{", "camel_webwork_budget_remaining{",
                        "camel_webwork_poll_requests_total{", "camel_webwork_scan_age_seconds{")
                .contains("operation=\"create\",outcome=\"success\",resource=\"tasks\",status=\"201\"");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void ctrlCStopsEveryServiceInOrderAndExitsZero() throws Exception {
        Process process = demo.process();

        process.destroy();                                         // SIGTERM on Linux

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute; output in " + demo.log())
                .isTrue();
        List<String> lines = demo.lines();
        assertThat(lines).as("ERROR and FATAL lines (output in %s)", demo.log())
                .filteredOn(line -> line.contains("ERROR") || line.contains("FATAL")).isEmpty();
        assertThat(lines).as("the demo's FAILED lines, which its exit code follows (output in %s)", demo.log())
                .filteredOn(line -> line.startsWith("  FAILED: ")).isEmpty();
        assertThat(process.exitValue()).as("exit code; output in " + demo.log()).isZero();
        assertThat(lines).as("what it stopped, in that order").filteredOn(line -> line.startsWith("  stopped "))
                .containsExactly("  stopped Camel (every route)", "  stopped the Kafka broker, then deleted its log directory",
                        "  stopped the mail server", "  stopped the WebWork sandbox", "  stopped the Jira emulator");
        assertThat(lines).last().isEqualTo("Stopped.");
    }
}
