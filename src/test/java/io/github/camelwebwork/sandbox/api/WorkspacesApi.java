package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.sandbox.SandboxMember;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxWorkspace;
import io.github.camelwebwork.sandbox.http.ApiRequest;
import io.github.camelwebwork.sandbox.http.ApiResponse;
import io.github.camelwebwork.sandbox.http.Json;
import io.github.camelwebwork.sandbox.http.PageRequest;
import io.github.camelwebwork.sandbox.http.Router;
import io.github.camelwebwork.sandbox.http.Validation;
import java.util.List;

/** §7.1: the caller's workspaces, where a client discovers its {@code workspace_id}. */
public final class WorkspacesApi {

    private final SandboxState state;

    public WorkspacesApi(SandboxState state) {
        this.state = state;
    }

    public void register(Router router) {
        router.add("GET", "/workspaces", this::list);
    }

    /** "Only active workspaces": the sandbox lists those where the caller's membership is active. */
    ApiResponse list(ApiRequest r) {
        Validation v = new Validation();
        PageRequest page = PageRequest.parse(r, v);
        v.throwIfInvalid();
        return state.atomically(() -> {
            List<SandboxMember> memberships = state.memberships(r.callerId()).stream()
                    .filter(SandboxMember::isActive).toList();
            return page.respond("Workspaces retrieved successfully", memberships,
                    m -> workspace(state.workspace(m.workspaceId()).orElseThrow(), m));
        });
    }

    static ObjectNode workspace(SandboxWorkspace w, SandboxMember caller) {
        ObjectNode n = Json.object();
        n.put("id", w.id());
        n.put("owner_id", w.ownerId());
        n.put("user_id", caller.userId());
        n.put("workspace_name", w.name());
        n.put("role", caller.role().label());
        n.put("status", caller.status());
        n.put("created_at", Json.timestamp(w.createdAt()));
        n.put("activated_at", Json.plainTimestamp(caller.activatedAt()));
        return n;
    }
}
