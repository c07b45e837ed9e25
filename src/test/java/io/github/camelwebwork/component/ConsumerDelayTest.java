package io.github.camelwebwork.component;

import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.support.SandboxTestSupport;
import org.apache.camel.Consumer;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer polls once a minute unless told otherwise, not at Camel's 500 ms: every poll takes at least one of the 60
 * requests a minute WebWork allows a user, so Camel's default alone would ask for twice the budget.
 */
class ConsumerDelayTest extends SandboxTestSupport {

    @Test
    void aConsumerWithoutADelayPollsOnceAMinute() throws Exception {
        WebworkEndpoint endpoint = context.getEndpoint("webwork:tasks?workspaceId=1&projectId=100", WebworkEndpoint.class);
        Consumer consumer = endpoint.createConsumer(exchange -> { });

        assertThat(endpoint.getDelay()).isEqualTo(60_000);
        assertThat(((ScheduledPollConsumer) consumer).getDelay()).as("the consumer's scheduler").isEqualTo(60_000);
    }

    @Test
    void aDelayGivenIsTaken() throws Exception {
        WebworkEndpoint endpoint = context.getEndpoint("webwork:tasks?workspaceId=1&projectId=100&delay=5000",
                WebworkEndpoint.class);
        Consumer consumer = endpoint.createConsumer(exchange -> { });

        assertThat(((ScheduledPollConsumer) consumer).getDelay()).isEqualTo(5_000);
    }

    /** What Camel's tooling (catalog, JBang, IDE plugins) reads from the component's generated metadata. */
    @Test
    void theMetadataSaysAMinute() throws Exception {
        JsonNode delay;
        try (InputStream json = getClass().getResourceAsStream("/META-INF/io/github/camelwebwork/component/webwork.json")) {
            delay = new ObjectMapper().readTree(json).path("properties").path("delay");
        }

        assertThat(delay.path("defaultValue").asText()).isEqualTo("60000");
        assertThat(delay.path("label").asText()).isEqualTo("consumer,scheduler");
    }
}
