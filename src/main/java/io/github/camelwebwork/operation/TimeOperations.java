package io.github.camelwebwork.operation;

import java.util.List;

import io.github.camelwebwork.model.Contract;
import io.github.camelwebwork.model.ContractStatus;
import io.github.camelwebwork.model.ScreenshotMode;
import io.github.camelwebwork.model.TimeEntry;
import io.github.camelwebwork.model.TimeEntryCreation;
import io.github.camelwebwork.model.TimeRequest;
import io.github.camelwebwork.model.TimeRequestCreation;
import io.github.camelwebwork.model.TimeRequestStatus;
import io.github.camelwebwork.model.Timesheet;
import io.github.camelwebwork.model.TimesheetStatus;
import io.github.camelwebwork.model.TrackerSession;
import io.github.camelwebwork.model.TrackerStatus;

import static io.github.camelwebwork.operation.Sections.CONTRACT_ID;
import static io.github.camelwebwork.operation.Sections.PROJECT_ID;
import static io.github.camelwebwork.operation.Sections.TASK_ID;
import static io.github.camelwebwork.operation.Sections.USER_ID;
import static io.github.camelwebwork.operation.Sections.dateRange;
import static io.github.camelwebwork.operation.Sections.inWorkspace;

/** Contracts (§7.4), Time Tracking (§7.7), Time Entries (§7.8), Timesheets (§7.9) and Time Requests (§7.10). */
final class TimeOperations {

    /** §4: time entries page at most 50 records. */
    static final int TIME_ENTRIES_MAX_PER_PAGE = 50;

    private static final Field CONTRACT_PATH_ID = Field.integerId("contract_id");
    private static final Field TIME_ENTRY_ID = Field.stringId("time_entry_id");
    private static final Field TIMESHEET_ID = Field.stringId("timesheet_id");
    private static final Field TIME_REQUEST_ID = Field.stringId("time_request_id");
    private static final Field ACTIVITY = Field.text("activity_description").length(0, 1024).nullable();

    private TimeOperations() {
    }

    static List<OperationDef> contracts() {
        return List.of(
                inWorkspace("contracts", "list", "GET", "/contracts")
                        .query("projectId", PROJECT_ID)
                        .query("userId", USER_ID)
                        .query("status", Field.choice("status", ContractStatus.values()))
                        .paged(HouseRules.MAX_PER_PAGE)
                        .returns(ResultShape.LIST, Contract.class)
                        .consumable(ScanPartition.WHOLE)
                        .describedAs("Lists contracts (member-project assignments)")
                        .build(),
                inWorkspace("contracts", "get", "GET", "/contracts/{contractId}")
                        .path("contractId", CONTRACT_PATH_ID).modelId("contractId")
                        .returns(ResultShape.OBJECT, Contract.class)
                        .describedAs("Gets one contract")
                        .build(),
                contractFields(inWorkspace("contracts", "create", "POST", "/contracts")
                        .body("projectId", PROJECT_ID.required())
                        .body("userId", USER_ID.required()))
                        .returns(ResultShape.OBJECT, Contract.class)
                        .foundBy(CreateLookups.CONTRACT)
                        .describedAs("Assigns a member to a project")
                        .build(),
                contractFields(inWorkspace("contracts", "update", "PUT", "/contracts/{contractId}")
                        .path("contractId", CONTRACT_PATH_ID).modelId("contractId"))
                        .body("status", Field.choice("status", ContractStatus.values()))
                        .requiresChange()
                        .returns(ResultShape.OPTIONAL_OBJECT, Contract.class)
                        .describedAs("Changes a contract's limits, screenshots, rate or status")
                        .build(),
                inWorkspace("contracts", "delete", "DELETE", "/contracts/{contractId}")
                        .path("contractId", CONTRACT_PATH_ID).modelId("contractId")
                        .describedAs("Deletes a contract (a soft delete)")
                        .build());
    }

    /** The live tracker, time entries, timesheets and time requests, in the order of the reference. */
    static List<OperationDef> tracking() {
        return List.of(
                inWorkspace("time-tracking", "start", "POST", "/time-tracking/start")
                        .body("userId", USER_ID.required())
                        // H3: the contract is optional (G3); without it the member tracks without a project
                        .body("contractId", CONTRACT_ID.nullable())
                        .body("taskId", TASK_ID.nullable())
                        .body(null, ACTIVITY)
                        .rule(CrossRule.onlyWith("task_id", "contract_id"))
                        .returns(ResultShape.OBJECT, TrackerSession.class)
                        .describedAs("Starts the live tracker for a member")
                        .build(),
                inWorkspace("time-tracking", "stop", "POST", "/time-tracking/stop")
                        .body("userId", USER_ID.required())
                        .describedAs("Stops a member's live tracker")
                        .build(),
                inWorkspace("time-tracking", "current", "GET", "/time-tracking/current-data")
                        .query("userId", USER_ID.required())
                        .returns(ResultShape.OPTIONAL_OBJECT, TrackerStatus.class)
                        .describedAs("Reads a member's running tracker and today's total")
                        .build(),

                inWorkspace("time-entries", "list", "GET", "/time-entries")
                        .query("userId", USER_ID.required())
                        .query("date", Field.date("date").required())
                        .query("projectId", PROJECT_ID)
                        .query("taskId", TASK_ID)
                        .paged(TIME_ENTRIES_MAX_PER_PAGE)
                        .returns(ResultShape.LIST, TimeEntry.class)
                        .consumable(ScanPartition.PER_MEMBER_AND_DAY)
                        .describedAs("Lists a member's time entries of one day")
                        .build(),
                inWorkspace("time-entries", "create", "POST", "/time-entries")
                        .body("userId", USER_ID.required())
                        .body("contractId", CONTRACT_ID.nullable())
                        .body("taskId", TASK_ID.nullable())
                        .body(null, Field.text("notes").length(0, 65535).nullable())
                        .body("date", Field.date("date").required())
                        .body(null, Field.time("start_time").required())
                        .body(null, Field.time("end_time").required())
                        .rule(CrossRule.timeAfter("start_time", "end_time"))
                        .envelopeExtra("saved_minutes")
                        .returns(ResultShape.OPTIONAL_OBJECT, TimeEntryCreation.class)
                        .foundBy(CreateLookups.TIME_ENTRY)
                        .commandable()
                        .describedAs("Adds manual time; CamelWebworkSavedMinutes tells how much was saved")
                        .build(),
                inWorkspace("time-entries", "update", "PUT", "/time-entries/{timeEntryId}")
                        .path("timeEntryId", TIME_ENTRY_ID).modelId("timeEntryId")
                        .body(null, ACTIVITY)
                        .body(null, Field.text("notes").length(0, 65535).nullable())
                        .body("taskId", TASK_ID.nullable())
                        .body("contractId", CONTRACT_ID.nullable())
                        .body("date", Field.date("date"))
                        .body(null, Field.time("start_time"))
                        .body(null, Field.time("end_time"))
                        .rule(CrossRule.timeAfter("start_time", "end_time"))
                        .requiresChange()
                        .returns(ResultShape.OPTIONAL_OBJECT, TimeEntry.class)
                        .describedAs("Changes a time entry; a time not given is kept")
                        .build(),
                inWorkspace("time-entries", "delete", "DELETE", "/time-entries/{timeEntryId}")
                        .path("timeEntryId", TIME_ENTRY_ID).modelId("timeEntryId")
                        .describedAs("Deletes a time entry for good")
                        .build(),

                dateRange(inWorkspace("timesheets", "list", "GET", "/timesheets")
                        .query(null, Field.stringId("id"))
                        .query("status", Field.choice("status", TimesheetStatus.values())), false)
                        .query("userId", USER_ID)
                        .query("orderBy", Field.choice("order_by", List.of("asc", "desc")))
                        .paged(HouseRules.MAX_PER_PAGE)
                        .returns(ResultShape.LIST, Timesheet.class)
                        .consumable(ScanPartition.WHOLE)
                        .describedAs("Lists timesheets with their daily breakdown")
                        .build(),
                timesheetVerb("approve", "approved", "Approves a submitted timesheet").commandable().build(),
                timesheetVerb("reject", "rejected", "Rejects a submitted timesheet with a reason")
                        .body("reason", Field.text("reason").length(1, 1024).required())
                        .commandable()
                        .build(),
                timesheetVerb("submit", "submitted", "Submits a timesheet for approval").build(),
                timesheetVerb("unsubmit", "pending", "Returns a submitted timesheet to pending").build(),

                dateRange(inWorkspace("time-requests", "list", "GET", "/time-requests"), true)
                        .query("status", Field.choice("status", TimeRequestStatus.values()))
                        .paged(HouseRules.MAX_PER_PAGE)
                        .returns(ResultShape.LIST, TimeRequest.class)
                        .consumable(ScanPartition.WHOLE)
                        .describedAs("Lists manual-time requests in a date range")
                        .build(),
                inWorkspace("time-requests", "get", "GET", "/time-requests/{timeRequestId}")
                        .path("timeRequestId", TIME_REQUEST_ID).modelId("timeRequestId")
                        .returns(ResultShape.OBJECT, TimeRequest.class)
                        .describedAs("Gets one time request")
                        .build(),
                inWorkspace("time-requests", "create", "POST", "/time-requests")
                        .body("userId", USER_ID.required())
                        // H3: contract optional (G3); the description is activity_description (G3), not notes
                        .body("contractId", CONTRACT_ID.nullable())
                        .body(null, Field.dateTime("start").required())
                        .body(null, Field.dateTime("end").required())
                        .body(null, ACTIVITY)
                        .body("taskId", TASK_ID.nullable())
                        .rule(CrossRule.dateTimeAfter("start", "end"))
                        .returns(ResultShape.OPTIONAL_OBJECT, TimeRequestCreation.class)
                        .foundBy(CreateLookups.TIME_REQUEST)
                        .describedAs("Requests manual time for approval")
                        .build(),
                inWorkspace("time-requests", "approve", "POST", "/time-requests/{timeRequestId}/approve")
                        .path("timeRequestId", TIME_REQUEST_ID).modelId("timeRequestId")
                        .stateVerb("approved", "get")
                        .describedAs("Approves a pending time request (adds the time)")
                        .build(),
                inWorkspace("time-requests", "reject", "POST", "/time-requests/{timeRequestId}/reject")
                        .path("timeRequestId", TIME_REQUEST_ID).modelId("timeRequestId")
                        .body("reason", Field.text("comment").length(1, 1024).required())
                        .stateVerb("rejected", "get")
                        .describedAs("Rejects a pending time request with a comment")
                        .build());
    }

    /** §7.4: the contract fields a create and an update take. */
    private static OperationDef.Builder contractFields(OperationDef.Builder builder) {
        return builder
                .body(null, Field.integer("weekly_hours_limit").range(0, 168))
                .body(null, Field.choice("screenshots", ScreenshotMode.values()))
                .body(null, Field.number("rate").atLeast(0).nullable());
    }

    /**
     * §7.9: the approval verbs, each a PUT with the workspace in the body. The timesheets have no get: the status is
     * read back from the list filtered by id.
     */
    private static OperationDef.Builder timesheetVerb(String verb, String targetStatus, String description) {
        return inWorkspace("timesheets", verb, "PUT", "/timesheets/{timesheetId}/" + verb)
                .path("timesheetId", TIMESHEET_ID).modelId("timesheetId")
                .stateVerb(targetStatus, "list")
                .describedAs(description);
    }
}
