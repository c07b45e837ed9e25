package io.github.camelwebwork.component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelwebwork.operation.WebworkValidationException;
import io.github.camelwebwork.support.SandboxTestSupport;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every validation rule of the reference, one failing input each: the exception lists exactly these violations and
 * nothing reaches the sandbox.
 */
class ValidationRulesTest extends SandboxTestSupport {

    private static final String TODAY = "2026-12-02";       // any date within a year of the clock's today

    static Stream<Arguments> violations() {
        return Stream.of(
                // enums
                arguments("webwork:members?operation=list&workspaceId=1&status=gone&role=Boss", null, List.of(
                        "status: must be one of active, inactive, left, unknown (got 'gone')",
                        "role: must be one of Owner, Project viewer, Executive manager, Team manager, Project manager,"
                        + " Regular User, Client (got 'Boss')")),
                arguments("webwork:members?operation=update&workspaceId=1&memberId=103",
                        Map.of("role", "Owner", "rate_status", 2, "weekly_hours_limit", 200), List.of(
                                "role: must be one of Regular User, Project manager, Team manager, Executive manager,"
                                + " Project viewer (got 'Owner')",
                                "rate_status: must be one of 0 (Hidden), 1 (Visible) (got '2')",
                                "weekly_hours_limit: must be between 0 and 168 (got 200)")),
                arguments("webwork:contracts?operation=create&workspaceId=1&projectId=100&userId=103",
                        Map.of("screenshots", "sometimes", "rate", -5), List.of(
                                "screenshots: must be one of full, blurred, no_preview, no_screenshot,"
                                + " background_blurred, video_full, video_blurred, video_full_silent,"
                                + " video_blurred_silent (got 'sometimes')",
                                "rate: must be at least 0 (got -5)")),
                arguments("webwork:contracts?operation=update&workspaceId=1&contractId=1&status=stopped", null,
                        List.of("status: must be one of active, paused (got 'stopped')")),
                arguments("webwork:timesheets?operation=list&workspaceId=1&status=open&orderBy=newest", null, List.of(
                        "status: must be one of pending, submitted, approved, rejected (got 'open')",
                        "order_by: must be one of asc, desc (got 'newest')")),
                arguments("webwork:time-requests?operation=list&workspaceId=1&status=waiting", null, List.of(
                        "date_from: is required (set the dateFrom option or the CamelWebworkDateFrom header)",
                        "date_to: is required (set the dateTo option or the CamelWebworkDateTo header)",
                        "status: must be one of pending, approved, rejected (got 'waiting')")),
                arguments("webwork:leaves?operation=list&workspaceId=1&status=ok&isPaid=maybe", null, List.of(
                        "is_paid: must be one of yes, no (got 'maybe')",
                        "status: must be one of pending, approved, rejected (got 'ok')")),
                arguments("webwork:leaves?operation=reject&workspaceId=1&leaveId=abc", null, List.of(
                        "reason: is required (set the reason option or the CamelWebworkReason header)")),
                arguments("webwork:leaves?operation=create&workspaceId=1&userId=103&policyId=1",
                        Map.of("start", "2024-03-10", "end", "2024-03-08", "leave_period", 3, "start_time", "14:00",
                                "end_time", "09:00", "hours_per_day", 0), List.of(
                                "hours_per_day: must be greater than 0 (got 0)",
                                "leave_period: must be one of 0 (Full day), 1 (First half), 2 (Second half) (got '3')",
                                "end: must not be before start (2024-03-08 < 2024-03-10)",
                                "end_time: must be after start_time (09:00 <= 14:00)")),
                arguments("webwork:reports?operation=dailyAttendance&workspaceId=1&date=" + TODAY
                          + "&status=late,sleeping", null, List.of(
                                "status: must be one of late, left_early, tracked_less, absent, on_leave"
                                + " (got 'sleeping')")),
                arguments("webwork:webhooks?operation=create&workspaceId=1&url=ftp://example.com/hook"
                          + "&events=tracker.started,task.deleted", null, List.of(
                                "url: must be an absolute http or https URL (got 'ftp://example.com/hook')",
                                "events: must be one of tracker.started, tracker.stopped, member.invited,"
                                + " member.updated, member.deleted, member.activated, member.archived,"
                                + " project.created, project.updated, project.deleted, task.updated"
                                + " (got 'task.deleted')")),
                // formats
                arguments("webwork:time-entries?operation=create&workspaceId=1&userId=103&date=2024-13-01",
                        Map.of("start_time", "9:00", "end_time", "25:00"), List.of(
                                "date: 2024-13-01 is not a calendar date",
                                "start_time: must be a time HH:mm (got '9:00')",
                                "end_time: must be a time HH:mm (got '25:00')")),
                arguments("webwork:time-requests?operation=create&workspaceId=1&userId=103",
                        Map.of("start", "2024-01-15 09:00", "end", "2024-01-15T08:00:00Z"), List.of(
                                "start: must be an ISO-8601 date-time with an offset, e.g. 2024-01-15T09:00:00Z"
                                + " (got '2024-01-15 09:00')")),
                arguments("webwork:members?operation=create&workspaceId=1&role=Regular User",
                        Map.of("email", "not-an-address", "firstname", "", "lastname", "Doe"), List.of(
                                "email: must be an e-mail address (got 'not-an-address')",
                                "firstname: must be 1 to 255 characters long (got 0)")),
                arguments("webwork:expenses?operation=create&workspaceId=1&date=2024-01-15&categoryId=c1",
                        Map.of("expense_name", "Taxi", "amount", "12,50", "is_billable", "perhaps"), List.of(
                                "amount: must be a number (got '12,50')",
                                "is_billable: must be true or false (got 'perhaps')")),
                // ranges
                arguments("webwork:time-entries?operation=create&workspaceId=1&userId=103&date=2024-01-15",
                        Map.of("start_time", "17:00", "end_time", "09:00"), List.of(
                                "end_time: must be after start_time (09:00 <= 17:00)")),
                arguments("webwork:time-requests?operation=create&workspaceId=1&userId=103",
                        Map.of("start", "2024-01-15T10:00:00Z", "end", "2024-01-15T09:00:00Z"), List.of(
                                "end: must be after start (2024-01-15T09:00:00Z <= 2024-01-15T10:00:00Z)")),
                arguments("webwork:reports?operation=activityLevel&workspaceId=1&startDate=2024-01-01"
                          + "&endDate=2024-02-01", null, List.of(
                                "start_date..end_date: may cover at most 31 days (got 32)")),
                arguments("webwork:reports?operation=taskReport&workspaceId=1&startDate=2024-02-01"
                          + "&endDate=2024-01-01", null, List.of(
                                "end_date: must not be before start_date (2024-01-01 < 2024-02-01)")),
                arguments("webwork:reports?operation=trackedHours&workspaceId=1&userId=103&startDate=2024-01-01"
                          + "&endDate=2024-03-01", null, List.of(
                                "start_date..end_date: may cover at most 31 days (got 61)")),
                arguments("webwork:reports?operation=dailyTimeline&workspaceId=1&date=2001-01-01", null, List.of(
                        "date: must be within a year of today (got 2001-01-01)")),
                arguments("webwork:projects?operation=create&workspaceId=1&name=Launch",
                        Map.of("start_date", "2024-05-01", "deadline", "2024-04-01", "budget", -1), List.of(
                                "budget: must be at least 0 (got -1)",
                                "deadline: must not be before start_date (2024-04-01 < 2024-05-01)")),
                // per_page maxima: 100, 50 for time entries, users per page for reports
                arguments("webwork:time-entries?operation=list&workspaceId=1&userId=103&date=2024-01-15&perPage=51",
                        null, List.of("per_page: must be between 1 and 50 (got 51)")),
                arguments("webwork:contracts?operation=list&workspaceId=1&perPage=101", null,
                        List.of("per_page: must be between 1 and 100 (got 101)")),
                arguments("webwork:reports?operation=activityLevel&workspaceId=1&startDate=2024-01-01"
                          + "&endDate=2024-01-07&perPage=101", null,
                        List.of("per_page: must be between 1 and 100 (got 101)")),
                // required and dependent fields
                arguments("webwork:time-tracking?operation=start&workspaceId=1&userId=103&taskId=500", null,
                        List.of("task_id: may only be given together with contract_id")),
                arguments("webwork:timesheets?operation=reject&workspaceId=1&timesheetId=abc", null, List.of(
                        "reason: is required (set the reason option or the CamelWebworkReason header)")),
                arguments("webwork:time-requests?operation=reject&workspaceId=1&timeRequestId=abc", null, List.of(
                        "comment: is required (set the reason option or the CamelWebworkReason header)")),
                arguments("webwork:expenses?operation=create&workspaceId=1", Map.of("note", "no fields"), List.of(
                        "expense_name: is required",
                        "date: is required (set the date option or the CamelWebworkDate header)",
                        "amount: is required",
                        "category_id: is required (set the categoryId option or the CamelWebworkCategoryId header)")),
                arguments("webwork:webhooks?operation=create&workspaceId=1&url=https://example.com/hook", null,
                        List.of("events: is required (set the events option or the CamelWebworkEvents header)")),
                arguments("webwork:contracts?operation=update&workspaceId=1&contractId=1", null, List.of(
                        "nothing to change: give at least one of weekly_hours_limit, screenshots, rate, status")),
                arguments("webwork:members?operation=get", null, List.of(
                        "workspace_id: is required (set the workspaceId option or the CamelWebworkWorkspaceId header)",
                        "member_id: is required (set the memberId option or the CamelWebworkMemberId header)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void refusedBeforeSending(String uri, Object body, List<String> expected) {
        CamelExecutionException e = catchThrowableOfType(CamelExecutionException.class,
                () -> template.requestBody(uri, body));

        assertThat(e).as("the call should have been refused").isNotNull();
        assertThat(e.getCause()).isInstanceOf(WebworkValidationException.class);
        assertThat(((WebworkValidationException) e.getCause()).getViolations()).containsExactlyElementsOf(expected);
        assertThat(requests()).as("nothing was sent").isEmpty();
    }
}
