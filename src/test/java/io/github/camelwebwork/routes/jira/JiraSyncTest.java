package io.github.camelwebwork.routes.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.model.Task;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JiraSyncTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CamelContext context = new DefaultCamelContext();

    private JiraSync sync() {
        JiraSync sync = new JiraSync();
        sync.setProjectKey("WW");
        sync.setTaskUrl("https://w.test/t/");
        return sync;
    }

    private Exchange exchange(JiraSync sync, Task task) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(task);
        sync.begin(exchange);
        return exchange;
    }

    private static Task task(long id, String title, Integer priority, Integer status, String end) {
        Task task = new Task();
        task.setId(id);
        task.setTitle(title);
        task.setPriority(priority);
        task.setStatus(status);
        task.setEndDate(end);
        return task;
    }

    @Test
    void createRequestMapsTheTask() throws Exception {
        JiraSync sync = sync();
        JsonNode fields = JSON.readTree(sync.createRequest(exchange(sync, task(7, " Title ", 10, 0, "2026-12-11"))))
                .path("fields");
        assertThat(fields.path("project").path("key").asText()).isEqualTo("WW");
        assertThat(fields.path("issuetype").path("name").asText()).isEqualTo("Task");
        assertThat(fields.path("summary").asText()).isEqualTo("Title");
        assertThat(fields.path("duedate").asText()).isEqualTo("2026-12-11");
        assertThat(fields.path("priority").path("name").asText()).isEqualTo("Highest");
        assertThat(fields.path("labels").get(0).asText()).isEqualTo("webwork-task-7");
        assertThat(fields.path("description").path("type").asText()).isEqualTo("doc");
    }

    @Test
    void absentValuesAreLeftOutOnCreateAndADueDateIsClearedOnEdit() throws Exception {
        JiraSync sync = sync();
        sync.setPriorities("20=Major");
        Exchange exchange = exchange(sync, task(8, null, 40, null, null));
        JsonNode fields = JSON.readTree(sync.createRequest(exchange)).path("fields");
        assertThat(fields.has("duedate")).isFalse();
        assertThat(fields.has("priority")).as("40 is not mapped").isFalse();
        assertThat(fields.path("summary").asText()).isEqualTo("WebWork task 8");
        JsonNode edit = JSON.readTree(sync.updateRequest(exchange));
        assertThat(edit.path("fields").has("duedate")).isTrue();
        assertThat(edit.path("fields").get("duedate").isNull()).isTrue();
        assertThat(edit.path("fields").has("labels")).isFalse();
        assertThat(edit.path("update").path("labels").get(0).path("add").asText()).isEqualTo("webwork-task-8");
    }

    @Test
    void theSearchIsBoundedAndItsResultRead() throws Exception {
        JiraSync sync = sync();
        Exchange exchange = exchange(sync, task(9, "x", null, 20, null));
        JsonNode search = JSON.readTree(sync.searchRequest(exchange));
        assertThat(search.path("jql").asText())
                .isEqualTo("project = \"WW\" AND labels = \"webwork-task-9\" ORDER BY created ASC");
        assertThat(search.path("fields").get(0).asText()).isEqualTo("status");

        exchange.getMessage().setBody("{\"issues\":[],\"isLast\":true}");
        sync.searchResult(exchange);
        assertThat(exchange.getProperty(JiraSync.ISSUE_KEY)).isNull();
        assertThat(sync.needsTransition(exchange)).isTrue();

        exchange.getMessage().setBody("{\"issues\":[{\"id\":\"1\",\"key\":\"WW-3\",\"fields\":{\"status\":"
                + "{\"name\":\"Done\",\"statusCategory\":{\"key\":\"done\"}}}}],\"isLast\":true}");
        sync.searchResult(exchange);
        assertThat(exchange.getProperty(JiraSync.ISSUE_KEY)).isEqualTo("WW-3");
        assertThat(sync.needsTransition(exchange)).as("already done").isFalse();

        // an issue the search index does not show yet is remembered from its creation
        Exchange next = exchange(sync, task(10, "y", null, 0, null));
        next.getMessage().setBody("{\"id\":\"10010\",\"key\":\"WW-4\",\"self\":\"x\"}");
        sync.created(next);
        Exchange redelivered = exchange(sync, task(10, "y", null, 0, null));
        redelivered.getMessage().setBody("{\"issues\":[],\"isLast\":true}");
        sync.searchResult(redelivered);
        assertThat(redelivered.getProperty(JiraSync.ISSUE_KEY)).isEqualTo("WW-4");
        assertThat(sync.needsTransition(redelivered)).isFalse();
    }

    @Test
    void theTransitionIsFoundByNameOrTargetAndCachedPerWorkflow() throws Exception {
        JiraSync sync = sync();
        sync.setDoneTransition("Closed");
        Exchange exchange = exchange(sync, task(11, "x", null, 30, null));
        assertThat(sync.cachedTransition(exchange)).isFalse();
        exchange.getMessage().setBody("{\"transitions\":[{\"id\":\"5\",\"name\":\"Start\",\"to\":{\"name\":\"Doing\"}},"
                + "{\"id\":\"9\",\"name\":\"Finish\",\"to\":{\"name\":\"Closed\"}}]}");
        sync.transitionsResult(exchange);
        assertThat(JSON.readTree(sync.transitionRequest(exchange)).path("transition").path("id").asText())
                .isEqualTo("9");
        Exchange other = exchange(sync, task(12, "x", null, 30, null));
        assertThat(sync.cachedTransition(other)).isTrue();
        assertThat(other.getProperty(JiraSync.TRANSITION_ID)).isEqualTo("9");
        sync.forgetTransition(other);
        assertThat(sync.cachedTransition(other)).isFalse();
    }

    @Test
    void aMissingTransitionIsAClearError() {
        JiraSync sync = sync();
        Exchange exchange = exchange(sync, task(13, "x", null, 20, null));
        exchange.setProperty(JiraSync.ISSUE_KEY, "WW-9");
        exchange.getMessage().setBody("{\"transitions\":[{\"id\":\"5\",\"name\":\"Start\",\"to\":{\"name\":\"Doing\"}}]}");
        assertThatThrownBy(() -> sync.transitionsResult(exchange)).isInstanceOf(JiraException.class)
                .hasMessageContaining("No transition named 'Done'").hasMessageContaining("WW-9")
                .hasMessageContaining("[Start]").hasMessageContaining("jira.done-transition");
    }

    @Test
    void theRemoteLinkHasAStableGlobalId() throws Exception {
        JiraSync sync = sync();
        JsonNode link = JSON.readTree(sync.remoteLinkRequest(exchange(sync, task(14, "Fix", null, null, null))));
        assertThat(link.path("globalId").asText()).isEqualTo("webwork:task:14");
        assertThat(link.path("object").path("url").asText()).isEqualTo("https://w.test/t/14");
        assertThat(link.path("object").path("title").asText()).isEqualTo("WebWork task 14");
    }
}
