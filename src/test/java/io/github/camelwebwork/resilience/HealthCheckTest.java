package io.github.camelwebwork.resilience;

import java.util.Collection;
import java.util.Optional;

import io.github.camelwebwork.support.SandboxTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The producer health check: does the credential work, and how much budget remains. */
class HealthCheckTest extends SandboxTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        registry.setEnabled(true);
        // producer checks are off by default in Camel; an application turns them on like this (or with
        // camel.health.producersEnabled=true in Camel Main)
        HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers");
        producers.setEnabled(true);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:tasks").to("webwork:tasks?operation=list&workspaceId=1&projectId=100");
            }
        };
    }

    private HealthCheck.Result check() {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invoke(context);
        Optional<HealthCheck.Result> mine = results.stream()
                .filter(r -> r.getCheck().getId().equals("producer:webwork-tasks")).findFirst();
        assertThat(mine).as("health checks: %s", results).isPresent();
        return mine.get();
    }

    @Test
    void upWithTheRemainingBudgetAfterOneProbe() {
        HealthCheck.Result result = check();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsEntry("rate.limit", 60).containsEntry("rate.remaining", 59);
        assertThat(requests()).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/api/v2/workspaces");
            assertThat(r.rawQuery()).isEqualTo("page=1&per_page=1");
        });

        sandbox.clearRequests();
        assertThat(check().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(requests()).as("a call that worked a moment ago makes a second probe unnecessary").isEmpty();
    }

    @Test
    void downWhenTheApiRefusesTheCredential() {
        sandbox.state().removeToken(sandbox.token());

        HealthCheck.Result result = check();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("HTTP 401")
                .doesNotContain(sandbox.token()));
    }
}
