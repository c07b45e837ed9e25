package io.github.camelwebwork.metrics;

import io.github.camelwebwork.component.WebworkComponent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.Endpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry is found whatever starts first: under Camel Main an endpoint can start before its component, and the
 * budget it creates then must still be reported (the demo once showed no camel_webwork_budget_remaining at all).
 */
class MetricsLookupTest {

    @Test
    void anEndpointStartedBeforeItsComponentReportsItsBudget() throws Exception {
        MeterRegistry meters = new SimpleMeterRegistry();
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("meters", meters);
            WebworkComponent webwork = new WebworkComponent();
            webwork.getConfiguration().setBaseUrl("http://127.0.0.1:9/api/v2");
            webwork.getConfiguration().setAccessToken("lookup-test-token");
            context.addComponent("webwork", webwork);
            Endpoint endpoint = context.getEndpoint("webwork:workspaces?operation=list");

            endpoint.start();                            // the context, and so the component, not started

            assertThat(webwork.isStarted()).isFalse();
            assertThat(meters.find("camel.webwork.budget.remaining").gauges()).singleElement()
                    .satisfies(g -> assertThat(g.getId().getTag("credential")).hasSize(12)
                            .doesNotContain("lookup-test-token"));
            endpoint.stop();
        }
    }
}
