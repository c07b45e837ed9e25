package io.github.camelwebwork.component;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelwebwork.support.SandboxTestSupport;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Endpoint;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.spi.BeanIntrospection;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The endpoint contract: names, early failure for what cannot work, generated (reflection-free) configuration. */
class EndpointContractTest extends SandboxTestSupport {

    @Test
    void anUnknownResourceFailsWhenTheEndpointIsCreatedAndListsTheValidOnes() {
        Throwable e = catchThrowable(() -> context.getEndpoint("webwork:taks?operation=list"));

        assertThat(e).isInstanceOf(ResolveEndpointFailedException.class);
        assertThat(e.getCause()).hasMessage("Unknown WebWork resource 'taks' in webwork://taks?operation=list."
                                            + " Valid resources: workspaces, members, projects, project-viewers,"
                                            + " contracts, tasks, time-tracking, time-entries, timesheets,"
                                            + " time-requests, leaves, expenses, webhooks, reports");
    }

    @Test
    void anUnknownOperationFailsWhenTheEndpointIsCreatedAndListsTheValidOnes() {
        Throwable e = catchThrowable(() -> context.getEndpoint("webwork:tasks?operation=archive"));

        assertThat(e).isInstanceOf(ResolveEndpointFailedException.class);
        assertThat(e.getCause()).hasMessage("Unknown operation 'archive' for WebWork resource 'tasks'. Valid operations:"
                                            + " list, get, create, update, delete, listAssignees, assign, unassign");
    }

    @Test
    void anUnknownOperationInTheHeaderFailsTheExchangeAndSendsNothing() {
        Throwable e = catchThrowable(() -> template.requestBodyAndHeader("webwork:tasks?workspaceId=1&projectId=100",
                null, WebworkConstants.OPERATION, "purge"));

        assertThat(e).isInstanceOf(CamelExecutionException.class);
        assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown operation 'purge' for WebWork resource 'tasks'");
        assertThat(requests()).isEmpty();
    }

    @Test
    void noOperationAtAllNamesBothWaysToGiveOne() {
        Throwable e = catchThrowable(() -> template.requestBody("webwork:tasks?workspaceId=1&projectId=100", (Object) null));

        assertThat(e.getCause()).hasMessageStartingWith("No operation given for WebWork resource 'tasks': set the"
                                                        + " operation option or the CamelWebworkOperation header.");
    }

    @Test
    void anUnknownOptionFailsWhenTheEndpointIsCreated() {
        Throwable e = catchThrowable(() -> context.getEndpoint("webwork:tasks?operation=list&projektId=1"));

        assertThat(e).isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("projektId");
    }

    @Test
    void endpointsAreConfiguredByTheGeneratedConfigurerWithoutReflection() {
        BeanIntrospection introspection = PluginHelper.getBeanIntrospection(context);
        introspection.resetCounters();
        introspection.setExtendedStatistics(true);

        WebworkEndpoint endpoint = context.getEndpoint("webwork:tasks?operation=get&workspaceId=1&projectId=100"
                                                       + "&taskId=500&perPage=10&responseTimeout=5s",
                WebworkEndpoint.class);

        assertThat(introspection.getInvokedCounter()).isZero();
        assertThat(endpoint.getConfiguration().getTaskId()).isEqualTo(500L);
        assertThat(endpoint.getConfiguration().getResponseTimeout()).isEqualTo(5000L);
        assertThat(context.getCamelContextExtension().getEndpointUriFactory("webwork"))
                .isInstanceOf(WebworkEndpointUriFactory.class);
        assertThat(endpoint.getComponent().getEndpointPropertyConfigurer())
                .isInstanceOf(WebworkEndpointConfigurer.class);
    }

    @Test
    void theGeneratedUriFactoryBuildsEndpointUris() throws Exception {
        WebworkEndpointUriFactory factory = new WebworkEndpointUriFactory();
        factory.setCamelContext(context);
        String uri = factory.buildUri("webwork",
                Map.of("resource", "tasks", "operation", "get", "taskId", 500), false);

        assertThat(uri).isEqualTo("webwork:tasks?operation=get&taskId=500");
    }

    @Test
    void anEndpointWithoutATokenRefusesToStart() {
        context.getComponent("webwork", WebworkComponent.class).getConfiguration().setAccessToken(null);
        AtomicReference<Endpoint> endpoint = new AtomicReference<>();

        Throwable e = catchThrowable(() -> {
            endpoint.set(context.getEndpoint("webwork:tasks?operation=list&workspaceId=1&projectId=100"));
            template.requestBody(endpoint.get(), (Object) null);
        });

        assertThat(e).hasStackTraceContaining("No WebWork credential for webwork:tasks: set the accessToken option");
        assertThat(requests()).isEmpty();
    }
}
