package io.github.camelwebwork.consumer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.model.Task;
import io.github.camelwebwork.model.TimeEntry;
import io.github.camelwebwork.model.TimeEntryCreation;
import io.github.camelwebwork.model.Timesheet;
import io.github.camelwebwork.sandbox.SandboxTask;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import io.github.camelwebwork.support.SandboxTestSupport;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Change capture against the sandbox: creates, edits and deletes are each emitted once with the right type. */
class ChangeCaptureTest extends SandboxTestSupport {

    private static final String FAST = "&delay=40&initialDelay=0";
    private static final ZoneId RITA_ZONE = ZoneId.of("America/New_York");

    @TempDir
    Path dir;

    /** Polls every 40 ms would spend the real 60 a minute at once: a larger budget, on both sides. */
    @Override
    protected WebworkSandbox.Builder sandboxBuilder() {
        return WebworkSandbox.builder().rateLimit(3_000, Duration.ofMinutes(1));
    }

    @Override
    protected void configure(WebworkComponent webwork) {
        webwork.getConfiguration().setRateLimit(3_000);
    }

    @Override
    public boolean isUseAdviceWith() {
        return true;                               // routes are added per test, then the context starts
    }

    private MockEndpoint route(String id, String from) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).routeId(id).to("mock:" + id);
            }
        });
        context.start();
        return getMockEndpoint("mock:" + id);
    }

    /** Waits until the mock has {@code count} messages and a few more polls add none. */
    static void settle(MockEndpoint mock, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> mock.getReceivedCounter() >= count);
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(30))
                .failFast("more than " + count + " changes: " + changes(mock), () -> mock.getReceivedCounter() > count)
                .until(() -> mock.getReceivedCounter() == count);
    }

    static List<String> changes(MockEndpoint mock) {
        List<String> list = new ArrayList<>();
        mock.getReceivedExchanges().forEach(e -> list.add(e.getMessage().getHeader("CamelWebworkChangeType") + " "
                                                         + e.getMessage().getHeader("CamelWebworkKey")));
        return list;
    }

    @Test
    void tasksCreatedEditedAndDeletedAreEachEmittedOnce() throws Exception {
        MockEndpoint tasks = route("tasks", "webwork:tasks?workspaceId=1&projectId=100&snapshot=false" + FAST);
        settle(tasks, 0);

        Task created = template.requestBody("webwork:tasks?operation=create&workspaceId=1&projectId=100",
                Map.of("title", "Watch me"), Task.class);
        settle(tasks, 1);
        template.requestBody("webwork:tasks?operation=update&workspaceId=1&projectId=100&taskId=" + created.getId(),
                Map.of("priority", 10));
        settle(tasks, 2);
        template.requestBody("webwork:tasks?operation=delete&workspaceId=1&projectId=100&taskId=" + created.getId(),
                (Object) null);
        settle(tasks, 3);

        String key = "1:tasks:" + created.getId();
        assertThat(changes(tasks)).containsExactly("CREATED " + key, "UPDATED " + key, "DELETED " + key);
        Exchange deleted = tasks.getReceivedExchanges().get(2);
        assertThat(deleted.getMessage().getBody(Task.class).getPriority()).as("the last known version").isEqualTo(10);
        assertThat(deleted.getMessage().getHeader("CamelWebworkTaskId")).isEqualTo(created.getId());
        assertThat(tasks.getReceivedExchanges().get(0).getMessage().getBody()).isInstanceOf(Task.class);
    }

    @Test
    void theFirstScanEmitsWhatExistsWhenSnapshotIsOn() throws Exception {
        int existing = sandbox.state().tasks(1, 101).size();
        MockEndpoint tasks = route("snap", "webwork:tasks?workspaceId=1&projectId=101" + FAST);

        settle(tasks, existing);

        assertThat(changes(tasks)).allMatch(c -> c.startsWith("CREATED 1:tasks:")).doesNotHaveDuplicates();
    }

    @Test
    void timeEntriesBackDatedAndEditedAreSeenOutsideTheWindowNot() throws Exception {
        LocalDate today = LocalDate.now(clock().withZone(RITA_ZONE));
        MockEndpoint entries = route("entries", "webwork:time-entries?workspaceId=1&userId=103&snapshot=false"
                                                + "&lookbackDays=7&timeZone=America/New_York" + FAST);
        settle(entries, 0);

        TimeEntryCreation backDated = template.requestBody("webwork:time-entries?operation=create&workspaceId=1",
                Map.of("user_id", 103, "contract_id", 303, "date", today.minusDays(5).toString(),
                        "start_time", "21:00", "end_time", "21:30", "notes", "late fix"), TimeEntryCreation.class);
        template.requestBody("webwork:time-entries?operation=create&workspaceId=1",
                Map.of("user_id", 103, "contract_id", 303, "date", today.minusDays(10).toString(),
                        "start_time", "21:00", "end_time", "21:30"), TimeEntryCreation.class);
        settle(entries, 1);
        Exchange first = entries.getReceivedExchanges().get(0);
        String id = first.getMessage().getBody(TimeEntry.class).getId();
        template.requestBody("webwork:time-entries?operation=update&workspaceId=1&timeEntryId=" + id,
                Map.of("end_time", "21:45"));
        settle(entries, 2);

        assertThat(changes(entries)).containsExactly("CREATED 1:time-entries:" + id, "UPDATED 1:time-entries:" + id);
        assertThat(entries.getReceivedExchanges().get(1).getMessage().getBody(TimeEntry.class).getDurationMinutes())
                .isEqualTo(45);
        assertThat(backDated.getUserId()).isEqualTo(103L);
    }

    @Test
    void aTimesheetEntersTheApprovalQueueOnceAndLeavesItSilently() throws Exception {
        context.start();
        @SuppressWarnings("unchecked")
        List<Timesheet> pendingSheets = template.requestBody("webwork:timesheets?operation=list&workspaceId=1"
                                                             + "&status=pending&userId=104", null, List.class);
        Timesheet sheet = pendingSheets.get(0);
        MockEndpoint queue = route("queue", "webwork:timesheets?workspaceId=1&status=submitted&snapshot=false" + FAST);
        settle(queue, 0);

        template.requestBody("webwork:timesheets?operation=submit&workspaceId=1&timesheetId=" + sheet.getId(),
                (Object) null);
        settle(queue, 1);
        template.requestBody("webwork:timesheets?operation=approve&workspaceId=1&timesheetId=" + sheet.getId(),
                (Object) null);
        settle(queue, 1);

        assertThat(changes(queue)).containsExactly("CREATED 1:timesheets:" + sheet.getId());
        assertThat(queue.getReceivedExchanges().get(0).getMessage().getBody(Timesheet.class).getStatus())
                .isEqualTo("submitted");
    }

    @Test
    void aRestartWithAFileStateMissesNothingAndRepeatsNothing() throws Exception {
        String uri = "webwork:tasks?workspaceId=1&projectId=100&stateFile=" + dir.resolve("tasks.state") + FAST;
        int existing = sandbox.state().tasks(1, 100).size();
        MockEndpoint tasks = route("restart", uri);
        settle(tasks, existing);
        List<SandboxTask> before = sandbox.state().tasks(1, 100);

        context.getRouteController().stopRoute("restart");
        tasks.reset();
        SandboxTask added = sandbox.state().addTask(1, 100, "Made while the route was down");
        SandboxTask edited = sandbox.state().saveTask(before.get(0).toBuilder().title("Renamed while down").build());
        template.requestBody("webwork:tasks?operation=delete&workspaceId=1&projectId=100&taskId=" + before.get(1).id(),
                (Object) null);
        context.getRouteController().startRoute("restart");

        settle(tasks, 3);
        assertThat(changes(tasks)).containsExactlyInAnyOrder("CREATED 1:tasks:" + added.id(),
                "UPDATED 1:tasks:" + edited.id(), "DELETED 1:tasks:" + before.get(1).id());
    }

    @Test
    void aFailedExchangeIsOfferedAgainAndCommittedOnlyWhenItSucceeds() throws Exception {
        AtomicBoolean failOnce = new AtomicBoolean(true);
        AtomicInteger attempts = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("webwork:tasks?workspaceId=1&projectId=100&snapshot=false" + FAST).routeId("flaky")
                        .process(e -> {
                            attempts.incrementAndGet();
                            if (failOnce.getAndSet(false)) {
                                throw new IllegalStateException("downstream is down");
                            }
                        })
                        .to("mock:flaky");
            }
        });
        context.start();
        MockEndpoint flaky = getMockEndpoint("mock:flaky");
        settle(flaky, 0);

        Task created = template.requestBody("webwork:tasks?operation=create&workspaceId=1&projectId=100",
                Map.of("title", "Try again"), Task.class);

        settle(flaky, 1);
        assertThat(attempts).hasValue(2);
        assertThat(changes(flaky)).containsExactly("CREATED 1:tasks:" + created.getId());
    }

    /** A backfill emits every entry of its range once, then nothing, and leaves the live state alone. */
    @Test
    void aBackfillEmitsTheRangeOnceWithItsOwnState() throws Exception {
        LocalDate monday = LocalDate.now(clock().withZone(RITA_ZONE)).minusWeeks(2).with(DayOfWeek.MONDAY);
        LocalDate friday = monday.plusDays(4);
        int expected = 0;
        for (LocalDate d = monday; !d.isAfter(friday); d = d.plusDays(1)) {
            expected += sandbox.state().timeEntries(1, 103, d).size();
        }
        assertThat(expected).isPositive();
        Path state = dir.resolve("entries.state");

        MockEndpoint backfill = route("backfill", "webwork:time-entries?workspaceId=1&userId=103&backfillFrom="
                                                  + monday + "&backfillTo=" + friday + "&stateFile=" + state + FAST);

        settle(backfill, expected);
        assertThat(changes(backfill)).allMatch(c -> c.startsWith("CREATED 1:time-entries:")).doesNotHaveDuplicates();
        assertThat(backfill.getReceivedExchanges()).allSatisfy(e -> assertThat(
                e.getMessage().getBody(TimeEntry.class).getDate()).isBetween(monday.toString(), friday.toString()));
        assertThat(Files.readString(state)).contains("backfill-" + monday + "-" + friday)
                .doesNotContain("1:time-entries:userId.103:user-");
    }

    /** 1,000 tasks change between polls; each poll spends at most 5 requests; all 1,000 updates arrive once. */
    @Test
    void aThousandChangesAcrossBudgetedPolls() throws Exception {
        List<SandboxTask> many = sandbox.state().addTasks(1, 102, 1_000);
        PollCounter counter = new PollCounter();
        context.getRegistry().bind("pollCounter", counter);
        MockEndpoint bulk = route("bulk", "webwork:tasks?workspaceId=1&projectId=102&snapshot=false"
                                          + "&maxRequestsPerPoll=5&maxMessagesPerPoll=300"
                                          + "&pollStrategy=#pollCounter" + FAST);
        await().atMost(Duration.ofSeconds(20)).until(() -> counter.polls.get() > 6);
        settle(bulk, 0);

        for (SandboxTask task : many) {
            sandbox.state().saveTask(task.toBuilder().description("changed").build());
        }

        settle(bulk, 1_000);
        assertThat(changes(bulk)).doesNotHaveDuplicates().allMatch(c -> c.startsWith("UPDATED 1:tasks:"));
        assertThat(counter.maxPerPoll).as("requests in one poll").isLessThanOrEqualTo(5);
        assertThat(counter.maxMessages).as("changes in one poll").isEqualTo(300);
        assertThat(sandbox.overLimitCount()).isZero();
    }

    /**
     * reconcileEvery=4: between full scans, a quiet partition of 10 pages costs 2 requests (first and newest page);
     * a create shows at once, an edit in the middle and a delete at the next full scan.
     */
    @Test
    void incrementalScansBetweenReconciliations() throws Exception {
        List<SandboxTask> many = sandbox.state().addTasks(1, 102, 1_000);
        PollCounter counter = new PollCounter();
        context.getRegistry().bind("pollCounter", counter);
        MockEndpoint tasks = route("incremental", "webwork:tasks?workspaceId=1&projectId=102&snapshot=false"
                                                  + "&reconcileEvery=4&pollStrategy=#pollCounter" + FAST);
        await().atMost(Duration.ofSeconds(20)).until(() -> counter.polls.get() > 8);
        assertThat(counter.perPoll).as("requests of each poll (a full scan reads 10 pages)").contains(10, 2)
                .containsOnly(10, 2);

        SandboxTask added = sandbox.state().addTask(1, 102, "Newest");
        SandboxTask middle = many.get(500);
        sandbox.state().saveTask(middle.toBuilder().title("Edited in the middle").build());

        settle(tasks, 2);
        assertThat(changes(tasks)).containsExactlyInAnyOrder("CREATED 1:tasks:" + added.id(),
                "UPDATED 1:tasks:" + middle.id());
    }

    /** Counts the sandbox requests each poll makes. */
    private final class PollCounter implements PollingConsumerPollStrategy {
        final AtomicInteger polls = new AtomicInteger();
        volatile int before;
        volatile int maxPerPoll;
        volatile int maxMessages;
        final Set<Integer> perPoll = ConcurrentHashMap.newKeySet();

        @Override
        public boolean begin(Consumer consumer, Endpoint endpoint) {
            before = sandbox.requests().size();
            return true;
        }

        @Override
        public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
            polls.incrementAndGet();
            maxPerPoll = Math.max(maxPerPoll, sandbox.requests().size() - before);
            maxMessages = Math.max(maxMessages, polledMessages);
            perPoll.add(sandbox.requests().size() - before);
        }

        @Override
        public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
            return false;
        }
    }
}
