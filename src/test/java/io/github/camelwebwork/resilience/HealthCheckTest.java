package io.github.camelwebwork.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Optional;

import io.github.camelwebwork.support.SandboxTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.junit.jupiter.api.AfterAll;
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
                // the same token, another base URL: a closed port, and a port that accepts but never answers
                from("direct:dead").to("webwork:projects?operation=list&workspaceId=1&maxAttempts=5&baseUrl=http://127.0.0.1:"
                                       + DEAD_PORT + "/api/v2");
                from("direct:silent").to("webwork:members?operation=list&workspaceId=1&maxAttempts=5"
                                         + "&responseTimeout=30000&baseUrl=http://127.0.0.1:" + SILENT.getLocalPort()
                                         + "/api/v2");
            }
        };
    }

    /** A loopback port nothing listens on. */
    private static final int DEAD_PORT = deadPort();
    /** Accepts connections (the backlog does, nobody reads) and never answers. */
    private static final ServerSocket SILENT = silentServer();

    private static int deadPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ServerSocket silentServer() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void closeSilentServer() throws IOException {
        SILENT.close();
    }

    private HealthCheck.Result check() {
        return check("producer:webwork-tasks");
    }

    /** Calls one producer check, as Camel's health endpoint does. */
    private HealthCheck.Result check(String id) {
        Optional<HealthCheck> check = HealthCheckHelper.getHealthCheckRepository(context, "producers")
                .getCheck(id);
        assertThat(check).as("producer health check " + id).isPresent();
        return check.get().call();
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

    /**
     * Health is kept per base URL, credential and HTTP settings: an endpoint on a dead port is DOWN while another
     * with the same token is UP, and a probe is one attempt (no retry path) with a short timeout.
     */
    @Test
    void anEndpointOnADeadPortIsDownWhileAnotherWithTheSameTokenIsUp() {
        assertThat(check().getState()).isEqualTo(HealthCheck.State.UP);

        HealthCheck.Result dead = check("producer:webwork-projects");

        assertThat(dead.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(dead.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("Connection refused")
                .doesNotContain("attempts"));
        assertThat(dead.getDetails()).containsEntry("base.url", "http://127.0.0.1:" + DEAD_PORT + "/api/v2");
        assertThat(check().getState()).as("the sandbox endpoint stays UP").isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void aProbeOfAServerThatNeverAnswersTimesOutAfterOneShortAttempt() {
        HealthCheck.Result silent = check("producer:webwork-members");

        assertThat(silent.getState()).isEqualTo(HealthCheck.State.DOWN);
        // one attempt (no "(after N attempts)"), ended by the probe's timeout, not the endpoint's 30 s one
        assertThat(silent.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("SocketTimeoutException")
                .contains("1500").doesNotContain("attempts"));
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
