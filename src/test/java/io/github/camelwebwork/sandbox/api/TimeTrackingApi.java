package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.sandbox.SandboxContract;
import io.github.camelwebwork.sandbox.SandboxProject;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxTask;
import io.github.camelwebwork.sandbox.SandboxTime;
import io.github.camelwebwork.sandbox.SandboxTimeEntry;
import io.github.camelwebwork.sandbox.SandboxUser;
import io.github.camelwebwork.sandbox.SandboxWorkspace;
import io.github.camelwebwork.sandbox.http.ApiRequest;
import io.github.camelwebwork.sandbox.http.ApiResponse;
import io.github.camelwebwork.sandbox.http.Json;
import io.github.camelwebwork.sandbox.http.Router;
import io.github.camelwebwork.sandbox.http.Scope;
import io.github.camelwebwork.sandbox.http.Validation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * §7.7 the live tracker. Start opens a running "Web tracker" entry in the shared time-entry store, stop closes it;
 * the sandbox does this at once where the live API hands it to a background service. Refusals (already tracking,
 * nothing running, paused contract) are 422 with the field at fault, like every state conflict in the sandbox's time
 * sections. Owners and executive managers act for anyone, other members for themselves ({@link Access}).
 */
public final class TimeTrackingApi {

    static final int MAX_DESCRIPTION = 255;

    private final SandboxState state;
    private final Access access;
    private final WebhookEvents events;

    public TimeTrackingApi(SandboxState state, Access access) {
        this(state, access, WebhookEvents.NONE);
    }

    /** Fires tracker.started and tracker.stopped (§8.1) into {@code events}. */
    public TimeTrackingApi(SandboxState state, Access access, WebhookEvents events) {
        this.state = state;
        this.access = access;
        this.events = events;
    }

    public void register(Router router) {
        router.add("POST", "/time-tracking/start", this::start)
                .add("POST", "/time-tracking/stop", this::stop)
                .add("GET", "/time-tracking/current-data", this::currentData);
    }

    /** H3: contract_id is optional (G3); without it the member tracks time without a project. */
    ApiResponse start(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        Long userId = v.bodyInteger(r.body(), "user_id");
        Long contractId = TimeFields.nullableId(r.body(), "contract_id", v);
        Long taskId = TimeFields.nullableId(r.body(), "task_id", v);
        String description = TimeFields.text(r.body(), "activity_description", MAX_DESCRIPTION, v);
        TimeRules.taskNeedsContract(taskId, contractId, v);
        return access.inWorkspace(r, scope, v, Access.READERS, "track time", ws -> {
            if (userId != null) {
                access.requireSelfOrAdmin(ws, r.callerId(), userId, "track time");
            }
            SandboxUser user = TimeRules.trackingMember(state, ws, userId, v);
            SandboxContract contract = TimeRules.contract(state, ws, contractId, userId, v);
            SandboxTask task = TimeRules.task(state, contract, taskId, v);
            Instant now = Tracker.now(state);
            if (user != null && state.runningTimeEntry(user.id()).isPresent()) {
                v.add("user_id", "The user is already tracking time.");
            }
            if (contract != null && user != null && TimeRules.minutesInWeek(state, contract, SandboxTime.localDate(now, user), now)
                    >= contract.weeklyHoursLimit() * 60L) {
                v.add("contract_id", TimeRules.LIMIT_REACHED);
            }
            v.throwIfInvalid();
            SandboxTimeEntry entry = state.addTimeEntry(new SandboxTimeEntry(null, ws.id(), user.id(),
                    contractId, contract == null ? null : contract.projectId(), taskId, description, null,
                    "Web tracker", SandboxTime.localDate(now, user), now, null, null, null, null));
            ObjectNode data = WebhookEvents.tracker(entry);
            events.fire(ws.id(), "tracker.started", hook -> data);
            return ApiResponse.ok("Time tracking started successfully", started(entry, user, task));
        });
    }

    ApiResponse stop(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        Long userId = v.bodyInteger(r.body(), "user_id");
        return access.inWorkspace(r, scope, v, Access.READERS, "stop tracking", ws -> {
            if (userId != null) {
                access.requireSelfOrAdmin(ws, r.callerId(), userId, "stop tracking");
            }
            SandboxUser user = TimeRules.anyMember(state, ws, userId, v);
            Optional<SandboxTimeEntry> running = user == null ? Optional.empty() : running(ws, user);
            if (user != null && running.isEmpty()) {
                v.add("user_id", "The user is not tracking time.");
            }
            v.throwIfInvalid();
            SandboxTimeEntry stopped = Tracker.stop(state, running.orElseThrow(), state.now());
            ObjectNode data = WebhookEvents.tracker(stopped);
            events.fire(ws.id(), "tracker.stopped", hook -> data);
            return ApiResponse.message("Time tracking stopped successfully");
        });
    }

    /**
     * Today's total (the member's local day) plus the running tracker. While idle the answer keeps its shape with
     * the tracker fields (contract, task, description) null, so a client can poll it.
     */
    ApiResponse currentData(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        Long userId = v.queryInteger(r, "user_id", true);
        return access.inWorkspace(r, scope, v, Access.READERS, "read tracker data", ws -> {
            if (userId != null) {
                access.requireSelfOrAdmin(ws, r.callerId(), userId, "read tracker data");
            }
            SandboxUser user = TimeRules.anyMember(state, ws, userId, v);
            v.throwIfInvalid();
            Instant now = Tracker.now(state);
            LocalDate today = SandboxTime.localDate(now, user);
            Optional<SandboxTimeEntry> running = running(ws, user);
            List<SandboxTimeEntry> counted = new ArrayList<>(state.timeEntries(ws.id(), user.id(), today));
            running.filter(e -> !counted.contains(e)).ifPresent(counted::add);
            long seconds = counted.stream().mapToLong(e -> TimeRules.seconds(e, now)).sum();
            ObjectNode data = Json.object();
            data.put("contract_id", running.map(SandboxTimeEntry::contractId).orElse(null));
            data.put("user_id", user.id());
            data.put("activity_description", running.map(SandboxTimeEntry::activityDescription).orElse(null));
            Long taskId = running.map(SandboxTimeEntry::taskId).orElse(null);
            data.put("task_id", taskId);
            data.put("task_title", taskId == null ? null : state.task(taskId).map(SandboxTask::title).orElse(null));
            data.put("total_seconds", seconds % 60);
            data.put("total_minutes", seconds / 60);
            data.put("date", Json.date(today));
            return ApiResponse.ok("Current tracker data retrieved successfully", data);
        });
    }

    private Optional<SandboxTimeEntry> running(SandboxWorkspace ws, SandboxUser user) {
        return state.runningTimeEntry(user.id()).filter(e -> e.workspaceId() == ws.id());
    }

    private ObjectNode started(SandboxTimeEntry e, SandboxUser user, SandboxTask task) {
        String project = e.projectId() == null ? null
                : state.project(e.projectId()).map(SandboxProject::name).orElse(null);
        ObjectNode n = Json.object();
        n.put("start_time", Json.timestamp(e.start()));
        n.put("contract_id", e.contractId());
        n.put("project_id", e.projectId());
        n.put("task_id", e.taskId());
        n.put("activity_description", e.activityDescription());
        n.put("user_id", user.id());
        n.put("user_name", user.fullName());
        n.put("user_email", user.email());
        n.put("project_name", project);
        n.put("message", slackMessage(user, project, task, e.activityDescription()));
        return n;
    }

    /** G3: "a dynamic message suitable for Slack" (Slack's *bold*). */
    static String slackMessage(SandboxUser user, String project, SandboxTask task, String description) {
        StringBuilder s = new StringBuilder("*").append(user.fullName()).append("* started tracking time");
        s.append(project == null ? " without a project" : " on *" + project + "*");
        if (task != null) {
            s.append(" - task \"").append(task.title()).append('"');
        }
        if (description != null) {
            s.append(": ").append(description);
        }
        return s.toString();
    }
}
