package io.github.camelwebwork.sandbox.api;

import io.github.camelwebwork.sandbox.Role;
import io.github.camelwebwork.sandbox.SandboxContract;
import io.github.camelwebwork.sandbox.SandboxMember;
import io.github.camelwebwork.sandbox.SandboxProject;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxWorkspace;
import io.github.camelwebwork.sandbox.http.ApiException;
import io.github.camelwebwork.sandbox.http.ApiRequest;
import io.github.camelwebwork.sandbox.http.ApiResponse;
import io.github.camelwebwork.sandbox.http.Scope;
import io.github.camelwebwork.sandbox.http.Validation;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Who may do what; the role policy lives here and only here. Every section answers in the same order:
 * 422 when workspace_id (or project_id) is missing or invalid → 404 unknown workspace → 403 caller without
 * an active membership, or whose role is not allowed → then the operation itself (404 unknown resource,
 * 422 with all field errors at once). Authorising before field validation follows Laravel's FormRequest.
 */
public final class Access {

    /**
     * Reads: every active member. §2 restricts "the API" to owners and executive managers but also says
     * "many operations add role-based filtering of results", which only makes sense if other roles can read.
     * The time sections filter by role ({@link #seesContract}, {@link #seesTimeOf}); the others do not yet.
     */
    public static final Set<Role> READERS = EnumSet.allOf(Role.class);
    /** "Tasks: wire examples": create, update and the assign endpoints. */
    public static final Set<Role> TASK_EDITORS =
            EnumSet.of(Role.OWNER, Role.EXECUTIVE_MANAGER, Role.PROJECT_MANAGER, Role.TEAM_MANAGER);
    /** Delete is not among the operations opened to managers, so the API-wide rule of §2 applies. */
    public static final Set<Role> TASK_DELETERS = EnumSet.of(Role.OWNER, Role.EXECUTIVE_MANAGER);
    /**
     * §7.2 invite, §7.3 create, §7.6 create "Owner and Executive manager only"; the other writes of members,
     * projects, viewers and webhooks (and webhook reads, which reveal the signing secrets) follow §2's
     * API-wide rule.
     */
    public static final Set<Role> WORKSPACE_ADMINS = EnumSet.of(Role.OWNER, Role.EXECUTIVE_MANAGER);
    /** §7.14 "Reports (all GET; owners and executive managers only)". */
    public static final Set<Role> REPORT_READERS = WORKSPACE_ADMINS;
    /**
     * Leaves (§7.11) and expenses (§7.12) are a member's own: every member who works (not a project viewer) may
     * request leave and record expenses for themselves; approving, rejecting and acting for others is for
     * {@link #WORKSPACE_ADMINS} (see {@link #requireSelfOrAdmin}).
     */
    public static final Set<Role> STAFF = EnumSet.complementOf(EnumSet.of(Role.PROJECT_VIEWER));

    private final SandboxState state;

    public Access(SandboxState state) {
        this.state = state;
    }

    /** Runs {@code work} atomically in the scope's workspace once the caller may act there. */
    public ApiResponse inWorkspace(ApiRequest request, Optional<Scope> scope, Validation v, Set<Role> allowed,
                                   String action, Function<SandboxWorkspace, ApiResponse> work) {
        if (scope.isEmpty()) {
            v.throwIfInvalid();
            throw new IllegalStateException("scope missing without a validation error");
        }
        return state.atomically(() ->
                work.apply(workspace(scope.get().workspaceId(), request.callerId(), allowed, action)));
    }

    /** The workspace, once the caller is known to hold one of {@code allowed} in it. */
    public SandboxWorkspace workspace(long workspaceId, long callerId, Set<Role> allowed, String action) {
        SandboxWorkspace workspace = state.workspace(workspaceId)
                .orElseThrow(() -> ApiException.notFound("Workspace"));
        SandboxMember caller = state.member(workspaceId, callerId).filter(SandboxMember::isActive)
                .orElseThrow(() -> ApiException.forbidden(
                        "You are not an active member of workspace " + workspaceId));
        if (!allowed.contains(caller.role())) {
            throw ApiException.forbidden("The role '" + caller.role().label() + "' may not " + action);
        }
        return workspace;
    }

    // ---- time sections: contracts (§7.4), tracker (§7.7), time entries (§7.8), timesheets (§7.9), requests (§7.10)

    /** The caller's membership; inside {@link #inWorkspace} it is known to be active. */
    public SandboxMember caller(SandboxWorkspace workspace, long callerId) {
        return state.member(workspace.id(), callerId).orElseThrow();
    }

    public static boolean isAdmin(SandboxMember member) {
        return WORKSPACE_ADMINS.contains(member.role());
    }

    /**
     * Tracker, time requests and timesheet submission: owners and executive managers act for any member (G3);
     * other members only for themselves, as G2 lets regular users do (§7.7).
     */
    public void requireSelfOrAdmin(SandboxWorkspace workspace, long callerId, long userId, String action) {
        SandboxMember caller = caller(workspace, callerId);
        if (!isAdmin(caller) && userId != callerId) {
            throw ApiException.forbidden("The role '" + caller.role().label() + "' may " + action
                    + " only for themselves");
        }
    }

    /** §2 "Rate visibility": rate and amount fields only for callers with rate_status 1. */
    public boolean seesRates(SandboxWorkspace workspace, long callerId) {
        return caller(workspace, callerId).rateStatus() == 1;
    }

    /** §7.4 "Contract visibility by role"; a project manager's projects are the ones they own. */
    public boolean seesContract(SandboxMember caller, SandboxContract contract) {
        if (isAdmin(caller) || contract.userId() == caller.userId()) {
            return true;
        }
        return switch (caller.role()) {
            case PROJECT_MANAGER -> state.project(contract.projectId())
                    .filter(p -> p.ownerId() == caller.userId()).isPresent();
            case TEAM_MANAGER -> sameTeam(caller, contract.userId());
            case PROJECT_VIEWER -> state.viewerProjectIds(contract.workspaceId(), caller.userId())
                    .contains(contract.projectId());
            default -> false;
        };
    }

    /** Timesheets and time requests: admins see everyone's, team managers their team's, others their own. */
    public boolean seesTimeOf(SandboxMember caller, long userId) {
        return isAdmin(caller) || userId == caller.userId()
                || (caller.role() == Role.TEAM_MANAGER && sameTeam(caller, userId));
    }

    private boolean sameTeam(SandboxMember caller, long userId) {
        return caller.teamName() != null && state.member(caller.workspaceId(), userId)
                .filter(m -> caller.teamName().equals(m.teamName())).isPresent();
    }

    public SandboxProject project(SandboxWorkspace workspace, long projectId) {
        return state.project(projectId).filter(p -> p.workspaceId() == workspace.id() && !p.isDeleted())
                .orElseThrow(() -> ApiException.notFound("Project"));
    }
}
