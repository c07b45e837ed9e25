package io.github.camelwebwork.sandbox.api;

import io.github.camelwebwork.sandbox.Role;
import io.github.camelwebwork.sandbox.SandboxContract;
import io.github.camelwebwork.sandbox.SandboxMember;
import io.github.camelwebwork.sandbox.SandboxProject;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxTimeEntry;
import io.github.camelwebwork.sandbox.SandboxWorkspace;
import io.github.camelwebwork.sandbox.http.ApiException;
import io.github.camelwebwork.sandbox.http.ApiRequest;
import io.github.camelwebwork.sandbox.http.ApiResponse;
import io.github.camelwebwork.sandbox.http.Messages;
import io.github.camelwebwork.sandbox.http.PageRequest;
import io.github.camelwebwork.sandbox.http.Router;
import io.github.camelwebwork.sandbox.http.Scope;
import io.github.camelwebwork.sandbox.http.Validation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * §7.4 Contracts: a member's assignment to a project. Reads are filtered by the caller's role ({@link
 * Access#seesContract}); a contract the caller may not see, or a soft-deleted one, is 404. Writes are for owners and
 * executive managers. Pausing or deleting a contract stops a tracker running on it, as the tracker may only run on
 * an active contract (§7.7).
 */
public final class ContractsApi {

    static final int MAX_WEEKLY_HOURS = 168;

    private final SandboxState state;
    private final Access access;
    private final WebhookEvents events;

    public ContractsApi(SandboxState state, Access access) {
        this(state, access, WebhookEvents.NONE);
    }

    /** Fires tracker.stopped (§8.1) into {@code events} when pausing or deleting a contract stops its tracker. */
    public ContractsApi(SandboxState state, Access access, WebhookEvents events) {
        this.state = state;
        this.access = access;
        this.events = events;
    }

    public void register(Router router) {
        router.add("GET", "/contracts", this::list)
                .add("POST", "/contracts", this::create)
                .add("GET", "/contracts/{contractId}", this::get)
                .add("PUT", "/contracts/{contractId}", this::update)
                .add("DELETE", "/contracts/{contractId}", this::delete);
    }

    ApiResponse list(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        Long projectId = v.queryInteger(r, "project_id", false);
        Long userId = v.queryInteger(r, "user_id", false);
        String status = v.queryText(r, "status", SandboxContract.STATUSES);
        PageRequest page = PageRequest.parse(r, v);
        return access.inWorkspace(r, scope, v, Access.READERS, "list contracts", ws -> {
            v.throwIfInvalid();
            SandboxMember caller = access.caller(ws, r.callerId());
            List<SandboxContract> contracts = state.contracts(ws.id()).stream()
                    .filter(c -> projectId == null || c.projectId() == projectId)
                    .filter(c -> userId == null || c.userId() == userId)
                    .filter(c -> status == null || c.status().equals(status))
                    .filter(c -> access.seesContract(caller, c))
                    .toList();
            boolean rates = access.seesRates(ws, r.callerId());
            return page.respond("Contracts retrieved successfully", contracts,
                    c -> ContractJson.contract(c, state, rates));
        });
    }

    ApiResponse get(ApiRequest r) {
        long contractId = r.pathId("contractId", "Contract");
        Validation v = new Validation();
        return access.inWorkspace(r, Scope.of(r, v, false), v, Access.READERS, "read contracts", ws -> {
            SandboxContract c = liveContract(ws, contractId);
            if (!access.seesContract(access.caller(ws, r.callerId()), c)) {
                throw ApiException.notFound("Contract");
            }
            return ApiResponse.ok("Contract retrieved successfully",
                    ContractJson.contract(c, state, access.seesRates(ws, r.callerId())));
        });
    }

    /** A second live contract for the same member and project is 422; a soft-deleted one does not count. */
    ApiResponse create(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        BodyFields f = new BodyFields(r.body(), v);
        Long projectId = v.bodyInteger(r.body(), "project_id");
        Long userId = v.bodyInteger(r.body(), "user_id");
        Integer limit = f.intBetween("weekly_hours_limit", 1, MAX_WEEKLY_HOURS);
        String screenshots = f.choice("screenshots", SandboxContract.SCREENSHOTS, false);
        Double rate = f.number("rate", 0);
        return access.inWorkspace(r, scope, v, Access.WORKSPACE_ADMINS, "create contracts", ws -> {
            SandboxProject project = projectId == null ? null : state.project(projectId)
                    .filter(p -> p.workspaceId() == ws.id() && !p.isDeleted()).orElse(null);
            if (projectId != null && project == null) {
                v.add("project_id", Messages.invalidChoice("project_id"));
            }
            boolean member = userId != null && state.member(ws.id(), userId)
                    .filter(m -> !m.isArchived() && m.role() != Role.PROJECT_VIEWER).isPresent();
            if (userId != null && !member) {
                v.add("user_id", Messages.invalidChoice("user_id"));
            }
            if (project != null && member && state.contracts(ws.id()).stream()
                    .anyMatch(c -> c.projectId() == projectId && c.userId() == userId)) {
                v.add("user_id", "The member already has a contract for this project.");
            }
            v.throwIfInvalid();
            // §7.4: the rate is "saved only if the caller may see rates"
            Double savedRate = access.seesRates(ws, r.callerId()) ? rate : null;
            String shots = screenshots != null ? screenshots : defaultScreenshots(project);
            SandboxContract added = state.addContract(new SandboxContract(0, ws.id(), projectId, userId,
                    limit == null ? MAX_WEEKLY_HOURS : limit, shots, savedRate, savedRate == null ? 3 : 1, "active",
                    null, null, null));
            return ApiResponse.created("Contract created successfully",
                    ContractJson.contract(added, state, access.seesRates(ws, r.callerId())));
        });
    }

    /** {@code "rate": null} goes back to the project rate (rate_type 3). */
    ApiResponse update(ApiRequest r) {
        long contractId = r.pathId("contractId", "Contract");
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        BodyFields f = new BodyFields(r.body(), v);
        Integer limit = f.intBetween("weekly_hours_limit", 1, MAX_WEEKLY_HOURS);
        String screenshots = f.choice("screenshots", SandboxContract.SCREENSHOTS, false);
        Double rate = f.number("rate", 0);
        String status = f.choice("status", SandboxContract.STATUSES, false);
        return access.inWorkspace(r, scope, v, Access.WORKSPACE_ADMINS, "update contracts", ws -> {
            SandboxContract c = liveContract(ws, contractId);
            v.throwIfInvalid();
            boolean rateSent = r.body().has("rate") && access.seesRates(ws, r.callerId());
            Double newRate = rateSent ? rate : c.rate();
            int rateType = !rateSent ? c.rateType() : rate == null ? 3 : 1;
            Instant now = state.now();
            SandboxContract saved = state.saveContract(c.withSettings(limit == null ? c.weeklyHoursLimit() : limit,
                    screenshots == null ? c.screenshots() : screenshots, newRate, rateType,
                    status == null ? c.status() : status, now));
            if (!saved.isActive()) {
                Tracker.stopOn(state, saved, now).ifPresent(this::fireStopped);
            }
            return ApiResponse.ok("Contract updated successfully",
                    ContractJson.contract(saved, state, access.seesRates(ws, r.callerId())));
        });
    }

    ApiResponse delete(ApiRequest r) {
        long contractId = r.pathId("contractId", "Contract");
        Validation v = new Validation();
        return access.inWorkspace(r, Scope.of(r, v, false), v, Access.WORKSPACE_ADMINS, "delete contracts", ws -> {
            Instant now = state.now();
            SandboxContract deleted = state.saveContract(liveContract(ws, contractId).deleted(now));
            Tracker.stopOn(state, deleted, now).ifPresent(this::fireStopped);
            return ApiResponse.message("Contract deleted successfully");
        });
    }

    private void fireStopped(SandboxTimeEntry stopped) {
        var data = WebhookEvents.tracker(stopped);
        events.fire(stopped.workspaceId(), "tracker.stopped", hook -> data);
    }

    /** A new contract takes the project's screenshot setting when it is one of the enum's codes. */
    private static String defaultScreenshots(SandboxProject project) {
        String own = project.screenshots();
        return own != null && SandboxContract.SCREENSHOTS.contains(own) ? own : "full";
    }

    private SandboxContract liveContract(SandboxWorkspace ws, long contractId) {
        return state.contract(contractId).filter(c -> c.workspaceId() == ws.id() && !c.isDeleted())
                .orElseThrow(() -> ApiException.notFound("Contract"));
    }
}
