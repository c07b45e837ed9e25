package io.github.camelwebwork.sandbox;

import static io.github.camelwebwork.sandbox.SandboxConventionsTest.assertError;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.assertSuccess;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.fieldNames;
import static io.github.camelwebwork.sandbox.TimelineAndActivityReportsTest.userIds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.sandbox.SandboxClient.Reply;
import io.github.camelwebwork.support.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** §7.14 {@code /reports/task-report} over raw HTTP, computed from {@link ReportFixture}'s entries. */
class TaskReportTest {

    private static final String REPORT = "/reports/task-report?workspace_id=1&start_date=2024-05-13"
            + "&end_date=2024-05-14";

    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(ReportFixture::startWithWeek);
    private final SandboxClient client = new SandboxClient(sandbox);

    @Test
    void breaksTimeDownByTaskAndDay() {
        Reply reply = client.get(REPORT);

        assertSuccess(reply, 200, "Task report retrieved successfully");
        JsonNode data = reply.data();
        assertThat(fieldNames(data)).containsExactly("report_type", "start_date", "end_date", "users");
        assertThat(data.path("report_type").asText()).isEqualTo("task_report");
        assertThat(reply.pagination().path("per_page").asInt()).isEqualTo(30);
        JsonNode tom = data.path("users").get(4);
        assertThat(fieldNames(tom)).containsExactly("user_id", "user_name", "total_minutes", "tasks_breakdown",
                "daily_breakdown");
        assertThat(tom.path("total_minutes").asLong()).isEqualTo(255);
        assertThat(tom.path("tasks_breakdown").toString()).isEqualTo("[{\"task_id\":512,"
                + "\"task_title\":\"App onboarding flow\",\"project_id\":101,\"project_name\":\"Mobile App\","
                + "\"total_minutes\":120},{\"task_id\":513,\"task_title\":\"Push notifications\",\"project_id\":101,"
                + "\"project_name\":\"Mobile App\",\"total_minutes\":90},{\"task_id\":null,\"task_title\":null,"
                + "\"project_id\":null,\"project_name\":null,\"total_minutes\":45}]");
        assertThat(tom.path("daily_breakdown").toString()).isEqualTo("{\"2024-05-13\":[{\"task_id\":512,"
                + "\"task_title\":\"App onboarding flow\",\"total_minutes\":120},{\"task_id\":null,\"task_title\":null,"
                + "\"total_minutes\":45}],\"2024-05-14\":[{\"task_id\":513,\"task_title\":\"Push notifications\","
                + "\"total_minutes\":90}]}");
        JsonNode olivia = data.path("users").get(0);
        assertThat(olivia.path("tasks_breakdown")).isEmpty();
        assertThat(olivia.path("daily_breakdown").isObject()).isTrue();
    }

    @Test
    void filtersTasksProjectsAndUsers() {
        JsonNode withoutNoTask = client.get(REPORT + "&include_no_task=false&users=104").data().path("users").get(0);
        assertThat(withoutNoTask.path("total_minutes").asLong()).isEqualTo(210);
        assertThat(client.get(REPORT + "&include_no_task=0&users=102").data().path("users").get(0)
                .path("total_minutes").asLong()).isEqualTo(60);
        JsonNode onTask = client.get(REPORT + "&task_id[]=512").data();
        assertThat(minutes(onTask, 102)).isEqualTo(60);
        assertThat(minutes(onTask, 104)).isEqualTo(120);
        JsonNode onProject = client.get(REPORT + "&project_id[]=101&project_id[]=999").data();
        assertThat(minutes(onProject, 104)).isEqualTo(210); // Tom's no-task time is on project 102
        assertThat(minutes(onProject, 103)).isZero();
        assertThat(userIds(client.get(REPORT + "&users=103,102").data())).containsExactly(102L, 103L);
    }

    @Test
    void validatesTheQuery() {
        Reply reply = client.get("/reports/task-report?workspace_id=1&start_date=2024-05-13&end_date=2024-06-13"
                + "&include_no_task=yes&task_id[]=abc&project_id=1.5&page=0");
        assertError(reply, 422, "The given data was invalid.");
        assertThat(reply.errors().fieldNames()).toIterable().containsExactlyInAnyOrder("end_date", "include_no_task",
                "task_id.0", "project_id.0", "page");
        assertThat(reply.errors().path("include_no_task").get(0).asText())
                .isEqualTo("The include no task field must be true or false.");
        assertThat(reply.errors().path("task_id.0").get(0).asText()).isEqualTo("The task id.0 must be an integer.");
        assertError(client.get("/reports/task-report?workspace_id=1"), 422, null);
        assertError(client.get(REPORT, TimeSandbox.PM), 403, null);
    }

    private static long minutes(JsonNode data, long userId) {
        for (JsonNode u : data.path("users")) {
            if (u.path("user_id").asLong() == userId) {
                return u.path("total_minutes").asLong();
            }
        }
        throw new AssertionError("no user " + userId);
    }
}
