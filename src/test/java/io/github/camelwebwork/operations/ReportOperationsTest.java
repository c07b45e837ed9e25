package io.github.camelwebwork.operations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.camelwebwork.component.WebworkConstants;
import io.github.camelwebwork.model.ActivityDescription;
import io.github.camelwebwork.model.ActivityDescriptionsUser;
import io.github.camelwebwork.model.ActivityLevelDay;
import io.github.camelwebwork.model.ActivityLevelUser;
import io.github.camelwebwork.model.AttendanceLabel;
import io.github.camelwebwork.model.AttendanceStatus;
import io.github.camelwebwork.model.AttendanceUser;
import io.github.camelwebwork.model.DailyTimelineUser;
import io.github.camelwebwork.model.TaskReportDay;
import io.github.camelwebwork.model.TaskReportTask;
import io.github.camelwebwork.model.TaskReportUser;
import io.github.camelwebwork.model.TimeEntry;
import io.github.camelwebwork.model.TimeEntryMethod;
import io.github.camelwebwork.model.TimelineEntry;
import io.github.camelwebwork.model.TrackedHoursDay;
import io.github.camelwebwork.model.TrackedHoursProject;
import io.github.camelwebwork.model.TrackedHoursReport;
import io.github.camelwebwork.model.TrackedHoursUser;
import io.github.camelwebwork.operation.PagedResult;
import io.github.camelwebwork.operation.WebworkValidationException;
import io.github.camelwebwork.sandbox.RecordedRequest;
import io.github.camelwebwork.sandbox.TimeSeed;
import io.github.camelwebwork.support.SandboxTestSupport;
import io.github.camelwebwork.support.Wire;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The reports (§7.14, H8) against the sandbox: exact queries, typed walks, sums checked against the time entries. */
class ReportOperationsTest extends SandboxTestSupport {

    private static final String REPORTS = "webwork:reports?workspaceId=1&operation=";
    /** Active members of workspace 1 that track time (the viewer 105 and Leo 106, who left, do not). */
    private static final List<Long> TRACKERS = List.of(100L, 101L, 102L, 103L, 104L);

    /** Monday of last week on the test's clock, in the seed's week zone: a full week of generated time data. */
    private final LocalDate monday = TimeSeed.lastWeekMonday(clock());
    private final LocalDate sunday = monday.plusDays(6);
    private final LocalDate wednesday = monday.plusDays(2);

    @SuppressWarnings("unchecked")
    private <T> List<T> list(String uri) {
        return template.requestBody(uri, null, List.class);
    }

    private List<TimeEntry> entries(long user, LocalDate date) {
        return list("webwork:time-entries?operation=list&workspaceId=1&userId=" + user + "&date=" + date);
    }

    private static boolean tracked(TimeEntry e) {
        return e.getMethodValue().filter(m -> m == TimeEntryMethod.BREAK).isEmpty();
    }

    private static int trackedMinutes(List<TimeEntry> entries) {
        return entries.stream().filter(ReportOperationsTest::tracked).mapToInt(TimeEntry::getDurationMinutes).sum();
    }

    /** Tracked minutes per user over last week, from the tracked-hours report. */
    private Map<Long, Integer> trackedHoursPerUser(String extra) {
        TrackedHoursReport report = template.requestBody(REPORTS + "trackedHours&startDate=" + monday + "&endDate="
                                                         + sunday + extra, null, TrackedHoursReport.class);
        Map<Long, Integer> perUser = new TreeMap<>();
        report.getAllUsers().forEach(u -> perUser.merge(u.getUserId(), u.getTotalMinutes(), Integer::sum));
        return perUser;
    }

    private WebworkValidationException rejected(String uri, Object body) {
        sandbox.clearRequests();
        CamelExecutionException e = catchThrowableOfType(CamelExecutionException.class,
                () -> template.requestBody(uri, body));
        assertThat(e).as("validation error expected for " + uri).isNotNull();
        assertThat(e.getCause()).isInstanceOf(WebworkValidationException.class);
        assertThat(requests()).as("nothing was sent").isEmpty();
        return (WebworkValidationException) e.getCause();
    }

    /** Tracked hours per day, user and (project, contract) equal the sums of the members' time entries. */
    @Test
    void trackedHoursEqualsTheTimeEntries() {
        TrackedHoursReport report = template.requestBody(REPORTS + "trackedHours&startDate=" + monday + "&endDate="
                                                         + sunday, null, TrackedHoursReport.class);
        Wire.get(onlyRequest(), "/reports/tracked-hours", "workspace_id=1&start_date=" + monday + "&end_date=" + sunday);
        assertThat(report.getReportType()).isEqualTo("tracked_hours");
        new ReportInvariants(template).trackedHoursEqualTheTimeEntries(report, monday);
    }

    /** A known entry in an otherwise empty weekend is exactly what a one-user tracked-hours report holds. */
    @Test
    void trackedHoursOfOneUserHoldsExactlyAKnownEntry() {
        LocalDate saturday = monday.minusWeeks(1).plusDays(5);
        template.requestBody("webwork:time-entries?operation=create&workspaceId=1&userId=104&contractId=309&date="
                             + saturday, Map.of("start_time", "09:00", "end_time", "10:30"));
        sandbox.clearRequests();

        TrackedHoursReport report = template.requestBody(REPORTS + "trackedHours&userId=104&startDate=" + saturday
                                                         + "&endDate=" + saturday.plusDays(1),
                Map.of("projects", List.of(100), "teams", List.of("Mobile", "Web")), TrackedHoursReport.class);

        Wire.get(onlyRequest(), "/reports/tracked-hours", "workspace_id=1&user_id=104&start_date=" + saturday
                                                          + "&end_date=" + saturday.plusDays(1)
                                                          + "&projects=100&teams=Mobile%2CWeb");
        assertThat(report.getDays().keySet()).containsExactly(saturday.toString());
        TrackedHoursUser tom = report.getDay(saturday.toString()).getUsers().get(0);
        assertThat(report.getDay(saturday.toString()).getUsers()).hasSize(1);
        assertThat(tom.getUserId()).isEqualTo(104L);
        assertThat(tom.getUserName()).isEqualTo("Tom Teamlead");
        assertThat(tom.getTotalMinutes()).isEqualTo(90);
        assertThat(tom.getProjects()).singleElement().satisfies(p -> {
            assertThat(p.getProjectId()).isEqualTo(100L);
            assertThat(p.getContractId()).isEqualTo(309L);
            assertThat(p.getTotalMinutes()).isEqualTo(90);
        });
        assertThat(report.getTotalMinutes()).isEqualTo(90);
    }

    /** The users filter travels as `users`; the 31-day cap applies only with user_id; end before start is refused. */
    @Test
    void trackedHoursFiltersAndLimits() {
        Map<Long, Integer> two = trackedHoursPerUser("&userIds=103,104");
        Wire.get(onlyRequest(), "/reports/tracked-hours", "workspace_id=1&start_date=" + monday + "&end_date=" + sunday
                                                          + "&users=103%2C104");
        assertThat(two.keySet()).containsExactly(103L, 104L);

        LocalDate start = monday.minusDays(20);
        rejected(REPORTS + "trackedHours&userId=104&startDate=" + start + "&endDate=" + start.plusDays(31), null);
        template.requestBody(REPORTS + "trackedHours&userId=104&startDate=" + start + "&endDate=" + start.plusDays(30),
                (Object) null);
        assertThat(onlyRequest().rawQuery()).contains("end_date=" + start.plusDays(30));
        sandbox.clearRequests();
        template.requestBody(REPORTS + "trackedHours&startDate=" + start + "&endDate=" + start.plusDays(31),
                (Object) null);
        assertThat(onlyRequest().rawQuery()).as("no cap without user_id").contains("end_date=" + start.plusDays(31));
        rejected(REPORTS + "trackedHours&startDate=" + monday + "&endDate=" + monday.minusDays(1), null);
    }

    /** The daily timeline lists each user's entries of the day, the same ones the time-entries API lists. */
    @Test
    void dailyTimelineMatchesTheTimeEntries() {
        List<DailyTimelineUser> users = list(REPORTS + "dailyTimeline&date=" + wednesday + "&userIds=103,104");

        Wire.get(onlyRequest(), "/reports/daily-timeline",
                "workspace_id=1&date=" + wednesday + "&user_ids=103%2C104&page=1&per_page=100");
        assertThat(users).extracting(DailyTimelineUser::getUserId).containsExactly(103L, 104L);
        for (DailyTimelineUser user : users) {
            List<TimeEntry> entries = entries(user.getUserId(), wednesday);
            assertThat(user.getEntries()).extracting(TimelineEntry::getId)
                    .containsExactlyInAnyOrderElementsOf(entries.stream().map(TimeEntry::getId).toList());
            assertThat(user.getTotalMinutes()).isEqualTo(trackedMinutes(entries)).isPositive();
            assertThat(user.getActivityLevel()).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
            for (TimelineEntry entry : user.getEntries()) {
                assertThat(entry.getStartValue()).as("ISO 8601 with the owner's offset")
                        .startsWith(wednesday + "T").matches(".*[+-]\\d{2}:\\d{2}");
                assertThat(entry.getMethodValue()).isPresent();
                assertThat(entry.getDurationMinutes()).isPositive();
            }
        }
        rejected(REPORTS + "dailyTimeline&date=" + LocalDate.now(clock()).minusYears(1).minusDays(1), null);
        rejected(REPORTS + "dailyTimeline", null);
    }

    /** Activity level: per user one day per date of the range; minutes agree with tracked hours; contract filter. */
    @Test
    void activityLevelWalksUsersAndDays() {
        List<ActivityLevelUser> users = list(REPORTS + "activityLevel&startDate=" + monday + "&endDate=" + sunday);

        Wire.get(onlyRequest(), "/reports/activity-level",
                "workspace_id=1&start_date=" + monday + "&end_date=" + sunday + "&page=1&per_page=100");
        sandbox.clearRequests();
        Map<Long, Integer> expected = trackedHoursPerUser("");
        assertThat(users).extracting(ActivityLevelUser::getUserId).containsExactlyElementsOf(TRACKERS);
        for (ActivityLevelUser user : users) {
            assertThat(user.getDays()).extracting(ActivityLevelDay::getDate).containsExactlyElementsOf(
                    monday.datesUntil(sunday.plusDays(1)).map(LocalDate::toString).toList());
            assertThat(user.getDays().stream().mapToInt(ActivityLevelDay::getTotalMinutes).sum())
                    .isEqualTo(user.getTrackedMinutes()).isEqualTo(expected.get(user.getUserId()));
            assertThat(user.getActivityLevel()).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
        }
        sandbox.clearRequests();

        List<ActivityLevelUser> tom = list(REPORTS + "activityLevel&startDate=" + monday + "&endDate=" + sunday
                                           + "&contractId=305&userIds=104");
        Wire.get(onlyRequest(), "/reports/activity-level", "workspace_id=1&start_date=" + monday + "&end_date=" + sunday
                                                           + "&contract_id=305&user_ids=104&page=1&per_page=100");
        TrackedHoursReport hours = template.requestBody(REPORTS + "trackedHours&startDate=" + monday + "&endDate="
                                                        + sunday + "&userIds=104", null, TrackedHoursReport.class);
        int onContract = hours.getAllUsers().stream().flatMap(u -> u.getProjects().stream())
                .filter(p -> Long.valueOf(305).equals(p.getContractId())).mapToInt(TrackedHoursProject::getTotalMinutes).sum();
        assertThat(tom).singleElement().satisfies(u -> assertThat(u.getTrackedMinutes()).isEqualTo(onContract));
    }

    /** 31 days is the most the ranged per-user reports take (32 is refused before sending); per_page at most 100. */
    @Test
    void rangeAndPageSizeLimits() {
        LocalDate start = monday.minusDays(20);
        for (String op : List.of("activityLevel", "taskReport", "activityDescriptions")) {
            WebworkValidationException e = rejected(REPORTS + op + "&startDate=" + start + "&endDate="
                                                    + start.plusDays(31), null);
            assertThat(e.getViolations()).anySatisfy(v -> assertThat(v).contains("31 days"));
            list(REPORTS + op + "&startDate=" + start + "&endDate=" + start.plusDays(30) + "&perPage=100");
            assertThat(onlyRequest().rawQuery()).endsWith("end_date=" + start.plusDays(30) + "&page=1&per_page=100");
            assertThat(rejected(REPORTS + op + "&startDate=" + start + "&endDate=" + start + "&perPage=101", null)
                    .getViolations()).anySatisfy(v -> assertThat(v).contains("per_page"));
            rejected(REPORTS + op + "&startDate=" + start, null);
        }
        for (String op : List.of("dailyTimeline", "dailyAttendance")) {
            rejected(REPORTS + op + "&date=" + wednesday + "&perPage=101", null);
        }
    }

    /** A per-user report at two users a page is two requests, the second made only when the walk reaches it. */
    @Test
    void perUserReportPagesLazily() {
        Exchange exchange = template.request(REPORTS + "activityDescriptions&startDate=" + monday + "&endDate=" + sunday
                                             + "&userIds=101,102,103,104&perPage=2", e -> {
                                             });

        String query = "workspace_id=1&start_date=" + monday + "&end_date=" + sunday + "&users=101%2C102%2C103%2C104";
        Wire.get(onlyRequest(), "/reports/activity-descriptions", query + "&page=1&per_page=2");
        assertThat(exchange.getMessage().getHeader(WebworkConstants.PAGINATION_TOTAL)).isEqualTo(4);
        assertThat(exchange.getMessage().getHeader(WebworkConstants.PAGINATION_LAST_PAGE)).isEqualTo(2);
        @SuppressWarnings("unchecked")
        PagedResult<ActivityDescriptionsUser> result = exchange.getMessage().getBody(PagedResult.class);
        List<ActivityDescriptionsUser> seen = new ArrayList<>();
        for (ActivityDescriptionsUser user : result) {
            seen.add(user);
            if (seen.size() == 2) {
                assertThat(requests()).as("page 2 not fetched yet").hasSize(1);
            }
        }
        assertThat(requests()).extracting(RecordedRequest::rawQuery)
                .containsExactly(query + "&page=1&per_page=2", query + "&page=2&per_page=2");
        assertThat(seen).extracting(ActivityDescriptionsUser::getUserId).containsExactly(101L, 102L, 103L, 104L);

        sandbox.clearRequests();
        Map<Long, Integer> expected = trackedHoursPerUser("");
        for (ActivityDescriptionsUser user : seen) {
            assertThat(user.getDescriptions()).isNotEmpty();
            assertThat(user.getDescriptions().stream().mapToInt(ActivityDescription::getTotalMinutes).sum())
                    .isEqualTo(user.getTotalMinutes()).isEqualTo(expected.get(user.getUserId()));
            assertThat(user.getDescriptions()).allSatisfy(d -> assertThat(d.getEntriesCount()).isPositive());
        }
    }

    /** Task report: per user → tasks and days → tasks add up; array filters travel as project_id[] / task_id[]. */
    @Test
    void taskReportWalksUsersTasksAndDays() {
        List<TaskReportUser> users = list(REPORTS + "taskReport&startDate=" + monday + "&endDate=" + sunday
                                          + "&userIds=102,104");

        Wire.get(onlyRequest(), "/reports/task-report", "workspace_id=1&start_date=" + monday + "&end_date=" + sunday
                                                        + "&users=102%2C104&page=1&per_page=100");
        sandbox.clearRequests();
        Map<Long, Integer> expected = trackedHoursPerUser("");
        assertThat(users).extracting(TaskReportUser::getUserId).containsExactly(102L, 104L);
        for (TaskReportUser user : users) {
            assertThat(user.getTotalMinutes()).isEqualTo(expected.get(user.getUserId()))
                    .isEqualTo(user.getTasksBreakdown().stream().mapToInt(TaskReportTask::getTotalMinutes).sum())
                    .isEqualTo(user.getDailyBreakdown().stream().mapToInt(TaskReportDay::getTotalMinutes).sum());
            for (TaskReportDay day : user.getDailyBreakdown()) {
                assertThat(LocalDate.parse(day.getDate())).isBetween(monday, sunday);
                assertThat(day.getTasks().stream().mapToInt(TaskReportTask::getTotalMinutes).sum())
                        .isEqualTo(day.getTotalMinutes());
            }
        }
        TaskReportTask someTask = users.stream().flatMap(u -> u.getTasksBreakdown().stream())
                .filter(t -> t.getTaskId() != null).findFirst().orElseThrow();
        sandbox.clearRequests();

        List<TaskReportUser> filtered = list(REPORTS + "taskReport&startDate=" + monday + "&endDate=" + sunday
                                             + "&userIds=102,104&projectId=" + someTask.getProjectId()
                                             + "&taskId=" + someTask.getTaskId() + "&perPage=10");
        Wire.get(onlyRequest(), "/reports/task-report", "workspace_id=1&start_date=" + monday + "&end_date=" + sunday
                                                        + "&users=102%2C104&project_id%5B%5D=" + someTask.getProjectId()
                                                        + "&task_id%5B%5D=" + someTask.getTaskId() + "&page=1&per_page=10");
        assertThat(filtered).flatExtracting(TaskReportUser::getTasksBreakdown).isNotEmpty()
                .allSatisfy(t -> assertThat(t.getTaskId()).isEqualTo(someTask.getTaskId()));
        sandbox.clearRequests();

        List<TaskReportUser> withTasks = template.requestBody(REPORTS + "taskReport&startDate=" + monday + "&endDate="
                                                              + sunday + "&userIds=102",
                Map.of("include_no_task", false), List.class);
        Wire.get(onlyRequest(), "/reports/task-report", "workspace_id=1&start_date=" + monday + "&end_date=" + sunday
                                                        + "&users=102&include_no_task=false&page=1&per_page=100");
        assertThat(withTasks).flatExtracting(TaskReportUser::getTasksBreakdown)
                .allSatisfy(t -> assertThat(t.getTaskId()).isNotNull());
    }

    /** Attendance statuses are typed; the status filter (AttendanceStatus) keeps exactly the users with its label. */
    @Test
    void dailyAttendanceStatusesAreTyped() {
        List<AttendanceUser> all = list(REPORTS + "dailyAttendance&date=" + wednesday);

        Wire.get(onlyRequest(), "/reports/daily-attendance", "workspace_id=1&date=" + wednesday + "&page=1&per_page=100");
        new ReportInvariants(template).attendanceIsTyped(all, wednesday);
        sandbox.clearRequests();

        List<AttendanceStatus> wanted = List.of(AttendanceStatus.LATE, AttendanceStatus.TRACKED_LESS);
        List<AttendanceUser> matching = list(REPORTS + "dailyAttendance&date=" + wednesday + "&status=late,tracked_less"
                                             + "&userIds=100,101,102,103,104");
        Wire.get(onlyRequest(), "/reports/daily-attendance", "workspace_id=1&date=" + wednesday
                                                             + "&users=100%2C101%2C102%2C103%2C104"
                                                             + "&status=late%2Ctracked_less&page=1&per_page=100");
        assertThat(matching).extracting(AttendanceUser::getUserId).containsExactlyElementsOf(all.stream()
                .filter(u -> wanted.stream().anyMatch(s -> u.hasStatus(s.label()))).map(AttendanceUser::getUserId)
                .toList());
        sandbox.clearRequests();

        new ReportInvariants(template).weekendIsAHoliday(monday.plusDays(5));
        rejected(REPORTS + "dailyAttendance&date=" + wednesday + "&status=late,sleepy", null);
    }
}
