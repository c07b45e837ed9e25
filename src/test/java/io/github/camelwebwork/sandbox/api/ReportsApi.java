package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxTime;
import io.github.camelwebwork.sandbox.SandboxUser;
import io.github.camelwebwork.sandbox.http.ApiRequest;
import io.github.camelwebwork.sandbox.http.ApiResponse;
import io.github.camelwebwork.sandbox.http.Json;
import io.github.camelwebwork.sandbox.http.Messages;
import io.github.camelwebwork.sandbox.http.PageRequest;
import io.github.camelwebwork.sandbox.http.Router;
import io.github.camelwebwork.sandbox.http.Scope;
import io.github.camelwebwork.sandbox.http.Validation;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * §7.14 Reports, computed from the time entries (and approved leaves) at the time of the request; all GET, owners
 * and executive managers only. Reports paginated by users (§4: default 30, max 100) answer
 * {@code data{report_type, <period>, users[page]}} with {@code meta.pagination} counting users.
 */
public final class ReportsApi {

    private static final int USERS_PER_PAGE = 30;
    private static final int MAX_USERS_PER_PAGE = 100;

    private final SandboxState state;
    private final Access access;

    public ReportsApi(SandboxState state, Access access) {
        this.state = state;
        this.access = access;
    }

    public void register(Router router) {
        router.add("GET", "/reports/tracked-hours", this::trackedHours)
                .add("GET", "/reports/daily-timeline", this::dailyTimeline)
                .add("GET", "/reports/activity-level", this::activityLevel)
                .add("GET", "/reports/task-report", this::taskReport)
                .add("GET", "/reports/daily-attendance", this::dailyAttendance)
                .add("GET", "/reports/activity-descriptions", this::activityDescriptions);
    }

    /**
     * Default period: the current week (Monday..Sunday) in the owner's timezone; a start alone runs for a week.
     * The 31-day limit applies when {@code user_id} is given, as §7.14 says; without it the range is not capped.
     */
    ApiResponse trackedHours(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        Long userId = v.queryInteger(r, "user_id", false);
        LocalDate start = TimeFields.queryDate(r, "start_date", false, v);
        LocalDate end = TimeFields.queryDate(r, "end_date", false, v);
        List<Long> users = ReportQuery.ids(r, "users", v);
        List<Long> projects = ReportQuery.ids(r, "projects", v);
        return access.inWorkspace(r, scope, v, Access.REPORT_READERS, "read reports", ws -> {
            ReportContext ctx = new ReportContext(state, access, ws, r.callerId());
            LocalDate from = start != null ? start : v.has("start_date") ? null : SandboxTime.weekStart(ctx.today());
            LocalDate to = end != null ? end : v.has("end_date") || from == null ? null : from.plusDays(6);
            ReportQuery.Range range = ReportQuery.check(from, to, userId == null ? 0 : ReportQuery.MAX_RANGE_DAYS, v);
            v.throwIfInvalid();
            TrackedHoursReport.Filters filters = new TrackedHoursReport.Filters(userId, users, projects,
                    ReportQuery.texts(r, "teams"), ReportQuery.texts(r, "titles"),
                    ctx.seesRates ? ReportQuery.texts(r, "currencies") : List.of());
            return ApiResponse.ok("Tracked hours report retrieved successfully",
                    new TrackedHoursReport(ctx).build(range, filters));
        });
    }

    /** {@code date} within the last year and at most a year ahead of today in the owner's timezone. */
    ApiResponse dailyTimeline(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        LocalDate date = TimeFields.queryDate(r, "date", true, v);
        List<Long> userIds = ReportQuery.ids(r, "user_ids", v);
        PageRequest page = usersPage(r, v);
        return access.inWorkspace(r, scope, v, Access.REPORT_READERS, "read reports", ws -> {
            ReportContext ctx = new ReportContext(state, access, ws, r.callerId());
            if (date != null && date.isBefore(ctx.today().minusYears(1))) {
                v.add("date", Messages.afterOrEqual("date", ctx.today().minusYears(1).toString()));
            } else if (date != null && date.isAfter(ctx.today().plusYears(1))) {
                v.add("date", Messages.beforeOrEqual("date", ctx.today().plusYears(1).toString()));
            }
            v.throwIfInvalid();
            ObjectNode data = header("daily_timeline").put("date", date.toString())
                    .put("timezone", ctx.ownerZone().getId());
            TimelineReport report = new TimelineReport(ctx);
            return paged("Daily timeline report retrieved successfully", data, page,
                    ctx.users(userIds, date, date), u -> report.user(u, date));
        });
    }

    ApiResponse activityLevel(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        ReportQuery.Range range = ReportQuery.requiredRange(r, v, ReportQuery.MAX_RANGE_DAYS);
        Long contractId = v.queryInteger(r, "contract_id", false);
        List<Long> userIds = ReportQuery.ids(r, "user_ids", v);
        PageRequest page = usersPage(r, v);
        return access.inWorkspace(r, scope, v, Access.REPORT_READERS, "read reports", ws -> {
            if (contractId != null && state.contract(contractId).filter(c -> c.workspaceId() == ws.id()).isEmpty()) {
                v.add("contract_id", Messages.invalidChoice("contract_id"));
            }
            v.throwIfInvalid();
            ReportContext ctx = new ReportContext(state, access, ws, r.callerId());
            ActivityReports report = new ActivityReports(ctx);
            List<SandboxUser> users = ctx.users(userIds, range.start(), range.end());
            ObjectNode data = period("activity_level", range);
            data.set("overall", report.overall(users, range, contractId));
            return paged("Activity level report retrieved successfully", data, page, users,
                    u -> report.activityLevel(u, range, contractId));
        });
    }

    ApiResponse taskReport(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        ReportQuery.Range range = ReportQuery.requiredRange(r, v, ReportQuery.MAX_RANGE_DAYS);
        List<Long> users = ReportQuery.ids(r, "users", v);
        TaskReport.Filters filters = new TaskReport.Filters(ReportQuery.ids(r, "project_id", v),
                ReportQuery.ids(r, "task_id", v), ReportQuery.flag(r, "include_no_task", true, v));
        PageRequest page = usersPage(r, v);
        return report(r, scope, v, ctx -> {
            TaskReport report = new TaskReport(ctx);
            return paged("Task report retrieved successfully", period("task_report", range), page,
                    ctx.users(users, range.start(), range.end()), u -> report.user(u, range, filters));
        });
    }

    /** {@code status} keeps the users having any of the given statuses. */
    ApiResponse dailyAttendance(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        LocalDate date = TimeFields.queryDate(r, "date", true, v);
        List<Long> users = ReportQuery.ids(r, "users", v);
        List<String> statuses = ReportQuery.choices(r, "status", Workday.FILTERS.keySet(), v);
        PageRequest page = usersPage(r, v);
        return report(r, scope, v, ctx -> {
            AttendanceReport report = new AttendanceReport(ctx);
            List<ObjectNode> rows = ctx.users(users, date, date).stream().map(u -> report.user(u, date))
                    .filter(row -> statuses.isEmpty() || statuses.stream()
                            .anyMatch(s -> contains(row.path("statuses"), Workday.FILTERS.get(s))))
                    .toList();
            ObjectNode data = header("daily_attendance").put("date", date.toString());
            data.putObject("workday").put("start", Workday.START.toString()).put("end", Workday.END.toString())
                    .put("expected_minutes", Workday.EXPECTED_MINUTES).put("grace_minutes", Workday.GRACE_MINUTES);
            return paged("Daily attendance report retrieved successfully", data, page, rows, row -> row);
        });
    }

    /** H8: {@code start_date}*, {@code end_date}* (≤ 31 days), {@code users}, {@code page}, {@code per_page}. */
    ApiResponse activityDescriptions(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        ReportQuery.Range range = ReportQuery.requiredRange(r, v, ReportQuery.MAX_RANGE_DAYS);
        List<Long> users = ReportQuery.ids(r, "users", v);
        PageRequest page = usersPage(r, v);
        return report(r, scope, v, ctx -> {
            ActivityReports report = new ActivityReports(ctx);
            return paged("Activity descriptions report retrieved successfully", period("activity_descriptions", range),
                    page, ctx.users(users, range.start(), range.end()), u -> report.descriptions(u, range));
        });
    }

    private ApiResponse report(ApiRequest r, Optional<Scope> scope, Validation v,
                               Function<ReportContext, ApiResponse> build) {
        return access.inWorkspace(r, scope, v, Access.REPORT_READERS, "read reports", ws -> {
            v.throwIfInvalid();
            return build.apply(new ReportContext(state, access, ws, r.callerId()));
        });
    }

    private static PageRequest usersPage(ApiRequest r, Validation v) {
        return PageRequest.parse(r, v, USERS_PER_PAGE, MAX_USERS_PER_PAGE);
    }

    private static ObjectNode header(String type) {
        return Json.object().put("report_type", type);
    }

    private static ObjectNode period(String type, ReportQuery.Range range) {
        return header(type).put("start_date", range.start().toString()).put("end_date", range.end().toString());
    }

    /** {@code data} plus the page of {@code users} under "users", with the pagination meta of the users. */
    private static <T> ApiResponse paged(String message, ObjectNode data, PageRequest page, List<T> users,
                                         Function<T, JsonNode> view) {
        ApiResponse slice = page.respond(message, users, view);
        data.set("users", slice.data());
        return new ApiResponse(200, message, data, slice.pagination());
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (n.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
