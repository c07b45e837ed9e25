package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.sandbox.SandboxProject;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.http.ApiRequest;
import io.github.camelwebwork.sandbox.http.ApiResponse;
import io.github.camelwebwork.sandbox.http.Json;
import io.github.camelwebwork.sandbox.http.PageRequest;
import io.github.camelwebwork.sandbox.http.Router;
import io.github.camelwebwork.sandbox.http.Scope;
import io.github.camelwebwork.sandbox.http.Validation;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * §7.3 Projects. Results are not yet filtered by the caller's role. DELETE archives: the project keeps its data
 * (and its tasks) with deleted_at set, and disappears from every read, including the task endpoints.
 */
public final class ProjectsApi {

    private final SandboxState state;
    private final Access access;
    private final WebhookEvents events;

    public ProjectsApi(SandboxState state, Access access) {
        this(state, access, WebhookEvents.NONE);
    }

    /** Fires project.created, project.updated and project.deleted (§8.1) into {@code events}. */
    public ProjectsApi(SandboxState state, Access access, WebhookEvents events) {
        this.state = state;
        this.access = access;
        this.events = events;
    }

    public void register(Router router) {
        router.add("GET", "/projects", this::list).add("GET", "/projects/{projectId}", this::get)
                .add("POST", "/projects", this::create)
                .add("PUT", "/projects/{projectId}", this::update)
                .add("DELETE", "/projects/{projectId}", this::archive);
    }

    ApiResponse list(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        String name = v.queryText(r, "name", null);
        PageRequest page = PageRequest.parse(r, v);
        return access.inWorkspace(r, scope, v, Access.READERS, "list projects", ws -> {
            v.throwIfInvalid();
            String needle = name == null ? null : name.toLowerCase(Locale.ROOT);
            List<SandboxProject> projects = state.projects(ws.id()).stream()
                    .filter(p -> needle == null || p.name().toLowerCase(Locale.ROOT).contains(needle))
                    .toList();
            boolean rates = access.seesRates(ws, r.callerId());
            return page.respond("Projects retrieved successfully", projects, p -> project(p, rates));
        });
    }

    ApiResponse get(ApiRequest r) {
        long projectId = r.pathId("projectId", "Project");
        Validation v = new Validation();
        return access.inWorkspace(r, Scope.of(r, v, false), v, Access.READERS, "read projects", ws ->
                ApiResponse.ok("Project retrieved successfully",
                        project(access.project(ws, projectId), access.seesRates(ws, r.callerId()))));
    }

    /** The caller becomes the project's owner_id. */
    ApiResponse create(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        ProjectInput input = ProjectInput.parse(new BodyFields(r.body(), v), v, true);
        return access.inWorkspace(r, scope, v, Access.WORKSPACE_ADMINS, "create projects", ws -> {
            input.check(state, ws.id(), null);
            v.throwIfInvalid();
            SandboxProject draft = input.applyTo(SandboxProject.of(0, ws.id(), "", r.callerId()), null);
            SandboxProject created = state.addProject(draft);
            fire(ws.id(), "project.created", created);
            return ApiResponse.created("Project created successfully",
                    project(created, access.seesRates(ws, r.callerId())));
        });
    }

    ApiResponse update(ApiRequest r) {
        long projectId = r.pathId("projectId", "Project");
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        ProjectInput input = ProjectInput.parse(new BodyFields(r.body(), v), v, false);
        return access.inWorkspace(r, scope, v, Access.WORKSPACE_ADMINS, "update projects", ws -> {
            SandboxProject current = access.project(ws, projectId);
            input.check(state, ws.id(), current);
            v.throwIfInvalid();
            SandboxProject saved = state.saveProject(input.applyTo(current, state.now()));
            fire(ws.id(), "project.updated", saved);
            return ApiResponse.ok("Project updated successfully",
                    project(saved, access.seesRates(ws, r.callerId())));
        });
    }

    ApiResponse archive(ApiRequest r) {
        long projectId = r.pathId("projectId", "Project");
        Validation v = new Validation();
        return access.inWorkspace(r, Scope.of(r, v, false), v, Access.WORKSPACE_ADMINS, "delete projects", ws -> {
            SandboxProject archived = state.saveProject(access.project(ws, projectId).archived(state.now()));
            fire(ws.id(), "project.deleted", archived);
            return ApiResponse.message("Project deleted successfully");
        });
    }

    /** The Project as GET answers the webhook's creator; after DELETE, with deleted_at set. */
    private void fire(long workspaceId, String event, SandboxProject p) {
        events.fire(workspaceId, event, hook -> project(p, WebhookEvents.creatorSeesRates(state, hook)));
    }

    /** §2 "Rate visibility": {@code rate} appears only for callers who may see rates. */
    ObjectNode project(SandboxProject p, boolean withRate) {
        ObjectNode n = Json.object();
        n.put("id", p.id());
        n.put("name", p.name());
        n.put("owner_id", p.ownerId());
        n.put("start_date", Json.date(p.startDate()));
        n.put("deadline", Json.date(p.deadline()));
        n.put("estimation", p.estimation());
        n.put("budget_estimation", p.budget());
        n.put("notes", p.notes());
        n.put("icon", p.icon());
        n.put("is_billable", p.billable());
        if (withRate) {
            n.put("rate", p.rate());
        }
        n.put("weekly_hours_limit", p.weeklyHoursLimit());
        n.put("screenshots", p.screenshots());
        ArrayNode tags = n.putArray("tags");
        p.tags().forEach(t -> tags.addObject().put("id", t.id()).put("name", t.name()).put("color", t.color()));
        n.put("contracts_count", state.contracts(p.workspaceId()).stream()
                .filter(c -> c.projectId() == p.id()).count());
        n.put("status", p.status());
        n.put("created_at", Json.timestamp(p.createdAt()));
        n.put("updated_at", Json.timestamp(p.updatedAt()));
        n.put("deleted_at", Json.timestamp(p.deletedAt()));
        return n;
    }
}
