package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.sandbox.SandboxContract;
import io.github.camelwebwork.sandbox.SandboxMember;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxTime;
import io.github.camelwebwork.sandbox.SandboxTimeRequest;
import io.github.camelwebwork.sandbox.SandboxUser;
import io.github.camelwebwork.sandbox.SandboxWorkspace;
import io.github.camelwebwork.sandbox.http.ApiException;
import io.github.camelwebwork.sandbox.http.ApiRequest;
import io.github.camelwebwork.sandbox.http.ApiResponse;
import io.github.camelwebwork.sandbox.http.Json;
import io.github.camelwebwork.sandbox.http.Messages;
import io.github.camelwebwork.sandbox.http.PageRequest;
import io.github.camelwebwork.sandbox.http.Router;
import io.github.camelwebwork.sandbox.http.Scope;
import io.github.camelwebwork.sandbox.http.Validation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * §7.10 Time requests: a member asks for manual time, an owner or executive manager approves it (which adds the
 * time, without double-counting, see {@link ManualTime}) or rejects it with a comment. Requests always wait for
 * approval: the workspace auto-approval setting is not emulated. Members see and create their own requests,
 * team managers see their team's, owners and executive managers everyone's ({@link Access#seesTimeOf}).
 */
public final class TimeRequestsApi {

    static final int MAX_TEXT = 1000;

    private final SandboxState state;
    private final Access access;

    public TimeRequestsApi(SandboxState state, Access access) {
        this.state = state;
        this.access = access;
    }

    public void register(Router router) {
        router.add("GET", "/time-requests", this::list)
                .add("POST", "/time-requests", this::create)
                .add("GET", "/time-requests/{timeRequestId}", this::get)
                .add("POST", "/time-requests/{timeRequestId}/approve", this::approve)
                .add("POST", "/time-requests/{timeRequestId}/reject", this::reject);
    }

    /** Requests whose start falls (in the member's timezone) within date_from..date_to, by start. */
    ApiResponse list(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        LocalDate from = TimeFields.queryDate(r, "date_from", true, v);
        LocalDate to = TimeFields.queryDate(r, "date_to", true, v);
        if (from != null && to != null && to.isBefore(from)) {
            v.add("date_to", Messages.afterOrEqual("date_to", "date_from"));
        }
        String status = v.queryText(r, "status", SandboxTimeRequest.STATUSES);
        PageRequest page = PageRequest.parse(r, v);
        return access.inWorkspace(r, scope, v, Access.READERS, "list time requests", ws -> {
            v.throwIfInvalid();
            SandboxMember caller = access.caller(ws, r.callerId());
            List<SandboxTimeRequest> requests = state.timeRequests(ws.id()).stream()
                    .filter(t -> access.seesTimeOf(caller, t.userId()))
                    .filter(t -> status == null || t.status().equals(status))
                    .filter(t -> within(t, from, to))
                    .sorted(Comparator.comparing(SandboxTimeRequest::start).thenComparing(SandboxTimeRequest::id))
                    .toList();
            return page.respond("Time requests retrieved successfully", requests, TimeRequestsApi::json);
        });
    }

    /** H3: contract_id optional; activity_description (G3), with G2's notes taken as the same text. */
    ApiResponse create(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        JsonNode body = r.body();
        Long userId = v.bodyInteger(body, "user_id");
        Long contractId = TimeFields.nullableId(body, "contract_id", v);
        Long taskId = TimeFields.nullableId(body, "task_id", v);
        TimeFields.DateTimeInput start = TimeFields.dateTime(body, "start", v);
        TimeFields.DateTimeInput end = TimeFields.dateTime(body, "end", v);
        String description = TimeFields.text(body, "activity_description", MAX_TEXT, v);
        String notes = TimeFields.text(body, "notes", MAX_TEXT, v);
        TimeRules.taskNeedsContract(taskId, contractId, v);
        return access.inWorkspace(r, scope, v, Access.READERS, "request time", ws -> {
            if (userId != null) {
                access.requireSelfOrAdmin(ws, r.callerId(), userId, "request time");
            }
            SandboxUser user = TimeRules.trackingMember(state, ws, userId, v);
            SandboxContract contract = TimeRules.contract(state, ws, contractId, userId, v);
            TimeRules.task(state, contract, taskId, v);
            Instant from = null;
            Instant to = null;
            if (user != null && start != null && end != null) {
                ZoneId zone = SandboxTime.zoneOf(user);
                from = start.in(zone);
                to = end.in(zone);
                if (!to.isAfter(from)) {
                    v.add("end", TimeFields.after("end", "start"));
                } else if (to.isAfter(state.clock().instant())) {
                    v.add("end", TimeFields.beforeOrEqual("end", "now"));
                }
            }
            v.throwIfInvalid();
            SandboxTimeRequest added = state.addTimeRequest(new SandboxTimeRequest(null, ws.id(), user.id(),
                    contractId, contract == null ? null : contract.projectId(), taskId, from, to, "pending",
                    description != null ? description : notes, null, null, null, null));
            ObjectNode data = Json.object().put("id", added.id()).put("status", added.status());
            return ApiResponse.created("Time request created successfully", data);
        });
    }

    ApiResponse get(ApiRequest r) {
        String id = r.pathParams().get("timeRequestId");
        Validation v = new Validation();
        return access.inWorkspace(r, Scope.of(r, v, false), v, Access.READERS, "read time requests", ws -> {
            SandboxTimeRequest request = request(ws, id);
            if (!access.seesTimeOf(access.caller(ws, r.callerId()), request.userId())) {
                throw ApiException.notFound("Time request");
            }
            return ApiResponse.ok("Time request retrieved successfully", json(request));
        });
    }

    ApiResponse approve(ApiRequest r) {
        String id = r.pathParams().get("timeRequestId");
        Validation v = new Validation();
        return access.inWorkspace(r, Scope.of(r, v, false), v, Access.WORKSPACE_ADMINS, "approve time requests",
                ws -> {
                    SandboxTimeRequest request = pending(ws, id, "approved", v);
                    SandboxUser user = state.user(request.userId()).orElseThrow();
                    SandboxContract contract = request.contractId() == null ? null
                            : state.contract(request.contractId()).orElse(null);
                    ManualTime.add(state, ws.id(), user, contract, request.taskId(), request.activityDescription(),
                            request.activityDescription(), request.start(), request.end());
                    state.saveTimeRequest(request.decided("approved", r.callerId(), null, state.now()));
                    return ApiResponse.message("Time request approved successfully");
                });
    }

    ApiResponse reject(ApiRequest r) {
        String id = r.pathParams().get("timeRequestId");
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        String comment = new BodyFields(r.body(), v).text("comment", true, MAX_TEXT);
        return access.inWorkspace(r, scope, v, Access.WORKSPACE_ADMINS, "reject time requests", ws -> {
            SandboxTimeRequest request = pending(ws, id, "rejected", v);
            state.saveTimeRequest(request.decided("rejected", r.callerId(), comment, state.now()));
            return ApiResponse.message("Time request rejected successfully");
        });
    }

    /** Only a pending request can be decided; anything else is 422 on {@code status} (with any field errors). */
    private SandboxTimeRequest pending(SandboxWorkspace ws, String id, String decision, Validation v) {
        SandboxTimeRequest request = request(ws, id);
        if (!request.isPending()) {
            v.add("status", "Only pending time requests can be " + decision + "; this one is " + request.status()
                    + ".");
        }
        v.throwIfInvalid();
        return request;
    }

    private SandboxTimeRequest request(SandboxWorkspace ws, String id) {
        return state.timeRequest(id).filter(t -> t.workspaceId() == ws.id())
                .orElseThrow(() -> ApiException.notFound("Time request"));
    }

    private boolean within(SandboxTimeRequest t, LocalDate from, LocalDate to) {
        LocalDate day = SandboxTime.localDate(t.start(), state.user(t.userId()).orElse(null));
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** §7.10 TimeRequest; {@code notes} (G2) and {@code activity_description} (G3) carry the same text. */
    static ObjectNode json(SandboxTimeRequest t) {
        ObjectNode n = Json.object();
        n.put("id", t.id());
        n.put("user_id", t.userId());
        n.put("contract_id", t.contractId());
        n.put("project_id", t.projectId());
        n.put("task_id", t.taskId());
        n.put("start", Json.timestamp(t.start()));
        n.put("end", Json.timestamp(t.end()));
        n.put("status", t.status());
        n.put("notes", t.activityDescription());
        n.put("activity_description", t.activityDescription());
        n.put("comment", t.comment());
        n.put("updated_by", t.updatedBy());
        n.put("created_at", Json.timestamp(t.createdAt()));
        n.put("updated_at", Json.timestamp(t.updatedAt()));
        return n;
    }
}
