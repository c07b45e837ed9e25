package io.github.camelwebwork.consumer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.model.Project;
import io.github.camelwebwork.model.Task;
import io.github.camelwebwork.model.Webhook;
import io.github.camelwebwork.sandbox.SandboxProject;
import io.github.camelwebwork.sandbox.SandboxTask;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import io.github.camelwebwork.support.LoopbackHttpServer;
import io.github.camelwebwork.support.ManualClock;
import io.github.camelwebwork.support.PollRecorder;
import io.github.camelwebwork.support.SandboxTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelwebwork.consumer.ChangeCaptureTest.changes;
import static io.github.camelwebwork.consumer.ChangeCaptureTest.settle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * trigger=webhook against the sandbox's signed deliveries (house rule H9) on platform-http: an event leads at once to
 * a get of the record it names and its change; the scans become a reconciliation every reconcileInterval (6 hours by
 * default, on the component's clock, which the test moves on) that catches what no delivery brought; a change that
 * an event and a scan both see is emitted once. Steps that must come between two polls are run by a
 * {@link PollRecorder}.
 */
class WebhookTriggerTest extends SandboxTestSupport {

    private final int port = AvailablePortFinder.getNextAvailable();
    @TempDir
    Path dir;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-30T08:00:00Z"));
    private PollRecorder polls;

    @Override
    protected Clock clock() {
        return clock;
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
        return context;
    }

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    private MockEndpoint route(String resource, String options) throws Exception {
        polls = new PollRecorder(sandbox);
        context.getRegistry().bind("polls", polls);
        String uri = "webwork:" + resource + "?workspaceId=1&trigger=webhook&snapshot=false" + options
                     + "&webhookExternalUrl=http://127.0.0.1:" + port + "&webhookPath=/webwork/" + resource
                     + "&pollStrategy=#polls&delay=40&initialDelay=0";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(resource).to("mock:" + resource);
            }
        });
        context.start();
        polls.awaitPolls(1);
        return getMockEndpoint("mock:" + resource);
    }

    @SuppressWarnings("unchecked")
    private List<Webhook> webhooks() {
        return template.requestBody("webwork:webhooks?operation=list&workspaceId=1", null, List.class);
    }

    private List<String> wire() {
        return sandbox.requests().stream().map(r -> r.method() + " " + r.path()).toList();
    }

    /** Waits until every delivery so far was answered, so that the clock can move on without staling one. */
    private void deliveriesDone() {
        assertThat(sandbox.awaitDeliveriesIdle(Duration.ofSeconds(30))).isTrue();
    }

    /**
     * The route registers a webhook for the project events; each event is one get of the project it names and its
     * change, while the polls in between make no request at all (the events announce new projects too).
     */
    @Test
    void anEventIsReadAtOnceAndThePollsBetweenMakeNoRequest() throws Exception {
        MockEndpoint projects = route("projects", "");
        assertThat(webhooks()).singleElement().satisfies(w -> {
            assertThat(w.getUrl()).isEqualTo("http://127.0.0.1:" + port + "/webwork/projects");
            assertThat(w.getEvents()).containsExactly("project.created", "project.updated", "project.deleted");
        });
        sandbox.clearRequests();

        template.requestBody("webwork:projects?operation=update&workspaceId=1&projectId=101",
                Map.of("name", "Renamed by the API"));
        settle(projects, 1);
        Project created = template.requestBody("webwork:projects?operation=create&workspaceId=1",
                Map.of("name", "Brand new"), Project.class);
        settle(projects, 2);
        template.requestBody("webwork:projects?operation=delete&workspaceId=1&projectId=" + created.getId(),
                (Object) null);
        settle(projects, 3);
        polls.awaitPolls(polls.polls() + 5);

        // nothing but the test's writes and the events' gets: the polls between make no request
        assertThat(changes(projects)).containsExactly("UPDATED 1:projects:101", "CREATED 1:projects:"
                + created.getId(), "DELETED 1:projects:" + created.getId());
        assertThat(projects.getReceivedExchanges().get(0).getMessage().getBody(Project.class).getName())
                .isEqualTo("Renamed by the API");
        assertThat(wire()).containsExactly("PUT /api/v2/projects/101", "GET /api/v2/projects/101",
                "POST /api/v2/projects", "GET /api/v2/projects/" + created.getId(),
                "DELETE /api/v2/projects/" + created.getId(), "GET /api/v2/projects/" + created.getId());
    }

    /**
     * A change without a delivery (made on the sandbox's state, which fires nothing) waits for the reconciliation:
     * nothing at 5 h 59 min, the full scan at 6 h. What an event brought before is not emitted again by it.
     */
    @Test
    void whatNoDeliveryBroughtIsCaughtByTheReconciliationOnce() throws Exception {
        MockEndpoint projects = route("projects", "");
        SandboxProject quiet = sandbox.state().project(100).orElseThrow();
        sandbox.state().saveProject(quiet.withDetails("Renamed without an event", quiet.startDate(),
                quiet.deadline(), quiet.estimation(), quiet.budget(), quiet.notes(), quiet.icon(), clock.instant()));
        template.requestBody("webwork:projects?operation=update&workspaceId=1&projectId=101",
                Map.of("name", "Renamed by the API"));
        settle(projects, 1);
        deliveriesDone();

        clock.advance(Duration.ofHours(6).minusMinutes(1));
        int before = polls.polls();
        polls.awaitPolls(before + 3);
        assertThat(changes(projects)).containsExactly("UPDATED 1:projects:101");
        assertThat(polls.requests().subList(before, before + 3)).containsOnly(0);

        clock.advance(Duration.ofMinutes(1));
        settle(projects, 2);

        assertThat(changes(projects)).containsExactly("UPDATED 1:projects:101", "UPDATED 1:projects:100");
        assertThat(wire()).as("the first scan and one reconciliation").filteredOn("GET /api/v2/projects"::equals)
                .hasSize(2);
    }

    /**
     * Tasks have task.updated only: an edit anywhere in the 10 pages is read at once; new tasks are found by the
     * incremental scans (page 1 and the newest page) in between, deleted ones by the reconciliation.
     */
    @Test
    void anEditedTaskIsReadAtOnceANewOneByTheScansBetweenADeletedOneByTheReconciliation() throws Exception {
        List<SandboxTask> many = sandbox.state().addTasks(1, 102, 1_000);
        MockEndpoint tasks = route("tasks", "&projectId=102");
        assertThat(webhooks()).singleElement().satisfies(w -> assertThat(w.getEvents()).containsExactly("task.updated"));
        SandboxTask middle = many.get(500);

        template.requestBody("webwork:tasks?operation=update&workspaceId=1&projectId=102&taskId=" + middle.id(),
                Map.of("title", "Edited in the middle"));
        settle(tasks, 1);
        SandboxTask[] added = new SandboxTask[1];
        polls.next(() -> added[0] = sandbox.state().addTask(1, 102, "New, no event"));
        settle(tasks, 2);
        template.requestBody("webwork:tasks?operation=delete&workspaceId=1&projectId=102&taskId=" + many.get(10).id(),
                (Object) null);
        int quietPolls = polls.polls() + 1;           // the poll under way may count the delete
        polls.awaitPolls(quietPolls + 3);
        assertThat(tasks.getReceivedCounter()).as("no event announces a delete").isEqualTo(2);
        deliveriesDone();
        clock.advance(Duration.ofHours(6));
        settle(tasks, 3);

        assertThat(changes(tasks)).containsExactly("UPDATED 1:tasks:" + middle.id(), "CREATED 1:tasks:" + added[0].id(),
                "DELETED 1:tasks:" + many.get(10).id());
        assertThat(tasks.getReceivedExchanges().get(0).getMessage().getBody(Task.class).getTitle())
                .isEqualTo("Edited in the middle");
        assertThat(wire()).contains("GET /api/v2/tasks/" + middle.id());
        assertThat(polls.requests().subList(quietPolls, quietPolls + 3)).as("incremental scans").containsOnly(2);
    }

    /**
     * A change on the newest page is seen by the incremental scans and by its event, in either order: emitted once.
     * The scan first (an edit on the state, then its event by hand), then the event first (an edit through the API).
     */
    @Test
    void aChangeAnEventAndAScanBothSeeIsEmittedOnce() throws Exception {
        List<SandboxTask> many = sandbox.state().addTasks(1, 102, 1_000);
        MockEndpoint tasks = route("tasks", "&projectId=102");
        SandboxTask newest = many.get(999);
        SandboxTask secondNewest = many.get(998);

        polls.next(() -> sandbox.state().saveTask(newest.toBuilder().title("Seen by the scan").build()));
        settle(tasks, 1);
        sandbox.emit(1, "task.updated", taskEvent(newest));
        deliveriesDone();
        template.requestBody("webwork:tasks?operation=update&workspaceId=1&projectId=102&taskId="
                             + secondNewest.id(), Map.of("title", "Seen by the event"));
        settle(tasks, 2);
        deliveriesDone();
        polls.awaitPolls(polls.polls() + 3);

        assertThat(changes(tasks)).containsExactly("UPDATED 1:tasks:" + newest.id(),
                "UPDATED 1:tasks:" + secondNewest.id());
        assertThat(wire()).contains("GET /api/v2/tasks/" + newest.id(), "GET /api/v2/tasks/" + secondNewest.id());
    }

    /**
     * A change a scan found waits in the queue (maxMessagesPerPoll=1) while an event brings a later version of the
     * same task: the event's version is emitted, the scan's is dropped rather than emitted after it.
     */
    @Test
    void aScansChangeThatAnEventOvertookIsDropped() throws Exception {
        List<SandboxTask> many = sandbox.state().addTasks(1, 102, 1_000);
        MockEndpoint tasks = route("tasks", "&projectId=102&maxMessagesPerPoll=1");
        SandboxTask first = many.get(998);
        SandboxTask second = many.get(999);
        polls.next(() -> {
            sandbox.state().saveTask(first.toBuilder().title("v1").build());
            sandbox.state().saveTask(second.toBuilder().title("v1").build());
        }, () -> {
            sandbox.state().saveTask(second.toBuilder().title("v2").build());
            sandbox.emit(1, "task.updated", taskEvent(second));
            deliveriesDone();
        });

        settle(tasks, 2);
        polls.awaitPolls(polls.polls() + 3);

        assertThat(changes(tasks)).containsExactly("UPDATED 1:tasks:" + first.id(), "UPDATED 1:tasks:" + second.id());
        assertThat(tasks.getReceivedExchanges()).extracting(e -> e.getMessage().getBody(Task.class).getTitle())
                .containsExactly("v1", "v2");
    }

    @Test
    void stoppingTheRouteDeletesItsWebhookAndAStartReadsWhatChangedMeanwhile() throws Exception {
        MockEndpoint projects = route("projects", "&stateFile=" + dir.resolve("projects.state"));
        context.getRouteController().stopRoute("projects");
        assertThat(webhooks()).isEmpty();
        template.requestBody("webwork:projects?operation=update&workspaceId=1&projectId=101",
                Map.of("name", "Renamed while down"));
        assertThat(sandbox.deliveries()).isEmpty();

        context.getRouteController().startRoute("projects");

        settle(projects, 1);
        assertThat(changes(projects)).containsExactly("UPDATED 1:projects:101");
        assertThat(webhooks()).hasSize(1);
    }

    @Test
    void onlyTheListsWhoseChangesEventsAnnounceAndNotAFilteredView() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("webwork:time-entries?workspaceId=1&trigger=webhook&webhookExternalUrl=http://127.0.0.1:" + port)
                        .routeId("entries").autoStartup(false).to("mock:entries");
                from("webwork:tasks?workspaceId=1&projectId=100&status=10&trigger=webhook"
                     + "&webhookExternalUrl=http://127.0.0.1:" + port)
                        .routeId("doing").autoStartup(false).to("mock:doing");
            }
        });
        context.start();

        assertThatThrownBy(() -> context.getRouteController().startRoute("entries"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("webwork:time-entries: trigger=webhook needs a list whose changes webhook events "
                            + "announce: members, projects, tasks");
        assertThatThrownBy(() -> context.getRouteController().startRoute("doing"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("webwork:tasks: trigger=webhook follows the whole list, not one filtered by status: the "
                            + "record an event names need not be in it");
        assertThat(webhooks()).isEmpty();
    }

    /** The data of a task.updated event sent by hand: the Task's id and project (the consumer reads the rest). */
    private static ObjectNode taskEvent(SandboxTask task) {
        return JsonNodeFactory.instance.objectNode().put("id", task.id()).put("project_id", task.projectId());
    }
}
