package io.github.camelwebwork.sandbox.api;

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

/** §7.3 Projects, reads only so far. Results are not yet filtered by the caller's role. */
public final class ProjectsApi {

    private final SandboxState state;
    private final Access access;

    public ProjectsApi(SandboxState state, Access access) {
        this.state = state;
        this.access = access;
    }

    public void register(Router router) {
        router.add("GET", "/projects", this::list).add("GET", "/projects/{projectId}", this::get);
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
            return page.respond("Projects retrieved successfully", projects, ProjectsApi::project);
        });
    }

    ApiResponse get(ApiRequest r) {
        long projectId = r.pathId("projectId", "Project");
        Validation v = new Validation();
        return access.inWorkspace(r, Scope.of(r, v, false), v, Access.READERS, "read projects", ws -> {
            return ApiResponse.ok("Project retrieved successfully", project(access.project(ws, projectId)));
        });
    }

    static ObjectNode project(SandboxProject p) {
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
        n.put("rate", p.rate());
        n.put("weekly_hours_limit", p.weeklyHoursLimit());
        n.put("screenshots", p.screenshots());
        n.putArray("tags");
        n.put("contracts_count", 0); // contracts (§7.4) are not emulated yet
        n.put("status", p.status());
        n.put("created_at", Json.timestamp(p.createdAt()));
        n.put("updated_at", Json.timestamp(p.updatedAt()));
        n.putNull("deleted_at");
        return n;
    }
}
