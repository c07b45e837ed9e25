package io.github.camelwebwork.consumer;

import java.time.Duration;
import java.util.Map;

import io.github.camelwebwork.model.Project;
import io.github.camelwebwork.sandbox.Drift;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import io.github.camelwebwork.support.SandboxTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consumer over drifted answers: the change body in the form outputType asks for, and change detection (on the raw
 * records) as without drift: the seed's projects once, then the one added.
 */
class DriftConsumerTest extends SandboxTestSupport {

    @Override
    protected WebworkSandbox.Builder sandboxBuilder() {
        return WebworkSandbox.builder().noRateLimit().drift(Drift.PROJECT_STATUS_AS_STRING);
    }

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @ParameterizedTest(name = "outputType={0}")
    @ValueSource(strings = { "model", "map", "json" })
    void everyChangeArrivesOnceWithTheDriftedStatusInItsBody(String outputType) throws Exception {
        int seeded = sandbox.state().projects(1).size();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("webwork:projects?workspaceId=1&delay=40&outputType=" + outputType).to("mock:changes");
            }
        });
        context.start();
        MockEndpoint changes = getMockEndpoint("mock:changes");
        await().atMost(Duration.ofSeconds(20)).until(() -> changes.getReceivedCounter() >= seeded);

        sandbox.state().addProject(1, "Added");

        await().atMost(Duration.ofSeconds(20)).until(() -> changes.getReceivedCounter() >= seeded + 1);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(10))
                .until(() -> changes.getReceivedCounter() == seeded + 1);
        assertThat(changes.getReceivedExchanges()).allSatisfy(e -> assertStatus(e, outputType));
        Exchange last = changes.getReceivedExchanges().get(seeded);
        assertThat(last.getMessage().getHeader("CamelWebworkChangeType")).isEqualTo("CREATED");
    }

    private static void assertStatus(Exchange e, String outputType) {
        Object body = e.getMessage().getBody();
        switch (outputType) {
            case "model" -> assertThat(((Project) body).getDriftedValues()).containsEntry("status", "active");
            case "map" -> assertThat(((Map<?, ?>) body).get("status")).isEqualTo("active");
            default -> assertThat((String) body).startsWith("{").contains("\"status\":\"active\"");
        }
    }
}
