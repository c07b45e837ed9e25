package io.github.camelwebwork.component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelwebwork.model.Task;
import io.github.camelwebwork.model.TaskAssignee;
import io.github.camelwebwork.model.TaskPriority;
import io.github.camelwebwork.model.TaskStatus;
import io.github.camelwebwork.sandbox.RecordedRequest;
import io.github.camelwebwork.support.SandboxTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Tasks operation against the sandbox: the request on the wire is the reference's ("Tasks: wire examples"),
 * byte for byte, and the result is typed.
 */
class TaskOperationsTest extends SandboxTestSupport {

    private static final String TASKS = "webwork:tasks?workspaceId=1&projectId=100&operation=";

    @Test
    void createSendsTheReferenceBodyAndReturnsTheTask() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assignees", List.of(100, 101));
        body.put("end_date", "2024-01-30");
        body.put("start_date", "2024-01-15");
        body.put("priority", 30);
        body.put("status", 0);
        body.put("description", "Add OAuth2 authentication support");
        body.put("title", "Implement user authentication");

        Exchange exchange = template.request(TASKS + "create", e -> e.getMessage().setBody(body));

        RecordedRequest request = onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v2/tasks");
        assertThat(request.rawQuery()).isNullOrEmpty();
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + sandbox.token());
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.body()).isEqualTo("{\"workspace_id\":1,\"project_id\":100,"
                                             + "\"title\":\"Implement user authentication\","
                                             + "\"description\":\"Add OAuth2 authentication support\","
                                             + "\"status\":0,\"priority\":30,\"start_date\":\"2024-01-15\","
                                             + "\"end_date\":\"2024-01-30\",\"assignees\":[100,101]}");

        Task task = exchange.getMessage().getBody(Task.class);
        assertThat(task.getId()).isNotNull();
        assertThat(task.getTitle()).isEqualTo("Implement user authentication");
        assertThat(task.getProjectId()).isEqualTo(100L);
        assertThat(task.getStatusValue()).contains(TaskStatus.INCOMPLETE);
        assertThat(task.getPriorityValue()).contains(TaskPriority.NORMAL);
        assertThat(task.getAssignees()).extracting(TaskAssignee::memberUserId).containsExactly(100L, 101L);
        assertThat(exchange.getMessage().getHeader(WebworkConstants.MESSAGE)).isEqualTo("Task created successfully");
        assertThat(sandbox.state().task(task.getId())).isPresent();
    }

    @Test
    void createFromAModelSendsOnlyTheFieldsThatAreSet() {
        Task draft = Task.titled("Write release notes");
        draft.setPriorityValue(TaskPriority.HIGH);
        draft.setEndDate("2024-02-01");

        Task created = template.requestBody(TASKS + "create", draft, Task.class);

        assertThat(onlyRequest().body()).isEqualTo("{\"workspace_id\":1,\"project_id\":100,"
                                                   + "\"title\":\"Write release notes\",\"priority\":20,"
                                                   + "\"end_date\":\"2024-02-01\"}");
        assertThat(created.getTitle()).isEqualTo("Write release notes");
        assertThat(created.getPriority()).isEqualTo(20);
    }

    @Test
    void createFromAJsonString() {
        Task created = template.requestBody(TASKS + "create", "{\"title\":\"From JSON\",\"status\":10}", Task.class);

        assertThat(onlyRequest().body())
                .isEqualTo("{\"workspace_id\":1,\"project_id\":100,\"title\":\"From JSON\",\"status\":10}");
        assertThat(created.getStatusValue()).contains(TaskStatus.DOING);
    }

    @Test
    void getPutsTheIdsInTheQuery() {
        Task task = template.requestBody(TASKS + "get&taskId=500", null, Task.class);

        RecordedRequest request = onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/api/v2/tasks/500");
        assertThat(request.rawQuery()).isEqualTo("workspace_id=1&project_id=100");
        assertThat(request.body()).isEmpty();
        assertThat(request.header("Content-Type")).isNull();
        assertThat(task.getId()).isEqualTo(500L);
        assertThat(task.getProjectId()).isEqualTo(100L);
    }

    @Test
    void updateSendsTheReferenceBody() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("title", "Implement user authentication v2");
        changes.put("description", "OAuth2 and SSO");
        changes.put("status", 10);
        changes.put("priority", 20);
        changes.put("start_date", "2024-01-15");
        changes.put("end_date", "2024-01-30");

        Task updated = template.requestBody(TASKS + "update&taskId=500", changes, Task.class);

        RecordedRequest request = onlyRequest();
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.path()).isEqualTo("/api/v2/tasks/500");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.body()).isEqualTo("{\"workspace_id\":1,\"project_id\":100,"
                                             + "\"title\":\"Implement user authentication v2\","
                                             + "\"description\":\"OAuth2 and SSO\",\"status\":10,\"priority\":20,"
                                             + "\"start_date\":\"2024-01-15\",\"end_date\":\"2024-01-30\"}");
        assertThat(updated.getTitle()).isEqualTo("Implement user authentication v2");
        assertThat(updated.getStatusValue()).contains(TaskStatus.DOING);
        assertThat(sandbox.state().task(500).orElseThrow().title()).isEqualTo("Implement user authentication v2");
    }

    @Test
    void updateWithAStatusNameFromTheUriMarksTheTaskDone() {
        Task updated = template.requestBody(TASKS + "update&taskId=500&status=done", null, Task.class);

        assertThat(onlyRequest().body()).isEqualTo("{\"workspace_id\":1,\"project_id\":100,\"status\":20}");
        assertThat(updated.getStatus()).isEqualTo(20);
        assertThat(updated.getCompletedAt()).isNotNull();
    }

    @Test
    void updateFromAFetchedModelTakesTheTaskIdFromTheModel() {
        Task task = template.requestBody(TASKS + "get&taskId=500", null, Task.class);
        task.setTitle("Renamed through the model");
        sandbox.clearRequests();

        template.requestBody("webwork:tasks?workspaceId=1&operation=update", task, Task.class);

        RecordedRequest request = onlyRequest();
        assertThat(request.path()).isEqualTo("/api/v2/tasks/500");
        assertThat(request.json().get("title").asText()).isEqualTo("Renamed through the model");
        assertThat(request.json().get("project_id").asLong()).isEqualTo(100L);
        assertThat(request.json().has("id")).isFalse();
        assertThat(request.json().has("created_at")).isFalse();
    }

    @Test
    void deleteSendsTheIdsAsAJsonBodyAndKeepsTheMessageBody() {
        Exchange exchange = template.request(TASKS + "delete&taskId=500", e -> e.getMessage().setBody("kept"));

        RecordedRequest request = onlyRequest();
        assertThat(request.method()).isEqualTo("DELETE");
        assertThat(request.path()).isEqualTo("/api/v2/tasks/500");
        assertThat(request.rawQuery()).isNullOrEmpty();
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.body()).isEqualTo("{\"workspace_id\":1,\"project_id\":100}");
        assertThat(exchange.getMessage().getBody()).isEqualTo("kept");
        assertThat(exchange.getMessage().getHeader(WebworkConstants.MESSAGE)).isEqualTo("Task deleted successfully");
        assertThat(sandbox.state().task(500).orElseThrow().deletedAt()).isNotNull();
    }

    @Test
    void assignListAssigneesAndUnassign() {
        Task task = template.requestBody(TASKS + "create", Map.of("title", "Pair on the release"), Task.class);
        long id = task.getId();
        sandbox.clearRequests();

        TaskAssignee assignee = template.requestBody(TASKS + "assign&userId=101&taskId=" + id, null,
                TaskAssignee.class);

        RecordedRequest assign = onlyRequest();
        assertThat(assign.method()).isEqualTo("POST");
        assertThat(assign.path()).isEqualTo("/api/v2/tasks/" + id + "/assign/101");
        assertThat(assign.header("Content-Type")).isEqualTo("application/json");
        assertThat(assign.body()).isEqualTo("{\"workspace_id\":1,\"project_id\":100}");
        assertThat(assignee.getUserId()).isEqualTo(101L);
        assertThat(assignee.getTaskId()).isEqualTo(id);
        sandbox.clearRequests();

        @SuppressWarnings("unchecked")
        List<TaskAssignee> assignees = template.requestBody(TASKS + "listAssignees&taskId=" + id, null, List.class);

        RecordedRequest list = onlyRequest();
        assertThat(list.method()).isEqualTo("GET");
        assertThat(list.path()).isEqualTo("/api/v2/tasks/" + id + "/assignees");
        assertThat(list.rawQuery()).isEqualTo("workspace_id=1&project_id=100");
        assertThat(assignees).extracting(TaskAssignee::memberUserId).containsExactly(101L);
        sandbox.clearRequests();

        Exchange unassign = template.request(TASKS + "unassign&userId=101&taskId=" + id, e -> {
        });

        RecordedRequest request = onlyRequest();
        assertThat(request.method()).isEqualTo("DELETE");
        assertThat(request.path()).isEqualTo("/api/v2/tasks/" + id + "/unassign/101");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.body()).isEqualTo("{\"workspace_id\":1,\"project_id\":100}");
        assertThat(unassign.getMessage().getHeader(WebworkConstants.MESSAGE))
                .isEqualTo("Task unassigned successfully");
        assertThat(sandbox.state().task(id).orElseThrow().assigneeIds()).isEmpty();
    }

    @Test
    void listOfOnePageWithFilters() {
        Exchange exchange = template.request(TASKS + "list&status=0&priority=30&page=1&perPage=5", e -> {
        });

        RecordedRequest request = onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/api/v2/tasks");
        assertThat(request.rawQuery()).isEqualTo("workspace_id=1&project_id=100&status=0&priority=30&page=1&per_page=5");
        @SuppressWarnings("unchecked")
        List<Task> tasks = exchange.getMessage().getBody(List.class);
        assertThat(tasks).isNotEmpty().allSatisfy(t -> {
            assertThat(t.getStatus()).isEqualTo(0);
            assertThat(t.getPriority()).isEqualTo(30);
        });
        assertThat(exchange.getMessage().getHeader(WebworkConstants.PAGINATION_CURRENT_PAGE)).isEqualTo(1);
        assertThat(exchange.getMessage().getHeader(WebworkConstants.PAGINATION_PER_PAGE)).isEqualTo(5);
        assertThat(exchange.getMessage().getHeader(WebworkConstants.PAGINATION_TOTAL, Integer.class))
                .isEqualTo(sandbox.state().tasks(1, 100).stream()
                        .filter(t -> t.status() == 0 && t.priority() == 30).count());
    }

    @Test
    void listWithoutAPageWalksEveryPageAtTheLargestPageSize() {
        @SuppressWarnings("unchecked")
        List<Task> tasks = template.requestBody(TASKS + "list", null, List.class);

        assertThat(requests().get(0).rawQuery()).isEqualTo("workspace_id=1&project_id=100&page=1&per_page=100");
        assertThat(tasks).extracting(Task::getId)
                .containsExactlyElementsOf(sandbox.state().tasks(1, 100).stream().map(t -> t.id()).toList());
    }
}
