package io.github.camelwebwork.sandbox.api;

import io.github.camelwebwork.sandbox.Role;
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
     * The sandbox does not filter results by role yet.
     */
    public static final Set<Role> READERS = EnumSet.allOf(Role.class);
    /** "Tasks: wire examples": create, update and the assign endpoints. */
    public static final Set<Role> TASK_EDITORS =
            EnumSet.of(Role.OWNER, Role.EXECUTIVE_MANAGER, Role.PROJECT_MANAGER, Role.TEAM_MANAGER);
    /** Delete is not among the operations opened to managers, so the API-wide rule of §2 applies. */
    public static final Set<Role> TASK_DELETERS = EnumSet.of(Role.OWNER, Role.EXECUTIVE_MANAGER);

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

    public SandboxProject project(SandboxWorkspace workspace, long projectId) {
        return state.project(projectId).filter(p -> p.workspaceId() == workspace.id())
                .orElseThrow(() -> ApiException.notFound("Project"));
    }
}
