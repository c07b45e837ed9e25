package io.github.camelwebwork.routes;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.github.camelwebwork.sandbox.RecordedRequest;
import io.github.camelwebwork.sandbox.SandboxTask;
import io.github.camelwebwork.support.SandboxTestSupport;
import io.github.camelwebwork.support.YamlRoutes;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** routes/tasks-lifecycle.yaml, loaded as YAML DSL, against the sandbox. */
class TaskLifecycleRouteTest extends SandboxTestSupport {

    @Test
    void theRouteWalksATaskThroughEveryOperation() throws Exception {
        Properties properties = new Properties();
        properties.put("webwork.workspace-id", "1");
        properties.put("webwork.project-id", "101");
        properties.put("webwork.assignee-id", "102");
        properties.put("demo.task-title", "Route test task");
        context.getPropertiesComponent().setOverrideProperties(properties);
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("task-lifecycle").whenCompleted(1).create();

        YamlRoutes.load(context, "tasks-lifecycle.yaml");

        assertThat(done.matches(20, TimeUnit.SECONDS)).as("the route completed").isTrue();
        List<RecordedRequest> requests = requests();
        assertThat(requests).extracting(r -> r.method() + " " + r.path().replaceAll("/\\d{3,}", "/{id}"))
                .containsExactly(
                        "POST /api/v2/tasks",
                        "GET /api/v2/tasks",
                        "PUT /api/v2/tasks/{id}",
                        "POST /api/v2/tasks/{id}/assign/{id}",
                        "GET /api/v2/tasks/{id}/assignees",
                        "DELETE /api/v2/tasks/{id}/unassign/{id}",
                        "DELETE /api/v2/tasks/{id}");
        long id = Long.parseLong(requests.get(2).path().replaceAll(".*/", ""));
        assertThat(requests.get(3).path()).isEqualTo("/api/v2/tasks/" + id + "/assign/102");
        assertThat(requests.get(0).json().get("title").asText()).isEqualTo("Route test task");
        assertThat(requests.get(0).json().get("project_id").asLong()).isEqualTo(101L);
        SandboxTask task = sandbox.state().task(id).orElseThrow();
        assertThat(task.title()).isEqualTo("Route test task (in progress)");
        assertThat(task.status()).isEqualTo(10);
        assertThat(task.assigneeIds()).isEmpty();
        assertThat(task.deletedAt()).isNotNull();
    }
}
