package io.github.camelwebwork.consumer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.model.Project;
import io.github.camelwebwork.sandbox.WebhookDelivery;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import io.github.camelwebwork.support.LoopbackHttpServer;
import io.github.camelwebwork.support.PollRecorder;
import io.github.camelwebwork.support.SandboxTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelwebwork.consumer.ChangeCaptureTest.changes;
import static io.github.camelwebwork.consumer.ChangeCaptureTest.settle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * trigger=webhook behind {@code master:}: a consumer left running while its instance no longer leads (camel-zookeeper
 * 4.18.0 sends no event when a leader loses its session, see LeaderGuard) refuses the deliveries it receives, as it
 * refuses to scan, so that only the leader reads and emits; WebWork sends a refused delivery again, and once this
 * instance leads again the delivery's change is emitted once. The cluster service is camel-file's lock, whose
 * leadership the test can drop without an event, as a lost ZooKeeper session does.
 */
class WebhookTriggerLeaderTest extends SandboxTestSupport {

    private final int port = AvailablePortFinder.getNextAvailable();
    @TempDir
    Path dir;
    private final DroppableLeadership cluster = new DroppableLeadership();

    /** camel-file's lock service, whose {@link #isLeader} a test can turn false while the view says nothing. */
    static final class DroppableLeadership extends FileLockClusterService {
        private volatile boolean dropped;

        @Override
        public boolean isLeader(String namespace) {
            return !dropped && super.isLeader(namespace);
        }
    }

    @Override
    protected WebworkSandbox.Builder sandboxBuilder() {
        return WebworkSandbox.builder().noRateLimit().webhookRetryDelays(Duration.ofMillis(50), 1.5);
    }

    @Override
    protected void configure(WebworkComponent webwork) {
        webwork.getConfiguration().setRateLimit(100_000);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        LoopbackHttpServer.addTo(context, port);
        cluster.setId("droppable");
        cluster.setRoot(dir.resolve("cluster").toString());
        cluster.setAcquireLockDelay(10, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(100, TimeUnit.MILLISECONDS);
        context.addService(cluster);
        return context;
    }

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Test
    void aConsumerLeftRunningWithoutLeadingRefusesDeliveriesUntilItLeadsAgain() throws Exception {
        PollRecorder polls = new PollRecorder(sandbox);
        context.getRegistry().bind("polls", polls);
        String uri = "master:webwork-cdc:webwork:projects?workspaceId=1&trigger=webhook&snapshot=false"
                     + "&webhookExternalUrl=http://127.0.0.1:" + port + "&webhookPath=/webwork/projects"
                     + "&pollStrategy=#polls&delay=40&initialDelay=0";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("projects").to("mock:projects");
            }
        });
        context.start();
        polls.awaitPolls(1);
        MockEndpoint projects = getMockEndpoint("mock:projects");

        cluster.dropped = true;
        polls.awaitPolls(polls.polls() + 2);              // a poll under way when it dropped has ended
        sandbox.clearRequests();
        template.requestBody("webwork:projects?operation=update&workspaceId=1&projectId=101",
                Map.of("name", "Renamed while no one leads here"));
        assertThat(sandbox.awaitDeliveriesIdle(Duration.ofSeconds(30))).isTrue();

        WebhookDelivery refused = sandbox.deliveries().get(sandbox.deliveries().size() - 1);
        assertThat(refused.event()).isEqualTo("project.updated");
        assertThat(refused.attempts()).as("the first send and its five retries").hasSize(6)
                .noneMatch(WebhookDelivery.Attempt::succeeded);
        settle(projects, 0);
        assertThat(wire()).as("the update only: no read for a refused event, no scan").containsExactly(
                "PUT /api/v2/projects/101");

        cluster.dropped = false;
        sandbox.redeliver(refused.id());
        settle(projects, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.deliveries().stream()
                .filter(d -> d.id().equals(refused.id())).anyMatch(WebhookDelivery::delivered));

        assertThat(changes(projects)).containsExactly("UPDATED 1:projects:101");
        assertThat(projects.getReceivedExchanges().get(0).getMessage().getBody(Project.class).getName())
                .isEqualTo("Renamed while no one leads here");
    }

    private List<String> wire() {
        return sandbox.requests().stream().map(r -> r.method() + " " + r.path()).toList();
    }
}
