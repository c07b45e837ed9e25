package io.github.camelwebwork.component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelwebwork.operation.WebworkValidationException;
import io.github.camelwebwork.support.SandboxTestSupport;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Bad input is refused before any network call, with every violation in one exception. */
class TaskValidationTest extends SandboxTestSupport {

    private static final String TASKS = "webwork:tasks?workspaceId=1&projectId=100&operation=";

    private WebworkValidationException refused(String uri, Object body) {
        CamelExecutionException e = catchThrowableOfType(CamelExecutionException.class,
                () -> template.requestBody(uri, body));
        assertThat(e).as("the call should have been refused").isNotNull();
        assertThat(e.getCause()).isInstanceOf(WebworkValidationException.class);
        assertThat(requests()).as("nothing is sent").isEmpty();
        return (WebworkValidationException) e.getCause();
    }

    @Test
    void everyViolationIsListedAtOnce() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "");
        body.put("description", "x".repeat(65536));
        body.put("status", 15);
        body.put("priority", "asap");
        body.put("start_date", "2024-02-30");
        body.put("end_date", "30/01/2024");

        WebworkValidationException e = refused(TASKS + "create", body);

        assertThat(e.getViolations()).containsExactly(
                "title: must be 1 to 1024 characters long (got 0)",
                "description: must be 0 to 65535 characters long (got 65536)",
                "status: must be one of 0 (Incomplete), 10 (Doing), 20 (Done), 30 (Completed) (got '15')",
                "priority: must be one of 10 (Urgent), 20 (High), 30 (Normal), 40 (Low) (got 'asap')",
                "start_date: 2024-02-30 is not a calendar date",
                "end_date: must be a date YYYY-MM-DD (got '30/01/2024')");
        assertThat(e.getMessage()).startsWith("Invalid request for WebWork tasks.create (nothing was sent):")
                .contains("\n  - title: must be 1 to 1024 characters long (got 0)");
    }

    @Test
    void titleIsRequiredAndAtMost1024Characters() {
        assertThat(refused(TASKS + "create", Map.of("description", "no title")).getViolations())
                .containsExactly("title: is required");
        assertThat(refused(TASKS + "create", Map.of("title", "t".repeat(1025))).getViolations())
                .containsExactly("title: must be 1 to 1024 characters long (got 1025)");
    }

    @Test
    void theLongestTitleAndDescriptionAreAccepted() {
        template.requestBody(TASKS + "create", Map.of("title", "t".repeat(1024), "description", "d".repeat(65535)));

        assertThat(requests()).hasSize(1);
        assertThat(sandbox.state().tasks(1, 100)).anyMatch(t -> t.title().length() == 1024);
    }

    @Test
    void endDateBeforeStartDateIsRefused() {
        assertThat(refused(TASKS + "create",
                Map.of("title", "t", "start_date", "2024-01-30", "end_date", "2024-01-15")).getViolations())
                .containsExactly("end_date: must not be before start_date (2024-01-15 < 2024-01-30)");
    }

    @Test
    void missingIdsNameTheOptionAndHeaderThatGiveThem() {
        assertThat(refused("webwork:tasks?operation=get", null).getViolations()).containsExactly(
                "workspace_id: is required (set the workspaceId option or the CamelWebworkWorkspaceId header)",
                "project_id: is required (set the projectId option or the CamelWebworkProjectId header)",
                "task_id: is required (set the taskId option or the CamelWebworkTaskId header)");
    }

    @Test
    void idsMustBePositiveIntegers() {
        assertThat(refused(TASKS + "get", null).getViolations()).containsExactly(
                "task_id: is required (set the taskId option or the CamelWebworkTaskId header)");
        CamelExecutionException e = catchThrowableOfType(CamelExecutionException.class,
                () -> template.requestBodyAndHeader(TASKS + "get", null, WebworkConstants.TASK_ID, "abc"));
        assertThat(((WebworkValidationException) e.getCause()).getViolations())
                .containsExactly("task_id: must be an integer id (got 'abc')");
        assertThat(requests()).isEmpty();
    }

    /** A URI option that is not a number is refused quoting the value given, not a converted 0. */
    @Test
    void aUriIdThatIsNotANumberIsQuoted() {
        Throwable e = catchThrowable(() -> template.requestBody(
                "webwork:tasks?workspaceId=1&projectId=abc&taskId=7&operation=get", (Object) null));
        assertThat(e).isNotNull();
        Throwable root = e;
        StringBuilder messages = new StringBuilder();
        while (root != null) {
            messages.append(root.getMessage()).append('\n');
            root = root.getCause();
        }
        assertThat(messages.toString()).contains("projectId").contains("abc").doesNotContain("(got 0)");
        assertThat(requests()).isEmpty();
    }

    @Test
    void unknownBodyFieldsAreRefusedWithTheAcceptedOnes() {
        assertThat(refused(TASKS + "create", Map.of("title", "t", "titel", "typo")).getViolations())
                .singleElement().asString()
                .startsWith("body: unknown field titel (tasks.create takes workspace_id, project_id, title,");
    }

    @Test
    void malformedJsonIsRefused() {
        assertThat(refused(TASKS + "create", "{\"title\": ").getViolations()).containsExactly(
                "body: is not a JSON object (Unexpected end-of-input within/between Object entries)",
                "title: is required");
    }

    @Test
    void listFiltersAndPagingAreChecked() {
        assertThat(refused(TASKS + "list&status=archived&perPage=101&page=0", null).getViolations()).containsExactly(
                "status: must be one of 0 (Incomplete), 10 (Doing), 20 (Done), 30 (Completed) (got 'archived')",
                "page: must be at least 1 (got 0)",
                "per_page: must be between 1 and 100 (got 101)");
    }

    @Test
    void anUpdateThatChangesNothingIsRefused() {
        assertThat(refused(TASKS + "update&taskId=500", null).getViolations()).singleElement().asString()
                .startsWith("nothing to change: give at least one of title, description, status, priority");
    }

    @Test
    void assigneesMustBeIntegerIds() {
        assertThat(refused(TASKS + "create", Map.of("title", "t", "assignees", List.of(100, "bob"))).getViolations())
                .containsExactly("assignees: every element must be an integer id (got 'bob')");
    }

    @Test
    void anUnsupportedBodyTypeIsRefused() {
        assertThat(refused(TASKS + "create", 42).getViolations()).containsExactly(
                "body: must be a Map keyed by wire names, a JSON object or a WebWork model (got java.lang.Integer)",
                "title: is required");
    }
}
