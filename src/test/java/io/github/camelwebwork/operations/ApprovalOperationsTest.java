package io.github.camelwebwork.operations;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelwebwork.client.WebworkUnprocessableException;
import io.github.camelwebwork.component.WebworkConstants;
import io.github.camelwebwork.model.TimeEntry;
import io.github.camelwebwork.model.TimeEntryMethod;
import io.github.camelwebwork.model.TimeRequest;
import io.github.camelwebwork.model.TimeRequestCreation;
import io.github.camelwebwork.model.TimeRequestStatus;
import io.github.camelwebwork.model.Timesheet;
import io.github.camelwebwork.model.TimesheetDayEntry;
import io.github.camelwebwork.model.TimesheetStatus;
import io.github.camelwebwork.operation.PagedResult;
import io.github.camelwebwork.operation.WebworkValidationException;
import io.github.camelwebwork.sandbox.RecordedRequest;
import io.github.camelwebwork.sandbox.TimeSeed;
import io.github.camelwebwork.support.SandboxTestSupport;
import io.github.camelwebwork.support.Wire;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Timesheets (§7.9) and time requests (§7.10) against the sandbox: wire form, typed result, state transitions.
 * Seed (TimeSeed): last week Ethan's (101) and Rita's (103) timesheets are submitted, Tom's (104) still pending;
 * time requests exist on weekends only, so a weekend request never overlaps tracked time.
 */
class ApprovalOperationsTest extends SandboxTestSupport {

    private static final String TIMESHEETS = "webwork:timesheets?workspaceId=1&operation=";
    private static final String TIME_REQUESTS = "webwork:time-requests?workspaceId=1&operation=";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    /** Monday of last week on the test's clock, in the seed's week zone (the same dates for every member). */
    private LocalDate lastMonday() {
        return TimeSeed.lastWeekMonday(clock());
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> list(String uri, Class<T> type) {
        return template.requestBody(uri, null, List.class);
    }

    /** The one timesheet of {@code userId} for last week (UTC and Berlin weeks coincide except around midnight). */
    private Timesheet lastWeeksSheet(long userId, ZoneId zone) {
        LocalDate monday = lastMonday();
        List<Timesheet> sheets = list(TIMESHEETS + "list&userId=" + userId + "&dateFrom=" + monday
                                      + "&dateTo=" + monday.plusDays(6), Timesheet.class);
        sandbox.clearRequests();
        assertThat(sheets).hasSize(1);
        return sheets.get(0);
    }

    /** {@code id} has no endpoint option: it is given in the body, by wire name. */
    @SuppressWarnings("unchecked")
    private Timesheet sheetById(String id) {
        List<Timesheet> sheets = template.requestBody(TIMESHEETS + "list", Map.of("id", id), List.class);
        assertThat(sheets).hasSize(1);
        return sheets.get(0);
    }

    private TimeRequest timeRequest(String id) {
        return template.requestBody(TIME_REQUESTS + "get&timeRequestId=" + id, null, TimeRequest.class);
    }

    private Exchange send(String uri) {
        Exchange exchange = template.request(uri, e -> {
        });
        if (exchange.getException() != null) {
            throw new AssertionError("unexpected failure of " + uri, exchange.getException());
        }
        return exchange;
    }

    private static <T extends Throwable> T causeOf(Class<T> type, Runnable call) {
        CamelExecutionException e = catchThrowableOfType(CamelExecutionException.class, call::run);
        assertThat(e).as("expected a CamelExecutionException").isNotNull();
        assertThat(e.getCause()).isInstanceOf(type);
        return type.cast(e.getCause());
    }

    /** A pending timesheet is read typed (week, totals, breakdown), submitted, then approved; each change reads back. */
    @Test
    void timesheetPendingSubmitApprove() {
        LocalDate monday = lastMonday();
        Timesheet pending = lastWeeksSheet(104, ZoneOffset.UTC);
        assertThat(pending.getStatusValue()).contains(TimesheetStatus.PENDING);
        assertThat(pending.getId()).isNotBlank();
        assertThat(pending.getUserId()).isEqualTo(104L);
        assertThat(pending.getMember().asText()).isEqualTo("Tom Teamlead");
        assertThat(pending.getDateFrom()).isEqualTo(monday.toString());
        assertThat(pending.getDateTo()).isEqualTo(monday.plusDays(6).toString());
        assertThat(pending.getDailyBreakdown()).hasSize(7).containsKey(monday.toString());
        assertThat(pending.getDailyBreakdown().get(monday.plusDays(5).toString())).isEmpty();
        int breakdownMinutes = pending.getDailyBreakdown().values().stream().flatMap(List::stream)
                .mapToInt(TimesheetDayEntry::getTotalMinutes).sum();
        assertThat(pending.getTotalMinutes()).isPositive().isEqualTo(breakdownMinutes);
        assertThat(pending.getDailyBreakdown().get(monday.toString()))
                .extracting(TimesheetDayEntry::getContractId).isSubsetOf(305L, 308L, 309L);
        assertThat(pending.getSubmittedAt()).isNull();
        String id = pending.getId();

        Exchange submitted = send(TIMESHEETS + "submit&timesheetId=" + id);
        Wire.write(onlyRequest(), "PUT", "/timesheets/" + id + "/submit", "{\"workspace_id\":1}");
        assertThat(submitted.getMessage().getHeader(WebworkConstants.MESSAGE))
                .isEqualTo("Timesheet submitted successfully");
        Timesheet afterSubmit = sheetById(id);
        assertThat(afterSubmit.getStatusValue()).contains(TimesheetStatus.SUBMITTED);
        assertThat(afterSubmit.getSubmittedAt()).isNotBlank();
        assertThat(afterSubmit.getSubmittedBy()).isEqualTo(100L);
        sandbox.clearRequests();

        Exchange approved = send(TIMESHEETS + "approve&timesheetId=" + id);
        Wire.write(onlyRequest(), "PUT", "/timesheets/" + id + "/approve", "{\"workspace_id\":1}");
        assertThat(approved.getMessage().getHeader(WebworkConstants.MESSAGE))
                .isEqualTo("Timesheet approved successfully");
        List<Timesheet> approvedSheets = list(TIMESHEETS + "list&status=approved&userId=104", Timesheet.class);
        assertThat(approvedSheets).extracting(Timesheet::getId).contains(id);
        Timesheet afterApprove = sheetById(id);
        assertThat(afterApprove.getReviewedBy()).isEqualTo(100L);
        assertThat(afterApprove.getReviewedAt()).isNotBlank();
        assertThat(afterApprove.getTotalMinutes()).isEqualTo(pending.getTotalMinutes());
    }

    /** Approving a timesheet that was never submitted is sent, answered 422 on status, and changes nothing. */
    @Test
    void approvingAPendingTimesheetFails() {
        String id = lastWeeksSheet(104, ZoneOffset.UTC).getId();

        WebworkUnprocessableException e = causeOf(WebworkUnprocessableException.class,
                () -> template.requestBody(TIMESHEETS + "approve&timesheetId=" + id, (Object) null));
        Wire.write(onlyRequest(), "PUT", "/timesheets/" + id + "/approve", "{\"workspace_id\":1}");
        assertThat(e.getStatusCode()).isEqualTo(422);
        assertThat(e.getFieldErrors()).containsKey("status");
        assertThat(sheetById(id).getStatusValue()).contains(TimesheetStatus.PENDING);
    }

    /** Reject needs a reason (checked before sending); with one it is sent as {@code reason} and reads back. */
    @Test
    void rejectTimesheetRequiresReason() {
        String id = lastWeeksSheet(101, BERLIN).getId();
        assertThat(sheetById(id).getStatusValue()).contains(TimesheetStatus.SUBMITTED);
        sandbox.clearRequests();

        WebworkValidationException missing = causeOf(WebworkValidationException.class,
                () -> template.requestBody(TIMESHEETS + "reject&timesheetId=" + id, (Object) null));
        assertThat(missing.getViolations()).anySatisfy(v -> assertThat(v).startsWith("reason: is required"));
        assertThat(requests()).isEmpty();

        String reason = "Friday lacks the release hours; please add them.";
        Exchange rejected = template.request(TIMESHEETS + "reject&timesheetId=" + id,
                e -> e.getMessage().setHeader(WebworkConstants.REASON, reason));
        assertThat(rejected.getException()).isNull();
        Wire.write(onlyRequest(), "PUT", "/timesheets/" + id + "/reject",
                "{\"workspace_id\":1,\"reason\":\"" + reason + "\"}");
        assertThat(rejected.getMessage().getHeader(WebworkConstants.MESSAGE))
                .isEqualTo("Timesheet rejected successfully");
        Timesheet afterReject = sheetById(id);
        assertThat(afterReject.getStatusValue()).contains(TimesheetStatus.REJECTED);
        assertThat(afterReject.getRejectReason()).isEqualTo(reason);
        assertThat(list(TIMESHEETS + "list&status=rejected&userId=101", Timesheet.class))
                .extracting(Timesheet::getId).contains(id);
    }

    /** Unsubmit returns a submitted timesheet to pending, clearing its submission. */
    @Test
    void unsubmitReturnsTimesheetToPending() {
        String id = lastWeeksSheet(101, BERLIN).getId();

        Exchange unsubmitted = send(TIMESHEETS + "unsubmit&timesheetId=" + id);
        Wire.write(onlyRequest(), "PUT", "/timesheets/" + id + "/unsubmit", "{\"workspace_id\":1}");
        assertThat(unsubmitted.getMessage().getHeader(WebworkConstants.MESSAGE))
                .isEqualTo("Timesheet unsubmitted successfully");
        Timesheet after = sheetById(id);
        assertThat(after.getStatusValue()).contains(TimesheetStatus.PENDING);
        assertThat(after.getSubmittedAt()).isNull();
        assertThat(list(TIMESHEETS + "list&status=pending&userId=101", Timesheet.class))
                .extracting(Timesheet::getId).contains(id);
    }

    /** status, userId, dateFrom/dateTo and orderBy go on the wire in reference order and really filter; G2's "open" is refused. */
    @Test
    void timesheetListFilters() {
        LocalDate from = lastMonday().minusWeeks(3);
        LocalDate to = lastMonday().minusDays(1);
        List<Timesheet> sheets = list(TIMESHEETS + "list&status=approved&userId=102&dateFrom=" + from
                                      + "&dateTo=" + to + "&orderBy=asc", Timesheet.class);

        Wire.get(onlyRequest(), "/timesheets", "workspace_id=1&status=approved&date_from=" + from + "&date_to=" + to
                                               + "&user_id=102&order_by=asc&page=1&per_page=100");
        assertThat(sheets).hasSize(3).allSatisfy(t -> {
            assertThat(t.getUserId()).isEqualTo(102L);
            assertThat(t.getStatusValue()).contains(TimesheetStatus.APPROVED);
        });
        assertThat(sheets).extracting(Timesheet::getCreatedAt).isSorted();
        assertThat(sheets.get(0).getDateFrom()).isEqualTo(from.toString());
        sandbox.clearRequests();

        List<Timesheet> desc = list(TIMESHEETS + "list&status=approved&userId=102&dateFrom=" + from
                                    + "&dateTo=" + to + "&orderBy=desc", Timesheet.class);
        List<String> ascIds = new ArrayList<>(sheets.stream().map(Timesheet::getId).toList());
        Collections.reverse(ascIds);
        assertThat(desc).extracting(Timesheet::getId).containsExactlyElementsOf(ascIds);
        sandbox.clearRequests();

        WebworkValidationException invalid = causeOf(WebworkValidationException.class,
                () -> template.requestBody(TIMESHEETS + "list&status=open", (Object) null));
        assertThat(invalid.getViolations()).anySatisfy(v -> assertThat(v).startsWith("status:"));
        assertThat(requests()).isEmpty();
    }

    /** A timesheet list over several pages is walked lazily: page 2 is fetched only when the iteration reaches it. */
    @Test
    void timesheetListPagesLazily() {
        Exchange exchange = send(TIMESHEETS + "list&perPage=5");

        Wire.get(onlyRequest(), "/timesheets", "workspace_id=1&page=1&per_page=5");
        int total = exchange.getMessage().getHeader(WebworkConstants.PAGINATION_TOTAL, Integer.class);
        assertThat(total).isGreaterThanOrEqualTo(20);
        assertThat(exchange.getMessage().getHeader(WebworkConstants.PAGINATION_LAST_PAGE))
                .isEqualTo((total + 4) / 5);
        PagedResult<?> paged = exchange.getMessage().getBody(PagedResult.class);
        Iterator<?> it = paged.iterator();
        for (int i = 0; i < 5; i++) {
            assertThat(it.next()).isInstanceOf(Timesheet.class);
        }
        assertThat(requests()).hasSize(1);
        it.next();
        assertThat(requests()).hasSize(2);
        Wire.get(requests().get(1), "/timesheets", "workspace_id=1&page=2&per_page=5");
        sandbox.clearRequests();

        assertThat(paged.stream().map(t -> ((Timesheet) t).getId()).distinct().count()).isEqualTo(total);
        assertThat(requests()).extracting(RecordedRequest::rawQuery).last()
                .isEqualTo("workspace_id=1&page=" + (total + 4) / 5 + "&per_page=5");
    }

    /** create (typed TimeRequestCreation) → get → approve adds the time to the member's time entries of that day. */
    @Test
    void timeRequestCreateGetApproveAddsTime() {
        LocalDate saturday = lastMonday().plusDays(5);
        OffsetDateTime start = saturday.atTime(15, 0).atZone(BERLIN).toOffsetDateTime();
        String startText = ISO_OFFSET_DATE_TIME.format(start);
        String endText = ISO_OFFSET_DATE_TIME.format(start.plusMinutes(90));
        String entriesUri = "webwork:time-entries?operation=list&workspaceId=1&userId=101&date=" + saturday;
        List<TimeEntry> before = list(entriesUri, TimeEntry.class);
        assertThat(before).isEmpty();
        sandbox.clearRequests();

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("start", startText);
        body.put("end", endText);
        body.put("activity_description", "Weekend deployment support");
        Exchange created = template.request(TIME_REQUESTS + "create&userId=101&contractId=301",
                e -> e.getMessage().setBody(body));
        assertThat(created.getException()).isNull();
        Wire.write(onlyRequest(), "POST", "/time-requests", "{\"workspace_id\":1,\"user_id\":101,\"contract_id\":301,"
                + "\"start\":\"" + startText + "\",\"end\":\"" + endText + "\","
                + "\"activity_description\":\"Weekend deployment support\"}");
        TimeRequestCreation creation = created.getMessage().getBody(TimeRequestCreation.class);
        assertThat(creation.getId()).isNotBlank();
        assertThat(creation.getStatusValue()).contains(TimeRequestStatus.PENDING);
        assertThat(created.getMessage().getHeader(WebworkConstants.MESSAGE))
                .isEqualTo("Time request created successfully");
        String id = creation.getId();
        sandbox.clearRequests();

        TimeRequest fetched = timeRequest(id);
        Wire.get(onlyRequest(), "/time-requests/" + id, "workspace_id=1");
        assertThat(fetched.getId()).isEqualTo(id);
        assertThat(fetched.getUserId()).isEqualTo(101L);
        assertThat(fetched.getContractId()).isEqualTo(301L);
        assertThat(fetched.getProjectId()).isEqualTo(100L);
        assertThat(Instant.parse(fetched.getStart())).isEqualTo(start.toInstant());
        assertThat(Instant.parse(fetched.getEnd())).isEqualTo(start.plusMinutes(90).toInstant());
        assertThat(fetched.getActivityDescription()).isEqualTo("Weekend deployment support");
        assertThat(fetched.getStatusValue()).contains(TimeRequestStatus.PENDING);
        sandbox.clearRequests();

        Exchange approved = send(TIME_REQUESTS + "approve&timeRequestId=" + id);
        Wire.write(onlyRequest(), "POST", "/time-requests/" + id + "/approve", "{\"workspace_id\":1}");
        assertThat(approved.getMessage().getHeader(WebworkConstants.MESSAGE))
                .isEqualTo("Time request approved successfully");
        TimeRequest decided = timeRequest(id);
        assertThat(decided.getStatusValue()).contains(TimeRequestStatus.APPROVED);
        assertThat(decided.getUpdatedBy().asLong()).isEqualTo(100L);

        List<TimeEntry> entries = list(entriesUri, TimeEntry.class);
        assertThat(entries).singleElement().satisfies(t -> {
            assertThat(t.getDurationMinutes()).isEqualTo(90);
            assertThat(t.getContractId()).isEqualTo(301L);
            assertThat(t.getMethodValue()).contains(TimeEntryMethod.MANUALLY_ADDED_TIME);
            assertThat(Instant.parse(t.getStartTime())).isEqualTo(start.toInstant());
        });
    }

    /** list needs both dates, filters by status; reject needs a reason, sent as wire {@code comment}; it reads back. */
    @Test
    void timeRequestListAndRejectWithComment() {
        LocalDate from = lastMonday().minusWeeks(4);
        LocalDate to = LocalDate.now(clock()).plusDays(1);
        WebworkValidationException noDates = causeOf(WebworkValidationException.class,
                () -> template.requestBody(TIME_REQUESTS + "list&status=pending", (Object) null));
        assertThat(noDates.getViolations()).anySatisfy(v -> assertThat(v).startsWith("date_from: is required"))
                .anySatisfy(v -> assertThat(v).startsWith("date_to: is required"));
        assertThat(requests()).isEmpty();

        List<TimeRequest> pending = list(TIME_REQUESTS + "list&status=pending&dateFrom=" + from + "&dateTo=" + to,
                TimeRequest.class);
        Wire.get(onlyRequest(), "/time-requests", "workspace_id=1&date_from=" + from + "&date_to=" + to
                                                  + "&status=pending&page=1&per_page=100");
        assertThat(pending).hasSize(2).allSatisfy(t -> assertThat(t.getStatusValue())
                .contains(TimeRequestStatus.PENDING));
        assertThat(pending).extracting(TimeRequest::getUserId).containsExactlyInAnyOrder(103L, 104L);
        String id = pending.get(0).getId();
        sandbox.clearRequests();

        WebworkValidationException noReason = causeOf(WebworkValidationException.class,
                () -> template.requestBody(TIME_REQUESTS + "reject&timeRequestId=" + id, (Object) null));
        assertThat(noReason.getViolations()).anySatisfy(v -> assertThat(v).startsWith("comment: is required"));
        assertThat(requests()).isEmpty();

        template.requestBody(TIME_REQUESTS + "reject&timeRequestId=" + id + "&reason=Not agreed beforehand",
                (Object) null);
        Wire.write(onlyRequest(), "POST", "/time-requests/" + id + "/reject",
                "{\"workspace_id\":1,\"comment\":\"Not agreed beforehand\"}");
        TimeRequest rejected = timeRequest(id);
        assertThat(rejected.getStatusValue()).contains(TimeRequestStatus.REJECTED);
        assertThat(rejected.getComment()).isEqualTo("Not agreed beforehand");
        assertThat(list(TIME_REQUESTS + "list&status=rejected&dateFrom=" + from + "&dateTo=" + to, TimeRequest.class))
                .extracting(TimeRequest::getId).contains(id);
    }

    /** Rejecting an already approved request is sent, answered 422 on status, and the request stays approved. */
    @Test
    void rejectingAnApprovedTimeRequestFails() {
        LocalDate from = lastMonday().minusWeeks(4);
        LocalDate to = LocalDate.now(clock()).plusDays(1);
        List<TimeRequest> approved = list(TIME_REQUESTS + "list&status=approved&dateFrom=" + from + "&dateTo=" + to,
                TimeRequest.class);
        assertThat(approved).hasSize(1);
        String id = approved.get(0).getId();
        sandbox.clearRequests();

        WebworkUnprocessableException e = causeOf(WebworkUnprocessableException.class,
                () -> template.requestBodyAndHeader(TIME_REQUESTS + "reject&timeRequestId=" + id, null,
                        WebworkConstants.REASON, "Too late"));
        Wire.write(onlyRequest(), "POST", "/time-requests/" + id + "/reject",
                "{\"workspace_id\":1,\"comment\":\"Too late\"}");
        assertThat(e.getStatusCode()).isEqualTo(422);
        assertThat(e.getFieldErrors()).containsKey("status");
        assertThat(timeRequest(id).getStatusValue()).contains(TimeRequestStatus.APPROVED);
    }

    /** A time-request list over several pages is walked lazily with per_page on every page request. */
    @Test
    void timeRequestListPagesLazily() {
        LocalDate from = lastMonday().minusWeeks(4);
        LocalDate to = LocalDate.now(clock()).plusDays(1);
        Exchange exchange = send(TIME_REQUESTS + "list&perPage=3&dateFrom=" + from + "&dateTo=" + to);
        assertThat(requests()).hasSize(1);

        PagedResult<?> paged = exchange.getMessage().getBody(PagedResult.class);
        List<?> all = paged.toList();
        assertThat(all).hasSize(4).allSatisfy(t -> assertThat(t).isInstanceOf(TimeRequest.class));
        assertThat(requests()).extracting(RecordedRequest::rawQuery).containsExactly(
                "workspace_id=1&date_from=" + from + "&date_to=" + to + "&page=1&per_page=3",
                "workspace_id=1&date_from=" + from + "&date_to=" + to + "&page=2&per_page=3");
    }
}
