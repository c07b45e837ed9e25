package io.github.camelwebwork.sandbox;

import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The order lists answer in: ascending ids by default (the reference says nothing of an order, §4), descending, or
 * shuffled per request; set when the sandbox is built or while it runs. Pagination is the same in every order.
 */
class ListOrderTest {

    private WebworkSandbox sandbox;

    private SandboxClient start(WebworkSandbox.Builder builder) {
        sandbox = builder.build().start();
        sandbox.state().addTasks(1, 102, 25);
        return new SandboxClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** Pages 1 to 3 of project 102's 25 tasks, 10 a page, read one after the other. */
    private static List<Long> readAll(SandboxClient client) {
        List<Long> all = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            SandboxClient.Reply reply = client.get("/tasks?workspace_id=1&project_id=102&per_page=10&page=" + page);
            assertThat(reply.pagination().path("last_page").asInt()).isEqualTo(3);
            assertThat(reply.pagination().path("total").asInt()).isEqualTo(25);
            all.addAll(ids(reply.data()));
        }
        return all;
    }

    @Test
    void listsAnswerAscendingByIdByDefault() {
        SandboxClient client = start(WebworkSandbox.builder());

        List<Long> ids = readAll(client);

        assertThat(ids).hasSize(25).isSorted().doesNotHaveDuplicates();
        assertThat(ids(client.get("/projects?workspace_id=1").data())).isSorted();
        assertThat(ids(client.get("/members?workspace_id=1").data())).isSorted();
    }

    @Test
    void descendingPutsTheNewestOnPageOne() {
        SandboxClient client = start(WebworkSandbox.builder().listOrder(ListOrder.descending()));

        List<Long> ids = readAll(client);

        assertThat(ids).hasSize(25).isSortedAccordingTo(Comparator.reverseOrder());
        long newest = sandbox.state().addTask(1, 102, "Newest").id();
        assertThat(ids(client.get("/tasks?workspace_id=1&project_id=102&per_page=10&page=1").data()).get(0))
                .isEqualTo(newest);
    }

    @Test
    void shuffledAnswersEachRequestInANewOrderTheSameForTheSameSeed() {
        SandboxClient client = start(WebworkSandbox.builder().listOrder(ListOrder.shuffled(7)));
        List<Long> ascending = sandbox.state().tasks(1, 102).stream().map(SandboxTask::id).toList();

        List<Long> first = ids(client.get("/tasks?workspace_id=1&project_id=102&per_page=100").data());
        List<Long> second = ids(client.get("/tasks?workspace_id=1&project_id=102&per_page=100").data());
        sandbox.listOrder(ListOrder.shuffled(7));
        List<Long> again = ids(client.get("/tasks?workspace_id=1&project_id=102&per_page=100").data());

        assertThat(first).containsExactlyInAnyOrderElementsOf(ascending).isNotEqualTo(ascending);
        assertThat(second).containsExactlyInAnyOrderElementsOf(ascending).isNotEqualTo(first);
        assertThat(again).as("the same seed, the same first request").isEqualTo(first);
    }

    @Test
    void theOrderCanChangeWhileTheSandboxRuns() {
        SandboxClient client = start(WebworkSandbox.builder());
        assertThat(readAll(client)).isSorted();

        sandbox.listOrder(ListOrder.descending());
        assertThat(readAll(client)).isSortedAccordingTo(Comparator.reverseOrder());

        sandbox.listOrder(ListOrder.ascending());
        assertThat(readAll(client)).isSorted();
    }
}
