package io.github.camelwebwork.consumer;

import java.util.List;

import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.sandbox.ListOrder;
import io.github.camelwebwork.sandbox.SandboxTask;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import io.github.camelwebwork.support.CapturedLog;
import io.github.camelwebwork.support.PollRecorder;
import io.github.camelwebwork.support.SandboxTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelwebwork.consumer.ChangeCaptureTest.changes;
import static io.github.camelwebwork.consumer.ChangeCaptureTest.settle;
import static io.github.camelwebwork.operation.ListOrder.NEWEST_FIRST;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Incremental scans rely on the list order of the house rule (oldest first: new records on the last page). Every
 * full scan checks the order the sandbox answers in; in that order the scans between the full ones read two pages of
 * a quiet project, in another the consumer says so once and reads every page, until the order is back. Each step of
 * the sandbox is taken between two polls, so every poll's requests are known.
 */
class ListOrderCaptureTest extends SandboxTestSupport {

    private static final String TASKS = "webwork:tasks?workspaceId=1&projectId=102&reconcileEvery=4"
                                        + "&pollStrategy=#polls&delay=40&initialDelay=0";
    private static final String WARNING = "ListOrderWatch - webwork:tasks:";

    @RegisterExtension
    final CapturedLog log = new CapturedLog();

    private PollRecorder polls;

    @Override
    protected WebworkSandbox.Builder sandboxBuilder() {
        return WebworkSandbox.builder().noRateLimit();
    }

    @Override
    protected void configure(WebworkComponent webwork) {
        webwork.getConfiguration().setRateLimit(100_000);
    }

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    /** The poll strategy of the route: steps given to it before {@link #route} runs are sure to come in time. */
    private PollRecorder polls() {
        if (polls == null) {
            polls = new PollRecorder(sandbox);
        }
        return polls;
    }

    private MockEndpoint route(String uri, boolean start) throws Exception {
        context.getRegistry().bind("polls", polls());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("tasks").autoStartup(start).to("mock:tasks");
            }
        });
        context.start();
        return getMockEndpoint("mock:tasks");
    }

    private long warnings() {
        return log.text().lines().filter(line -> line.contains(WARNING) && line.contains("WARN")).count();
    }

    /**
     * The 10 pages of project 102 are read whole at every 4th poll; in between, page 1 and the newest page, and the
     * page before it when the newest held a new task (poll 6).
     */
    @Test
    void inTheExpectedOrderTheScansBetweenTheFullOnesReadTwoPages() throws Exception {
        sandbox.state().addTasks(1, 102, 1_000);
        SandboxTask[] added = new SandboxTask[1];
        polls().before(6, () -> added[0] = sandbox.state().addTask(1, 102, "Newest"));
        MockEndpoint tasks = route(TASKS + "&snapshot=false", true);

        polls.awaitPolls(9);

        assertThat(polls.requests().subList(0, 9)).containsExactly(10, 2, 2, 2, 10, 3, 2, 2, 11);
        settle(tasks, 1);
        assertThat(changes(tasks)).containsExactly("CREATED 1:tasks:" + added[0].id());
        assertThat(warnings()).isZero();
    }

    /**
     * The sandbox turns to newest first between polls 2 and 3, while a task is created, one edited and one deleted:
     * the incremental scan of poll 3 sees page 1 newest first and says so in one WARN; from poll 4 on every scan reads
     * all pages (poll 4 also confirms the delete with a get) and no WARN follows; back in the expected order, poll 7's
     * full scan confirms it and poll 8 is incremental again. Each change is emitted once.
     */
    @Test
    void inAnotherOrderTheConsumerWarnsOnceAndScansWholeUntilTheOrderIsBack() throws Exception {
        List<SandboxTask> many = sandbox.state().addTasks(1, 102, 1_000);
        SandboxTask[] added = new SandboxTask[1];
        SandboxTask edited = many.get(500);
        SandboxTask deleted = many.get(300);
        polls().before(3, () -> {
            sandbox.listOrder(ListOrder.descending());
            added[0] = sandbox.state().addTask(1, 102, "Newest");
            sandbox.state().saveTask(edited.toBuilder().title("Edited in the middle").build());
            sandbox.state().saveTask(deleted.toBuilder().deletedAt(clock().instant()).build());
        });
        polls().before(7, () -> sandbox.listOrder(ListOrder.ascending()));
        MockEndpoint tasks = route(TASKS + "&snapshot=false", true);

        polls.awaitPolls(10);

        assertThat(polls.requests().subList(0, 10)).containsExactly(10, 2, 2, 11, 10, 10, 10, 2, 10, 2);
        settle(tasks, 3);
        assertThat(changes(tasks)).containsExactly("CREATED 1:tasks:" + added[0].id(),
                "UPDATED 1:tasks:" + edited.id(), "DELETED 1:tasks:" + deleted.id());
        assertThat(warnings()).isOne();
        assertThat(log.text()).contains(WARNING + " an incremental scan read the list of project-102 newest first",
                "not oldest first as incremental scans need (HouseRules.LIST_ORDER): every scan is full until a "
                + "full scan reads every list oldest first",
                WARNING + " a full scan read every list oldest first again: incremental scans resume");
    }

    /**
     * An API that answers every request in a new order: the first full scan says so, every scan reads every page and
     * asks for each record it missed; every task is emitted once, and so is each later change.
     */
    @Test
    void aListInNoOrderIsReadWholeEveryTimeAndNothingIsLostOrDoubled() throws Exception {
        sandbox.listOrder(ListOrder.shuffled(42));
        List<SandboxTask> many = sandbox.state().addTasks(1, 102, 250);
        MockEndpoint tasks = route(TASKS, true);
        settle(tasks, 250);
        assertThat(changes(tasks)).doesNotHaveDuplicates().allMatch(c -> c.startsWith("CREATED"));
        SandboxTask[] added = new SandboxTask[1];
        polls.next(() -> {
            added[0] = sandbox.state().addTask(1, 102, "Newest");
            sandbox.state().saveTask(many.get(100).toBuilder().title("Edited").build());
            sandbox.state().saveTask(many.get(200).toBuilder().deletedAt(clock().instant()).build());
        });

        settle(tasks, 253);

        assertThat(changes(tasks).subList(250, 253)).containsExactlyInAnyOrder("CREATED 1:tasks:" + added[0].id(),
                "UPDATED 1:tasks:" + many.get(100).id(), "DELETED 1:tasks:" + many.get(200).id());
        assertThat(polls.requests()).as("every scan reads the 3 pages").allMatch(n -> n >= 3);
        assertThat(warnings()).isOne();
        assertThat(log.text()).contains(WARNING + " a full scan read the list of project-102 in no order (id ");
    }

    /**
     * Were the house rule corrected to newest first, the same consumer reads an API that answers so from page 1 on:
     * one page while nothing is new, a second when page 1 was all new.
     */
    @Test
    void withTheHouseRuleNewestFirstTheScansBetweenReadFromPageOne() throws Exception {
        sandbox.listOrder(ListOrder.descending());
        sandbox.state().addTasks(1, 102, 1_000);
        MockEndpoint tasks = route(TASKS + "&snapshot=false", false);
        ((WebworkConsumer) context.getRoute("tasks").getConsumer()).expectListOrder(NEWEST_FIRST);
        polls.before(3, () -> sandbox.state().addTasks(1, 102, 150));
        context.getRouteController().startRoute("tasks");

        polls.awaitPolls(6);

        assertThat(polls.requests().subList(0, 6)).containsExactly(10, 1, 3, 1, 12, 1);
        settle(tasks, 150);
        assertThat(changes(tasks)).doesNotHaveDuplicates().allMatch(c -> c.startsWith("CREATED"));
        assertThat(warnings()).isZero();
    }

    /**
     * Timesheets take an order (order_by on created_at; the reference gives no default and the sandbox answers newest
     * first without one): change capture asks for the order it needs, so their scans are not all full.
     */
    @Test
    void aListThatTakesAnOrderIsAskedForTheOneChangeCaptureNeeds() throws Exception {
        route("webwork:timesheets?workspaceId=1&snapshot=false&pollStrategy=#polls&delay=40&initialDelay=0", true);

        polls.awaitPolls(3);

        assertThat(sandbox.requests()).filteredOn(r -> r.path().equals("/api/v2/timesheets")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.query().get("order_by")).containsExactly("asc"));
        assertThat(log.text()).doesNotContain("ListOrderWatch - webwork:timesheets");
    }

    /** An order the endpoint sets is the one sent. */
    @Test
    void anOrderTheEndpointSetsIsKept() throws Exception {
        route("webwork:timesheets?workspaceId=1&snapshot=false&orderBy=desc&pollStrategy=#polls&delay=40"
              + "&initialDelay=0", true);

        polls.awaitPolls(2);

        assertThat(sandbox.requests()).filteredOn(r -> r.path().equals("/api/v2/timesheets")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.query().get("order_by")).containsExactly("desc"));
    }
}
