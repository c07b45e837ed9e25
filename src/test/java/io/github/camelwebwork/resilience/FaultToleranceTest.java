package io.github.camelwebwork.resilience;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.camelwebwork.client.WebworkApiException;
import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.component.WebworkConfiguration;
import io.github.camelwebwork.model.Task;
import io.github.camelwebwork.sandbox.FaultKind;
import io.github.camelwebwork.sandbox.FaultPlan;
import io.github.camelwebwork.sandbox.RecordedRequest;
import io.github.camelwebwork.sandbox.SandboxTask;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creates through a route while the sandbox injects faults of every kind, including resets after the server processed
 * the create: every message ends up created exactly once or in the dead-letter endpoint with its reason.
 */
class FaultToleranceTest extends CamelTestSupport {

    private static final long PROJECT = 102;
    private static final String CLIENT_ID = "fault-app";
    private static final String CLIENT_SECRET = "fault-app-secret-5f2c";

    @TempDir
    Path tokens;

    private WebworkSandbox sandbox;

    @Override
    protected void doPreSetup() {
        sandbox = WebworkSandbox.builder().noRateLimit().oauthClient(CLIENT_ID, CLIENT_SECRET, 100).build().start();
    }

    @Override
    protected void doPostTearDown() {
        sandbox.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        WebworkComponent webwork = new WebworkComponent();
        WebworkConfiguration config = webwork.getConfiguration();
        config.setBaseUrl(sandbox.baseUrl());
        config.setTokenUrl(sandbox.tokenUrl());
        config.setClientId(CLIENT_ID);
        config.setClientSecret(CLIENT_SECRET);
        config.setTokenStoreDirectory(tokens.toString());
        config.setResponseTimeout(300);            // shorter than the sandbox's slow answers (600 ms)
        config.setMaxAttempts(12);
        config.setRetryInitialBackoff(1);
        config.setRetryMaxBackoff(20);
        config.setRateLimit(100_000);
        context.addComponent("webwork", webwork);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead").maximumRedeliveries(2).redeliveryDelay(0)
                        .useOriginalMessage());
                from("direct:create")
                        .to("webwork:tasks?operation=create&workspaceId=1&projectId=" + PROJECT)
                        .to("mock:created");
            }
        };
    }

    @Test
    void twoThousandCreatesUnderTwentyPercentFaultsMakeExactlyTwoThousandTasks() throws Exception {
        int count = 2_000;
        sandbox.faults(FaultPlan.builder().seed(20261129).share(0.2).kinds(FaultKind.values())
                .slowDelay(Duration.ofMillis(600)).build());
        MockEndpoint created = getMockEndpoint("mock:created");
        MockEndpoint dead = getMockEndpoint("mock:dead");
        created.expectedMinimumMessageCount(0);

        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String title = String.format("Load task %04d", i);
            sent.add(callers.submit(() -> template.send("direct:create",
                    e -> e.getMessage().setBody(Map.of("title", title)))));
        }
        for (Future<?> f : sent) {
            f.get(5, TimeUnit.MINUTES);
        }
        callers.shutdown();

        List<String> titles = new ArrayList<>();
        for (SandboxTask t : sandbox.state().tasks(1, PROJECT)) {
            if (t.title().startsWith("Load task ")) {
                titles.add(t.title());
            }
        }
        Set<String> createdTitles = new HashSet<>();
        created.getReceivedExchanges().forEach(e -> createdTitles.add(e.getMessage().getBody(Task.class).getTitle()));

        assertThat(created.getReceivedCounter() + dead.getReceivedCounter()).as("every message accounted for")
                .isEqualTo(count);
        assertThat(dead.getReceivedCounter()).as("dead letters").isZero();
        assertThat(titles).as("tasks in the sandbox; requests of duplicates: %s", duplicates(titles))
                .hasSize(count).doesNotHaveDuplicates();
        assertThat(createdTitles).hasSize(count).containsExactlyInAnyOrderElementsOf(titles);
        Map<FaultKind, Integer> injected = sandbox.faultsInjected();
        assertThat(injected.keySet()).as("every kind of fault happened").containsAll(List.of(FaultKind.values()));
        assertThat(injected.get(FaultKind.RESET_AFTER)).isGreaterThan(20);
        assertThat(injected.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(count / 10);
    }

    /** For a failure message: the create requests of each duplicated title, with their outcome and fault. */
    private List<String> duplicates(List<String> titles) {
        Set<String> seen = new HashSet<>();
        List<String> report = new ArrayList<>();
        for (String title : titles) {
            if (!seen.add(title)) {
                sandbox.requests().stream().filter(r -> r.body() != null && r.body().contains(title))
                        .forEach(r -> report.add(title + ": " + r.method() + " " + r.path() + " -> " + r.status()
                                                 + " " + r.fault()));
            }
        }
        return report;
    }

    @Test
    void aCreateThatKeepsFailingGoesToTheDeadLetterWithItsReasonAndIsNotMade() throws Exception {
        sandbox.faults(FaultPlan.builder().seed(1).share(1.0).kinds(FaultKind.HTTP_503)
                .onlyPaths("POST /api/v2/tasks").build());
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);

        template.send("direct:create", e -> e.getMessage().setBody(Map.of("title", "Never made")));

        dead.assertIsSatisfied();
        Exchange failed = dead.getReceivedExchanges().get(0);
        Throwable reason = failed.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        assertThat(reason).isInstanceOf(WebworkApiException.class);
        WebworkApiException api = (WebworkApiException) reason;
        assertThat(api.getStatusCode()).isEqualTo(503);
        assertThat(api.getLastStatusCode()).isEqualTo(503);
        assertThat(api.getAttempts()).isEqualTo(12);
        assertThat(api.getMessage()).contains("HTTP 503").endsWith("(after 12 attempts)");
        assertThat(failed.getMessage().getBody(Map.class)).containsEntry("title", "Never made");
        assertThat(sandbox.state().tasks(1, PROJECT)).noneMatch(t -> "Never made".equals(t.title()));
        long posts = sandbox.requests().stream().filter(r -> "POST /api/v2/tasks".equals(r.method() + " " + r.path()))
                .count();
        assertThat(posts).as("12 attempts on each of 3 deliveries").isEqualTo(36);
        assertThat(sandbox.requests()).filteredOn(r -> "POST /api/v2/tasks".equals(r.method() + " " + r.path()))
                .extracting(RecordedRequest::status).containsOnly(503);
    }
}
