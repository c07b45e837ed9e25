package io.github.camelwebwork.consumer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.sandbox.RecordedRequest;
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

import static io.github.camelwebwork.consumer.ChangeCaptureTest.changes;
import static io.github.camelwebwork.consumer.ChangeCaptureTest.settle;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What change capture costs, counted on the sandbox's wire (requests, not time): an hour of one poll a minute
 * ({@code delay=60000}, the shipped routes') over a project of 5,000 tasks (50 pages of 100) of which 1% (50) is
 * edited in the hour, never on the newest page. The figures of docs/change-capture.md scale these counts to 50,000
 * tasks: a full scan reads one page per 100 tasks (500), and nothing else depends on the project's size.
 */
class ChangeCaptureCostTest extends SandboxTestSupport {

    private static final int TASKS = 5_000;
    private static final int PAGES = TASKS / 100;
    private static final int POLLS_AN_HOUR = 60;
    private static final int EDITS_AN_HOUR = TASKS / 100;

    private final int port = AvailablePortFinder.getNextAvailable();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-30T08:00:00Z"));
    private PollRecorder polls;
    private List<SandboxTask> tasks;

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

    /** The route, not started yet: the test gives its steps between polls first. */
    private MockEndpoint route(String options) throws Exception {
        tasks = sandbox.state().addTasks(1, 102, TASKS);
        polls = new PollRecorder(sandbox);
        context.getRegistry().bind("polls", polls);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("webwork:tasks?workspaceId=1&projectId=102&snapshot=false&pollStrategy=#polls&delay=40"
                     + "&initialDelay=0" + options).routeId("cost").to("mock:cost");
            }
        });
        return getMockEndpoint("mock:cost");
    }

    /** The i-th task edited in the hour: every 97th task from the first, none on the newest page. */
    private SandboxTask edited(int i) {
        return tasks.get(i * 97);
    }

    /** Before: reconcileEvery=1, every poll reads the 50 pages, whatever changed. */
    @Test
    void beforeEveryPollWasAFullScan() throws Exception {
        MockEndpoint changes = route("&reconcileEvery=1");
        for (int poll = 2; poll <= 4; poll++) {
            int i = poll;
            polls.before(poll, () -> sandbox.state().saveTask(edited(i).toBuilder().title("Edited").build()));
        }
        context.start();

        polls.awaitPolls(4);

        assertThat(polls.requests().subList(0, 4)).containsOnly(PAGES);
        settle(changes, 3);
        report("before: reconcileEvery=1", polls.requests().get(1), "every poll");
    }

    /**
     * The defaults: the first scan and every 60th are full (50 pages), the 59 in between read page 1 and the newest
     * page; the 50 edits of the hour show at the next full scan, each once.
     */
    @Test
    void atTheDefaultsAnHourIsOneFullScanAndTwoRequestsAPoll() throws Exception {
        MockEndpoint changes = route("");
        for (int i = 0; i < EDITS_AN_HOUR; i++) {
            int edit = i;
            polls.before(2 + i, () -> sandbox.state().saveTask(edited(edit).toBuilder().title("Edited").build()));
        }
        context.start();

        polls.awaitPolls(1 + POLLS_AN_HOUR);
        settle(changes, EDITS_AN_HOUR);

        List<Integer> hour = polls.requests().subList(1, 1 + POLLS_AN_HOUR);
        assertThat(hour.subList(0, POLLS_AN_HOUR - 1)).containsOnly(2);
        assertThat(hour.get(POLLS_AN_HOUR - 1)).as("the 60th poll reconciles").isEqualTo(PAGES);
        assertThat(changes(changes)).doesNotHaveDuplicates().allMatch(c -> c.startsWith("UPDATED"));
        report("after: defaults (reconcileEvery=60)", hour.stream().mapToInt(Integer::intValue).sum(), "an hour");
    }

    /**
     * trigger=webhook: each of the 50 edits (through the API, so that WebWork sends task.updated) costs one get, the
     * 60 polls of the hour two requests each (new tasks have no event), and the reconciliation, 6 hours after the
     * first scan, the 50 pages.
     */
    @Test
    void withTheWebhookTriggerEachEditCostsOneGetAndTheReconciliationComesEverySixHours() throws Exception {
        MockEndpoint changes = route("&trigger=webhook&webhookExternalUrl=http://127.0.0.1:" + port
                                     + "&webhookPath=/webwork/cost");
        for (int i = 0; i < POLLS_AN_HOUR; i++) {
            int poll = 2 + i;
            polls.before(poll, () -> {
                if (poll == 2) {
                    sandbox.clearRequests();        // the registration and the first (silent) scan
                }
                clock.advance(Duration.ofMinutes(1));
                if (poll - 2 < EDITS_AN_HOUR) {
                    template.requestBody("webwork:tasks?operation=update&workspaceId=1&projectId=102&taskId="
                                         + edited(poll - 2).id(), Map.of("title", "Edited"));
                }
            });
        }
        AtomicReference<List<RecordedRequest>> hour = new AtomicReference<>();
        polls.before(2 + POLLS_AN_HOUR, () -> hour.set(sandbox.requests()));
        polls.before(3 + POLLS_AN_HOUR, () -> clock.advance(Duration.ofHours(5)));
        context.start();

        polls.awaitPolls(3 + POLLS_AN_HOUR);
        settle(changes, EDITS_AN_HOUR);
        assertThat(sandbox.awaitDeliveriesIdle(Duration.ofSeconds(30))).isTrue();

        long pages = hour.get().stream().filter(r -> r.path().equals("/api/v2/tasks")).count();
        long gets = sandbox.requests().stream()
                .filter(r -> r.method().equals("GET") && r.path().startsWith("/api/v2/tasks/")).count();
        assertThat(pages).as("page 1 and the newest page a poll").isEqualTo(2L * POLLS_AN_HOUR);
        assertThat(gets).as("one get per event").isEqualTo(EDITS_AN_HOUR);
        assertThat(changes(changes)).doesNotHaveDuplicates().allMatch(c -> c.startsWith("UPDATED"));

        assertThat(polls.requests().get(2 + POLLS_AN_HOUR)).as("the reconciliation, 6 hours after the first scan")
                .isEqualTo(PAGES);
        report("webhook trigger", (int) (pages + gets), "an hour, reconciliation apart");
    }

    private static void report(String what, int requests, String per) {
        System.out.println("change-capture cost, " + TASKS + " tasks, " + EDITS_AN_HOUR + " edits an hour: " + what
                           + ": " + requests + " requests " + per);
    }
}
