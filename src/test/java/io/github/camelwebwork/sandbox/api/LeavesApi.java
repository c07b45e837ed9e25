package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.camelwebwork.sandbox.Role;
import io.github.camelwebwork.sandbox.SandboxLeave;
import io.github.camelwebwork.sandbox.SandboxLeavePolicy;
import io.github.camelwebwork.sandbox.SandboxMember;
import io.github.camelwebwork.sandbox.SandboxState;
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
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * §7.11 Leaves: a member requests leave under a policy (pending), an owner or executive manager approves or
 * rejects it (H8 paths, PUT with {@code workspace_id} in the body); only pending leaves can be decided, anything
 * else is 422 on {@code status}. Members request leave for themselves, admins for anyone; reads are filtered like
 * the time sections ({@link Access#seesTimeOf}). Rejecting needs a {@code reason}: the other rejections of the
 * API (timesheets, time requests) require theirs, and a client that always sends one works either way.
 */
public final class LeavesApi {

    private static final Set<String> YES_NO = Set.of("yes", "no");

    private final SandboxState state;
    private final Access access;

    public LeavesApi(SandboxState state, Access access) {
        this.state = state;
        this.access = access;
    }

    public void register(Router router) {
        router.add("GET", "/leaves", this::list)
                .add("POST", "/leaves", this::request)
                .add("GET", "/leaves/balances", this::balances)
                .add("GET", "/leaves/policies", this::policies)
                .add("PUT", "/leaves/{leaveId}/approve", this::approve)
                .add("PUT", "/leaves/{leaveId}/reject", this::reject);
    }

    /** date_from/date_to select the leaves that overlap the range; newest start first. */
    ApiResponse list(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        String id = v.queryText(r, "id", null);
        Long policyId = v.queryInteger(r, "policy_id", false);
        String paid = v.queryText(r, "is_paid", YES_NO);
        String status = v.queryText(r, "status", SandboxLeave.STATUSES);
        LocalDate from = TimeFields.queryDate(r, "date_from", false, v);
        LocalDate to = TimeFields.queryDate(r, "date_to", false, v);
        if (from != null && to != null && to.isBefore(from)) {
            v.add("date_to", Messages.afterOrEqual("date_to", "date_from"));
        }
        Long userId = v.queryInteger(r, "user_id", false);
        PageRequest page = PageRequest.parse(r, v);
        return access.inWorkspace(r, scope, v, Access.READERS, "list leaves", ws -> {
            v.throwIfInvalid();
            SandboxMember caller = access.caller(ws, r.callerId());
            List<SandboxLeave> leaves = state.leaves(ws.id()).stream()
                    .filter(l -> access.seesTimeOf(caller, l.userId()))
                    .filter(l -> id == null || l.id().equals(id))
                    .filter(l -> policyId == null || l.policyId() == policyId)
                    .filter(l -> paid == null || LeaveJson.yesNo(policy(l).paid()).equals(paid))
                    .filter(l -> status == null || l.status().equals(status))
                    .filter(l -> userId == null || l.userId() == userId)
                    .filter(l -> from == null || !l.endDate().isBefore(from))
                    .filter(l -> to == null || !l.startDate().isAfter(to))
                    .sorted(Comparator.comparing(SandboxLeave::startDate).thenComparing(SandboxLeave::createdAt)
                            .reversed())
                    .toList();
            return page.respond("Leaves retrieved successfully", leaves, l -> LeaveJson.leave(l, state));
        });
    }

    /** §7.11 "Request Leave": 201 {@code {success, message, meta}}, without data. */
    ApiResponse request(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        LeaveRequestInput input = LeaveRequestInput.read(r.body(), v);
        return access.inWorkspace(r, scope, v, Access.STAFF, "request leave", ws -> {
            if (input.userId() != null) {
                access.requireSelfOrAdmin(ws, r.callerId(), input.userId(), "request leave");
            }
            SandboxLeave leave = input.toLeave(state, ws, r.callerId(), v);
            v.throwIfInvalid();
            state.addLeave(leave);
            return ApiResponse.created("Leave request created successfully", MissingNode.getInstance());
        });
    }

    /** Paginated by members (active, not project viewers), by user id. */
    ApiResponse balances(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        Long userId = v.queryInteger(r, "user_id", false);
        LocalDate from = TimeFields.queryDate(r, "date_from", true, v);
        LocalDate to = TimeFields.queryDate(r, "date_to", true, v);
        if (from != null && to != null && to.isBefore(from)) {
            v.add("date_to", Messages.afterOrEqual("date_to", "date_from"));
        }
        PageRequest page = PageRequest.parse(r, v);
        return access.inWorkspace(r, scope, v, Access.READERS, "read leave balances", ws -> {
            v.throwIfInvalid();
            SandboxMember caller = access.caller(ws, r.callerId());
            List<SandboxUser> users = state.members(ws.id()).stream()
                    .filter(m -> m.isActive() && m.role() != Role.PROJECT_VIEWER)
                    .filter(m -> access.seesTimeOf(caller, m.userId()))
                    .filter(m -> userId == null || m.userId() == userId)
                    .map(m -> state.user(m.userId()).orElseThrow())
                    .toList();
            return page.respond("Leave balances retrieved successfully", users,
                    u -> LeaveBalances.of(u, ws.id(), from, to, state));
        });
    }

    ApiResponse policies(ApiRequest r) {
        Validation v = new Validation();
        return access.inWorkspace(r, Scope.of(r, v, false), v, Access.READERS, "list leave policies", ws -> {
            ArrayNode data = Json.array();
            state.leavePolicies(ws.id()).forEach(p -> data.add(LeaveJson.policy(p)));
            return ApiResponse.ok("Leave policies retrieved successfully", data);
        });
    }

    ApiResponse approve(ApiRequest r) {
        String id = r.pathParams().get("leaveId");
        Validation v = new Validation();
        return access.inWorkspace(r, Scope.of(r, v, false), v, Access.WORKSPACE_ADMINS, "approve leaves", ws -> {
            SandboxLeave leave = pending(ws, id, "approved", v);
            state.saveLeave(leave.approved(r.callerId(), state.now()));
            return ApiResponse.message("Leave approved successfully");
        });
    }

    ApiResponse reject(ApiRequest r) {
        String id = r.pathParams().get("leaveId");
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        String reason = new BodyFields(r.body(), v).text("reason", true, LeaveRequestInput.MAX_REASON);
        return access.inWorkspace(r, scope, v, Access.WORKSPACE_ADMINS, "reject leaves", ws -> {
            SandboxLeave leave = pending(ws, id, "rejected", v);
            state.saveLeave(leave.rejected(r.callerId(), reason, state.now()));
            return ApiResponse.message("Leave rejected successfully");
        });
    }

    private SandboxLeave pending(SandboxWorkspace ws, String id, String decision, Validation v) {
        SandboxLeave leave = state.leave(id).filter(l -> l.workspaceId() == ws.id())
                .orElseThrow(() -> ApiException.notFound("Leave"));
        if (!leave.isPending()) {
            v.add("status", "Only pending leaves can be " + decision + "; this one is " + leave.status() + ".");
        }
        v.throwIfInvalid();
        return leave;
    }

    private SandboxLeavePolicy policy(SandboxLeave l) {
        return state.leavePolicy(l.policyId()).orElseThrow();
    }
}
