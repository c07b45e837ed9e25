package io.github.camelwebwork.component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.model.ModelJson;
import io.github.camelwebwork.model.Project;
import io.github.camelwebwork.model.Task;
import io.github.camelwebwork.operation.PagedResult;
import io.github.camelwebwork.sandbox.Drift;
import io.github.camelwebwork.support.CapturedLog;
import io.github.camelwebwork.support.SandboxTestSupport;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Given a sandbox that answers in a drifted shape, what a route gets: with outputType=model the record with the drifted
 * value kept (or an error that says how to get the data), with map and json the data as sent (docs/drift.md).
 */
class DriftReadingTest extends SandboxTestSupport {

    private static final String PROJECTS = "webwork:projects?workspaceId=1";
    private static final String TASKS = "webwork:tasks?operation=list&workspaceId=1&projectId=100";

    @RegisterExtension
    final CapturedLog log = new CapturedLog();

    private final ObjectMapper json = ModelJson.newMapper();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").toD("${header.uri}");
            }
        };
    }

    private Object call(String uri, Object body, Map<String, Object> headers) {
        Map<String, Object> all = new HashMap<>(headers);
        all.put("uri", uri);
        return template.requestBodyAndHeaders("direct:call", body, all);
    }

    private Object call(String uri) {
        return call(uri, null, Map.of());
    }

    /** A list body: a walked list's records, all pages read. */
    private List<?> list(String uri, Map<String, Object> headers) {
        Object body = call(uri, null, headers);
        return body instanceof PagedResult<?> paged ? paged.toList() : (List<?>) body;
    }

    private List<?> list(String uri) {
        return list(uri, Map.of());
    }

    @Test
    void aProjectStatusAsTextKeepsEveryProjectCallWorkingWithTheValueInItsDriftedValues() throws Exception {
        sandbox.drift(Drift.PROJECT_STATUS_AS_STRING);

        List<?> projects = list(PROJECTS + "&operation=list");
        Project created = (Project) call(PROJECTS + "&operation=create", Map.of("name", "Drifted"), Map.of());
        Project got = (Project) call(PROJECTS + "&operation=get&projectId=" + created.getId());
        Project updated = (Project) call(PROJECTS + "&operation=update&projectId=" + created.getId(),
                Map.of("notes", "n"), Map.of());

        assertThat(projects).isNotEmpty().allSatisfy(p -> {
            assertThat(((Project) p).getStatus()).isNull();
            assertThat(((Project) p).getDriftedValues()).containsExactly(Map.entry("status", "active"));
        });
        for (Project p : List.of(created, got, updated)) {
            assertThat(p.getName()).isEqualTo("Drifted");
            assertThat(p.getDriftedValues()).containsExactly(Map.entry("status", "active"));
        }
        assertThat(updated.getNotes()).isEqualTo("n");
        List<String> warnings = log.text().lines().filter(l -> l.contains("WARN") && l.contains("Project.status"))
                .toList();
        assertThat(warnings).as("once per operation and field: list, create, get, update").hasSize(4);
        assertThat(warnings.get(0)).contains("projects.list", "a string", "outputType=map").doesNotContain("active");
    }

    @Test
    void aDriftedValueIsWrittenBackInItsFieldsPlace() throws Exception {
        sandbox.drift(Drift.PROJECT_STATUS_AS_STRING);
        Project got = (Project) call(PROJECTS + "&operation=get&projectId=100");

        JsonNode written = json.valueToTree(got);

        assertThat(written.get("status").asText()).isEqualTo("active");
        assertThat(json.writeValueAsString(got)).containsOnlyOnce("\"status\"");
    }

    @Test
    void strictModelsMakesTheDriftAnErrorThatNamesTheFieldAndTheWayOut() {
        sandbox.drift(Drift.PROJECT_STATUS_AS_STRING);

        assertThatThrownBy(() -> call(PROJECTS + "&operation=get&projectId=100&strictModels=true"))
                .isInstanceOf(CamelExecutionException.class).rootCause()
                .hasMessageContaining("projects.get").hasMessageContaining("status is string")
                .hasMessageContaining("outputType=map").hasMessageNotContaining("active");
    }

    @Test
    void anUnknownTaskStatusCodeStaysInItsFieldUnlessStrict() {
        sandbox.drift(Drift.TASK_STATUS_UNKNOWN_CODE);

        List<?> tasks = list(TASKS);

        assertThat(tasks).isNotEmpty().allSatisfy(t -> {
            assertThat(((Task) t).getStatus()).isEqualTo(40);
            assertThat(((Task) t).getStatusValue()).isEmpty();
        });
        assertThat(log.text()).contains("Task.status", "unknown code 40", "outputType=map");
        assertThatThrownBy(() -> call(TASKS + "&strictModels=true")).rootCause()
                .hasMessageContaining("tasks.list").hasMessageContaining("not a known code of TaskStatus");
    }

    @Test
    void aConfirmedFieldOfAnotherTypeFailsTheModelButNotMapOrJson() {
        sandbox.drift(Drift.TASK_TITLE_AS_OBJECT);

        assertThatThrownBy(() -> call(TASKS)).rootCause().hasMessageContaining("tasks.list")
                .hasMessageContaining("title is object").hasMessageContaining("outputType=map");
        List<?> maps = list(TASKS + "&outputType=map");
        String text = (String) call(TASKS + "&page=1", null, Map.of(WebworkConstants.OUTPUT_TYPE, "json"));

        assertThat(maps).isNotEmpty().allSatisfy(m -> assertThat(((Map<?, ?>) m).get("title")).isInstanceOf(Map.class));
        assertThat(text).startsWith("[{").contains("\"title\":{\"en\":");
    }

    @Test
    void aReportWithoutUsersFailsTheModelNamingTheShapeAndTheWayOut() {
        sandbox.drift(Drift.REPORT_DATA_OBJECT_WITHOUT_USERS);
        String report = "webwork:reports?operation=dailyTimeline&workspaceId=1&date=" + clock().instant().toString()
                .substring(0, 10);

        assertThatThrownBy(() -> call(report)).rootCause().hasMessageContaining("reports.dailyTimeline")
                .hasMessageContaining("OBJECT with the fields").hasMessageContaining("members")
                .hasMessageContaining("outputType=map");
        Map<?, ?> map = (Map<?, ?>) call(report + "&page=1&outputType=map");

        assertThat(map.get("members")).isInstanceOf(List.class);
    }
}
