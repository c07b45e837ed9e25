package io.github.camelwebwork.operation;

import java.util.List;

import io.github.camelwebwork.model.ActivityDescriptionsUser;
import io.github.camelwebwork.model.ActivityLevelUser;
import io.github.camelwebwork.model.AttendanceStatus;
import io.github.camelwebwork.model.AttendanceUser;
import io.github.camelwebwork.model.DailyTimelineUser;
import io.github.camelwebwork.model.TaskReportUser;
import io.github.camelwebwork.model.TrackedHoursReport;

import static io.github.camelwebwork.operation.Sections.CONTRACT_ID;
import static io.github.camelwebwork.operation.Sections.END_DATE;
import static io.github.camelwebwork.operation.Sections.START_DATE;
import static io.github.camelwebwork.operation.Sections.USER_ID;
import static io.github.camelwebwork.operation.Sections.inWorkspace;

/**
 * Reports (§7.14). All are GETs for owners and executive managers. The per-user reports page by users (default 30,
 * at most 100); several limit their range to 31 days.
 */
final class ReportOperations {

    static final int MAX_DAYS = 31;
    static final int MAX_USERS_PER_PAGE = 100;

    private static final Field USERS = Field.integerIds("users");
    private static final Field USER_IDS = Field.integerIds("user_ids");

    private ReportOperations() {
    }

    static List<OperationDef> all() {
        return List.of(
                range(inWorkspace("reports", "trackedHours", "GET", "/reports/tracked-hours")
                        .query("userId", USER_ID), false)
                        .query("userIds", USERS)
                        .query(null, Field.integerIds("projects"))
                        .query(null, Field.texts("teams"))
                        .query(null, Field.texts("titles"))
                        .query(null, Field.texts("currencies"))
                        .rule(CrossRule.atMostDaysWhen("user_id", "start_date", "end_date", MAX_DAYS))
                        .returns(ResultShape.OBJECT, TrackedHoursReport.class)
                        .describedAs("Tracked minutes per day, user, project and contract (default: this week)")
                        .build(),
                inWorkspace("reports", "dailyTimeline", "GET", "/reports/daily-timeline")
                        .query("date", Field.date("date").required())
                        .query("userIds", USER_IDS)
                        .rule(CrossRule.withinAYearOfToday("date"))
                        .paged(MAX_USERS_PER_PAGE)
                        .returns(ResultShape.LIST, DailyTimelineUser.class)
                        .describedAs("Each user's time entries and activity on one day")
                        .build(),
                range(inWorkspace("reports", "activityLevel", "GET", "/reports/activity-level"), true)
                        .query("contractId", CONTRACT_ID)
                        .query("userIds", USER_IDS)
                        .rule(CrossRule.atMostDays("start_date", "end_date", MAX_DAYS))
                        .paged(MAX_USERS_PER_PAGE)
                        .returns(ResultShape.LIST, ActivityLevelUser.class)
                        .describedAs("Activity percentage per user per day (at most 31 days)")
                        .build(),
                range(inWorkspace("reports", "taskReport", "GET", "/reports/task-report"), true)
                        .query("userIds", USERS)
                        .query("projectId", Field.integerIds("project_id").listStyle(ListStyle.BRACKETS))
                        .query("taskId", Field.integerIds("task_id").listStyle(ListStyle.BRACKETS))
                        .query(null, Field.bool("include_no_task"))
                        .rule(CrossRule.atMostDays("start_date", "end_date", MAX_DAYS))
                        .paged(MAX_USERS_PER_PAGE)
                        .returns(ResultShape.LIST, TaskReportUser.class)
                        .describedAs("Minutes per user per task, with a daily breakdown (at most 31 days)")
                        .build(),
                inWorkspace("reports", "dailyAttendance", "GET", "/reports/daily-attendance")
                        .query("date", Field.date("date").required())
                        .query("userIds", USERS)
                        .query("status", Field.choices("status", AttendanceStatus.values()))
                        .paged(MAX_USERS_PER_PAGE)
                        .returns(ResultShape.LIST, AttendanceUser.class)
                        .describedAs("Each user's attendance on one day: late, left early, absent, on leave ...")
                        .build(),
                range(inWorkspace("reports", "activityDescriptions", "GET", "/reports/activity-descriptions"), true)
                        .query("userIds", USERS)
                        .rule(CrossRule.atMostDays("start_date", "end_date", MAX_DAYS))
                        .paged(MAX_USERS_PER_PAGE)
                        .returns(ResultShape.LIST, ActivityDescriptionsUser.class)
                        .describedAs("What each user worked on, by activity description (path per house rule H8)")
                        .build());
    }

    /** start_date and end_date, bound to the startDate and endDate options. */
    private static OperationDef.Builder range(OperationDef.Builder builder, boolean required) {
        return builder
                .query("startDate", required ? START_DATE.required() : START_DATE)
                .query("endDate", required ? END_DATE.required() : END_DATE)
                .rule(CrossRule.notBefore("start_date", "end_date"));
    }
}
