package io.github.camelwebwork.component;

import io.github.camelwebwork.client.RateBudget.Lane;
import io.github.camelwebwork.support.SandboxTestSupport;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The budgetLane option: producers interactive and consumers bulk by default, either lane when set. */
class BudgetLaneTest extends SandboxTestSupport {

    @Test
    void producersAreInteractiveAndConsumersBulkByDefault() throws Exception {
        WebworkEndpoint endpoint = context.getEndpoint("webwork:tasks?workspaceId=1&projectId=100", WebworkEndpoint.class);
        endpoint.start();

        assertThat(endpoint.client().getLane()).isEqualTo(Lane.INTERACTIVE);
        assertThat(endpoint.consumerClient().getLane()).isEqualTo(Lane.BULK);
        assertThat(endpoint.consumerClient().getBudget()).as("one budget, two lanes")
                .isSameAs(endpoint.client().getBudget());
    }

    @Test
    void eitherLaneCanBeSet() throws Exception {
        WebworkEndpoint bulk = context.getEndpoint("webwork:members?operation=list&workspaceId=1&budgetLane=bulk",
                WebworkEndpoint.class);
        WebworkEndpoint interactive = context.getEndpoint("webwork:tasks?workspaceId=1&projectId=100"
                                                          + "&budgetLane=interactive", WebworkEndpoint.class);
        bulk.start();
        interactive.start();

        assertThat(bulk.client().getLane()).isEqualTo(Lane.BULK);
        assertThat(interactive.consumerClient().getLane()).isEqualTo(Lane.INTERACTIVE);
        assertThat(template.requestBody("webwork:members?operation=list&workspaceId=1&budgetLane=bulk", (Object) null))
                .isNotNull();
        assertThat(sandbox.requests()).last().satisfies(r -> assertThat(r.rawQuery()).doesNotContain("budget"));
    }

    @Test
    void anUnknownLaneIsRefusedQuotingIt() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:x").to("webwork:tasks?operation=get&workspaceId=1&budgetLane=fast");
            }
        })).isInstanceOf(FailedToCreateRouteException.class).rootCause()
                .hasMessageContainingAll("budgetLane", "fast", "auto", "interactive", "bulk");
    }
}
