package io.github.camelwebwork.component;

import java.util.HashMap;
import java.util.Map;

import io.github.camelwebwork.model.Task;
import io.github.camelwebwork.sandbox.RecordedRequest;
import io.github.camelwebwork.support.SandboxTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-message values: header over body over endpoint option. */
class HeaderOverrideTest extends SandboxTestSupport {

    @Test
    void headersOverrideTheOperationAndEveryId() {
        Map<String, Object> headers = new HashMap<>();
        headers.put(WebworkConstants.OPERATION, "get");
        headers.put(WebworkConstants.WORKSPACE_ID, 1L);
        headers.put(WebworkConstants.PROJECT_ID, "100");
        headers.put(WebworkConstants.TASK_ID, 501);

        Task task = template.requestBodyAndHeaders("webwork:tasks?operation=list&workspaceId=2&projectId=101", null,
                headers, Task.class);

        RecordedRequest request = onlyRequest();
        assertThat(request.path()).isEqualTo("/api/v2/tasks/501");
        assertThat(request.rawQuery()).isEqualTo("workspace_id=1&project_id=100");
        assertThat(task.getId()).isEqualTo(501L);
    }

    @Test
    void aMapBodySuppliesIdsByWireNameAndAHeaderStillWins() {
        Map<String, Object> body = Map.of("workspace_id", 1, "project_id", 100, "task_id", 502);

        template.requestBodyAndHeader("webwork:tasks?operation=delete&workspaceId=2&projectId=101&taskId=1", body,
                WebworkConstants.TASK_ID, 503);

        RecordedRequest request = onlyRequest();
        assertThat(request.path()).isEqualTo("/api/v2/tasks/503");
        assertThat(request.body()).isEqualTo("{\"workspace_id\":1,\"project_id\":100}");
    }

    @Test
    void filtersComeFromHeaders() {
        template.requestBodyAndHeaders("webwork:tasks?operation=list&workspaceId=1&projectId=100&status=0", null,
                Map.of(WebworkConstants.STATUS, "Doing", WebworkConstants.PRIORITY, "urgent",
                        WebworkConstants.PAGE, 1, WebworkConstants.PER_PAGE, 10));

        assertThat(onlyRequest().rawQuery())
                .isEqualTo("workspace_id=1&project_id=100&status=10&priority=10&page=1&per_page=10");
    }

    @Test
    void componentLevelDefaultsApplyToEveryEndpoint() {
        context.getComponent("webwork", WebworkComponent.class).getConfiguration().setWorkspaceId(1L);
        context.getComponent("webwork", WebworkComponent.class).getConfiguration().setProjectId(100L);

        Task task = template.requestBody("webwork:tasks?operation=get&taskId=500", null, Task.class);

        assertThat(onlyRequest().rawQuery()).isEqualTo("workspace_id=1&project_id=100");
        assertThat(task.getId()).isEqualTo(500L);
    }
}
