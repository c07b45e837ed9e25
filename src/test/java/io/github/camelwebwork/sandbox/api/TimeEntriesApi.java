package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.sandbox.SandboxContract;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxTime;
import io.github.camelwebwork.sandbox.SandboxTimeEntry;
import io.github.camelwebwork.sandbox.SandboxUser;
import io.github.camelwebwork.sandbox.SandboxWorkspace;
import io.github.camelwebwork.sandbox.http.ApiException;
import io.github.camelwebwork.sandbox.http.ApiRequest;
import io.github.camelwebwork.sandbox.http.ApiResponse;
import io.github.camelwebwork.sandbox.http.Json;
import io.github.camelwebwork.sandbox.http.PageRequest;
import io.github.camelwebwork.sandbox.http.Router;
import io.github.camelwebwork.sandbox.http.Scope;
import io.github.camelwebwork.sandbox.http.Validation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * §7.8 Time entries, for owners and executive managers only ("Owner and executive manager permission required").
 * "HH:mm" times are read in the member's timezone ({@link SandboxTime}); manual time may not lie in the future.
 */
public final class TimeEntriesApi {

    static final int DEFAULT_PER_PAGE = 20;
    static final int MAX_PER_PAGE = 50;
    static final int MAX_TEXT = 1000;
    static final String FUTURE = "The end time must not be in the future.";

    private final SandboxState state;
    private final Access access;

    public TimeEntriesApi(SandboxState state, Access access) {
        this.state = state;
        this.access = access;
    }

    public void register(Router router) {
        router.add("GET", "/time-entries", this::list)
                .add("POST", "/time-entries", this::create)
                .add("PUT", "/time-entries/{time_entry_id}", this::update)
                .add("DELETE", "/time-entries/{time_entry_id}", this::delete);
    }

    /** The member's entries of one day (their local date), running one included, ordered by start. */
    ApiResponse list(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        Long userId = v.queryInteger(r, "user_id", true);
        LocalDate date = TimeFields.queryDate(r, "date", true, v);
        Long projectId = v.queryInteger(r, "project_id", false);
        Long taskId = v.queryInteger(r, "task_id", false);
        PageRequest page = PageRequest.parse(r, v, DEFAULT_PER_PAGE, MAX_PER_PAGE);
        return access.inWorkspace(r, scope, v, Access.WORKSPACE_ADMINS, "read time entries", ws -> {
            TimeRules.anyMember(state, ws, userId, v);
            v.throwIfInvalid();
            Instant now = state.now();
            List<SandboxTimeEntry> entries = state.timeEntries(ws.id(), userId, date).stream()
                    .filter(e -> projectId == null || projectId.equals(e.projectId()))
                    .filter(e -> taskId == null || taskId.equals(e.taskId()))
                    .toList();
            return page.respond("Time entries retrieved successfully", entries,
                    e -> TimeEntryJson.entry(e, state, now));
        });
    }

    /** 201 with {@code saved_minutes} both beside {@code data} (where §7.8 lists it) and inside it. */
    ApiResponse create(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        JsonNode body = r.body();
        Long userId = v.bodyInteger(body, "user_id");
        Long contractId = TimeFields.nullableId(body, "contract_id", v);
        Long taskId = TimeFields.nullableId(body, "task_id", v);
        String notes = TimeFields.text(body, "notes", MAX_TEXT, v);
        String description = TimeFields.text(body, "activity_description", MAX_TEXT, v);
        LocalDate date = TimeFields.date(body, "date", true, v);
        LocalTime from = TimeFields.clock(body, "start_time", true, v);
        LocalTime to = TimeFields.clock(body, "end_time", true, v);
        if (from != null && to != null && !to.isAfter(from)) {
            v.add("end_time", TimeFields.after("end_time", "start_time"));
        }
        TimeRules.taskNeedsContract(taskId, contractId, v);
        return access.inWorkspace(r, scope, v, Access.WORKSPACE_ADMINS, "add time", ws -> {
            SandboxUser user = TimeRules.trackingMember(state, ws, userId, v);
            SandboxContract contract = TimeRules.contract(state, ws, contractId, userId, v);
            TimeRules.task(state, contract, taskId, v);
            Instant start = null;
            Instant end = null;
            if (user != null && date != null && from != null && to != null && !v.has("end_time")) {
                ZoneId zone = SandboxTime.zoneOf(user);
                start = date.atTime(from).atZone(zone).toInstant();
                end = date.atTime(to).atZone(zone).toInstant();
                checkNotFuture(date, end, user, v);
            }
            v.throwIfInvalid();
            ManualTime.Outcome outcome = ManualTime.add(state, ws.id(), user, contract, taskId,
                    description != null ? description : notes, notes != null ? notes : description, start, end);
            if (outcome.saved().isEmpty()) {
                nothingSaved(outcome, v);
            }
            ObjectNode data = TimeEntryJson.entry(outcome.saved().get(0), state, state.now());
            data.put("saved_minutes", outcome.savedMinutes());
            ObjectNode extra = Json.object().put("saved_minutes", outcome.savedMinutes());
            return ApiResponse.created(ManualTime.message(outcome, user), data).withExtra(extra);
        });
    }

    /**
     * Every field optional; a time that is not sent keeps its clock time (moved to the new date if one is sent).
     * Unlike create, an edit that would overlap another entry is refused rather than trimmed.
     */
    ApiResponse update(ApiRequest r) {
        String id = r.pathParams().get("time_entry_id");
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        JsonNode body = r.body();
        Long contractId = TimeFields.nullableId(body, "contract_id", v);
        Long taskId = TimeFields.nullableId(body, "task_id", v);
        String description = TimeFields.text(body, "activity_description", MAX_TEXT, v);
        String notes = TimeFields.text(body, "notes", MAX_TEXT, v);
        LocalDate date = TimeFields.date(body, "date", false, v);
        LocalTime from = TimeFields.clock(body, "start_time", false, v);
        LocalTime to = TimeFields.clock(body, "end_time", false, v);
        return access.inWorkspace(r, scope, v, Access.WORKSPACE_ADMINS, "edit time entries", ws -> {
            SandboxTimeEntry entry = entry(ws, id);
            SandboxUser user = state.user(entry.userId()).orElseThrow();
            TimeEntryEdit edit = new TimeEntryEdit(state, ws, entry, v);
            edit.assignment(body.has("contract_id"), contractId, body.has("task_id"), taskId);
            edit.texts(body.has("activity_description"), description, body.has("notes"), notes);
            if (date != null || from != null || to != null) {
                edit.times(date, from, to, SandboxTime.zoneOf(user));
            }
            v.throwIfInvalid();
            SandboxTimeEntry saved = state.saveTimeEntry(edit.result(state.now()));
            return ApiResponse.ok("Time entry updated successfully", TimeEntryJson.entry(saved, state, state.now()));
        });
    }

    /** Permanent (§7.8). Deleting a running entry discards the running tracker. */
    ApiResponse delete(ApiRequest r) {
        String id = r.pathParams().get("time_entry_id");
        Validation v = new Validation();
        return access.inWorkspace(r, Scope.of(r, v, false), v, Access.WORKSPACE_ADMINS, "delete time entries",
                ws -> {
                    state.removeTimeEntry(entry(ws, id).id());
                    return ApiResponse.message("Time entry deleted successfully");
                });
    }

    private SandboxTimeEntry entry(SandboxWorkspace ws, String id) {
        return state.timeEntry(id).filter(e -> e.workspaceId() == ws.id())
                .orElseThrow(() -> ApiException.notFound("Time entry"));
    }

    private void checkNotFuture(LocalDate date, Instant end, SandboxUser user, Validation v) {
        Instant now = state.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        if (date.isAfter(SandboxTime.localDate(now, user))) {
            v.add("date", TimeFields.beforeOrEqual("date", "today"));
        } else if (end.isAfter(now)) {
            v.add("end_time", FUTURE);
        }
    }

    /** Nothing could be saved: 422 on the cause (all of it overlaps, or the weekly limit is used up). */
    private static void nothingSaved(ManualTime.Outcome outcome, Validation v) {
        if (outcome.limited()) {
            v.add("contract_id", TimeRules.LIMIT_REACHED);
        } else {
            v.add("start_time", "The selected time is already tracked.");
        }
        v.throwIfInvalid();
    }
}
