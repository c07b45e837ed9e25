package io.github.camelwebwork.metrics;

import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.support.SandboxTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a registry in the Camel registry, or with metricsEnabled=false, nothing is recorded: the NOOP path. */
class MetricsOffTest extends SandboxTestSupport {

    @Test
    void withoutARegistryTheComponentUsesTheNoopMetrics() {
        template.requestBody("webwork:tasks?operation=list&workspaceId=1&projectId=100", (Object) null);

        assertThat(context.getComponent("webwork", WebworkComponent.class).metrics()).isSameAs(WebworkMetrics.NOOP);
    }

    @Test
    void metricsEnabledFalseLeavesABoundRegistryEmpty() throws Exception {
        MeterRegistry meters = new SimpleMeterRegistry();
        context.getRegistry().bind("metricsRegistry", meters);
        WebworkComponent off = new WebworkComponent();
        off.getConfiguration().setBaseUrl(sandbox.baseUrl());
        off.getConfiguration().setAccessToken(sandbox.token());
        off.setMetricsEnabled(false);
        context.addComponent("webworkOff", off);

        template.requestBody("webworkOff:tasks?operation=list&workspaceId=1&projectId=100", (Object) null);

        assertThat(off.metrics()).isSameAs(WebworkMetrics.NOOP);
        assertThat(meters.getMeters()).isEmpty();
        assertThat(requests()).hasSize(1);
    }
}
