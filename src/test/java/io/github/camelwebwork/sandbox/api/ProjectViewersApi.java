package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.sandbox.Role;
import io.github.camelwebwork.sandbox.SandboxMember;
import io.github.camelwebwork.sandbox.SandboxProject;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxUser;
import io.github.camelwebwork.sandbox.SandboxViewerProject;
import io.github.camelwebwork.sandbox.SandboxWorkspace;
import io.github.camelwebwork.sandbox.http.ApiException;
import io.github.camelwebwork.sandbox.http.ApiRequest;
import io.github.camelwebwork.sandbox.http.ApiResponse;
import io.github.camelwebwork.sandbox.http.Json;
import io.github.camelwebwork.sandbox.http.PageRequest;
import io.github.camelwebwork.sandbox.http.Router;
import io.github.camelwebwork.sandbox.http.Scope;
import io.github.camelwebwork.sandbox.http.Validation;
import java.util.List;
import java.util.Optional;

/**
 * §7.6 Project viewers: members with the role "Project viewer", plus the projects each may see. Archive and
 * restore flip the membership between "left" and "active"; archived viewers stay listed (status "left") and
 * keep their projects for a restore. A wrong state (archiving twice, restoring an active viewer, giving a project
 * to an archived viewer) is 400, like other state conflicts of the sandbox; field errors are 422.
 */
public final class ProjectViewersApi {

    private final SandboxState state;
    private final Access access;

    public ProjectViewersApi(SandboxState state, Access access) {
        this.state = state;
        this.access = access;
    }

    public void register(Router router) {
        router.add("GET", "/project-viewers", this::list)
                .add("POST", "/project-viewers", this::create)
                .add("GET", "/project-viewers/{viewerId}", this::get)
                .add("DELETE", "/project-viewers/{viewerId}", this::archive)
                .add("POST", "/project-viewers/{viewerId}/restore", this::restore)
                .add("POST", "/project-viewers/{viewerId}/assign-project", this::assignProject)
                .add("DELETE", "/project-viewers/{viewerId}/unassign-project", this::unassignProject);
    }

    ApiResponse list(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        String email = v.queryText(r, "email", null);
        PageRequest page = PageRequest.parse(r, v);
        return access.inWorkspace(r, scope, v, Access.READERS, "list project viewers", ws -> {
            v.throwIfInvalid();
            List<SandboxMember> viewers = state.members(ws.id()).stream()
                    .filter(m -> m.role() == Role.PROJECT_VIEWER)
                    .filter(m -> email == null || user(m).email().equalsIgnoreCase(email))
                    .toList();
            return page.respond("Project viewers retrieved successfully", viewers, this::viewer);
        });
    }

    /**
     * An invitation like §7.2's: the new viewer is "inactive" (member_since null) until they accept. An address
     * that is already a member here, archived ones included (those are restored instead), is taken.
     */
    ApiResponse create(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        BodyFields f = new BodyFields(r.body(), v);
        String email = f.email("email", true);
        String firstname = f.text("firstname", true, BodyFields.MAX_STRING);
        String lastname = f.text("lastname", true, BodyFields.MAX_STRING);
        return access.inWorkspace(r, scope, v, Access.WORKSPACE_ADMINS, "create project viewers", ws -> {
            Optional<SandboxUser> known = email == null ? Optional.empty() : state.userByEmail(email);
            if (known.flatMap(u -> state.member(ws.id(), u.id())).isPresent()) {
                v.add("email", BodyFields.takenMessage("email"));
            }
            v.throwIfInvalid();
            SandboxUser user = known.orElseGet(() -> state.addUser(firstname, lastname, email));
            SandboxMember viewer = state.addMember(
                    new SandboxMember(ws.id(), user.id(), Role.PROJECT_VIEWER, "inactive", null, null, null));
            return ApiResponse.created("Project viewer created successfully", viewer(viewer));
        });
    }

    ApiResponse get(ApiRequest r) {
        long viewerId = r.pathId("viewerId", "Project viewer");
        Validation v = new Validation();
        return access.inWorkspace(r, Scope.of(r, v, false), v, Access.READERS, "read project viewers", ws ->
                ApiResponse.ok("Project viewer retrieved successfully", viewer(viewer(ws, viewerId))));
    }

    ApiResponse archive(ApiRequest r) {
        long viewerId = r.pathId("viewerId", "Project viewer");
        Validation v = new Validation();
        return access.inWorkspace(r, Scope.of(r, v, false), v, Access.WORKSPACE_ADMINS, "archive project viewers",
                ws -> {
                    SandboxMember viewer = viewer(ws, viewerId);
                    if (viewer.isArchived()) {
                        throw ApiException.badRequest("The project viewer is already archived");
                    }
                    state.saveMember(viewer.withStatus("left", state.now()));
                    return ApiResponse.message("Project viewer archived successfully");
                });
    }

    /** Back to "active": the reference has no way to tell whether an archived viewer had ever accepted. */
    ApiResponse restore(ApiRequest r) {
        long viewerId = r.pathId("viewerId", "Project viewer");
        Validation v = new Validation();
        return access.inWorkspace(r, Scope.of(r, v, false), v, Access.WORKSPACE_ADMINS, "restore project viewers",
                ws -> {
                    SandboxMember viewer = viewer(ws, viewerId);
                    if (!viewer.isArchived()) {
                        throw ApiException.badRequest("The project viewer is not archived");
                    }
                    state.saveMember(viewer.withStatus("active", state.now()));
                    return ApiResponse.message("Project viewer restored successfully");
                });
    }

    /** Giving a project the viewer already has is idempotent (200, same message), like task assignment. */
    ApiResponse assignProject(ApiRequest r) {
        long viewerId = r.pathId("viewerId", "Project viewer");
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, true);
        return access.inWorkspace(r, scope, v, Access.WORKSPACE_ADMINS, "assign projects to viewers",
                ws -> {
                    SandboxMember viewer = viewer(ws, viewerId);
                    SandboxProject project = access.project(ws, scope.orElseThrow().projectId());
                    if (viewer.isArchived()) {
                        throw ApiException.badRequest("The project viewer is archived; restore them first");
                    }
                    state.assignViewerProject(new SandboxViewerProject(ws.id(), viewerId, project.id()));
                    return ApiResponse.message("Project assigned to viewer successfully");
                });
    }

    /** Taking away a project the viewer does not have → 404 "Project assignment not found.". */
    ApiResponse unassignProject(ApiRequest r) {
        long viewerId = r.pathId("viewerId", "Project viewer");
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, true);
        return access.inWorkspace(r, scope, v, Access.WORKSPACE_ADMINS, "unassign projects from viewers",
                ws -> {
                    viewer(ws, viewerId);
                    SandboxProject project = access.project(ws, scope.orElseThrow().projectId());
                    if (!state.unassignViewerProject(new SandboxViewerProject(ws.id(), viewerId, project.id()))) {
                        throw ApiException.notFound("Project assignment");
                    }
                    return ApiResponse.message("Project unassigned from viewer successfully");
                });
    }

    private SandboxMember viewer(SandboxWorkspace ws, long viewerId) {
        return state.member(ws.id(), viewerId).filter(m -> m.role() == Role.PROJECT_VIEWER)
                .orElseThrow(() -> ApiException.notFound("Project viewer"));
    }

    private SandboxUser user(SandboxMember m) {
        return state.user(m.userId()).orElseThrow();
    }

    /** member_since: when the viewer joined; null while the invitation is pending. */
    private ObjectNode viewer(SandboxMember m) {
        SandboxUser u = user(m);
        ObjectNode n = Json.object();
        n.put("id", u.id());
        n.put("email", u.email());
        n.put("firstname", u.firstname());
        n.put("lastname", u.lastname());
        n.put("status", m.status());
        n.put("member_since", "inactive".equals(m.status()) ? null : Json.plainTimestamp(m.activatedAt()));
        ArrayNode projects = n.putArray("projects");
        for (long projectId : state.viewerProjectIds(m.workspaceId(), m.userId())) {
            state.project(projectId).filter(p -> !p.isDeleted()).ifPresent(p ->
                    projects.addObject().put("project_id", p.id()).put("project_name", p.name()));
        }
        return n;
    }
}
