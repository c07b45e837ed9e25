package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.sandbox.Role;
import io.github.camelwebwork.sandbox.SandboxMember;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxUser;
import io.github.camelwebwork.sandbox.http.ApiException;
import io.github.camelwebwork.sandbox.http.ApiRequest;
import io.github.camelwebwork.sandbox.http.ApiResponse;
import io.github.camelwebwork.sandbox.http.Json;
import io.github.camelwebwork.sandbox.http.PageRequest;
import io.github.camelwebwork.sandbox.http.Router;
import io.github.camelwebwork.sandbox.http.Scope;
import io.github.camelwebwork.sandbox.http.Validation;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** §7.2 Members, reads only so far (invite, update and archive come with the full section). */
public final class MembersApi {

    private static final Set<String> ROLE_LABELS =
            Arrays.stream(Role.values()).map(Role::label).collect(Collectors.toSet());

    private final SandboxState state;
    private final Access access;

    public MembersApi(SandboxState state, Access access) {
        this.state = state;
        this.access = access;
    }

    public void register(Router router) {
        router.add("GET", "/members", this::list).add("GET", "/members/{memberId}", this::get);
    }

    ApiResponse list(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        String email = v.queryText(r, "email", null);
        String status = v.queryText(r, "status", SandboxMember.STATUSES);
        String role = v.queryText(r, "role", ROLE_LABELS);
        PageRequest page = PageRequest.parse(r, v);
        return access.inWorkspace(r, scope, v, Access.READERS, "list members", ws -> {
            v.throwIfInvalid();
            List<SandboxMember> members = state.members(ws.id()).stream()
                    .filter(m -> status == null || m.status().equals(status))
                    .filter(m -> role == null || m.role().label().equals(role))
                    .filter(m -> email == null || user(m).email().equalsIgnoreCase(email))
                    .toList();
            return page.respond("Members retrieved successfully", members, m -> member(m, user(m)));
        });
    }

    ApiResponse get(ApiRequest r) {
        long memberId = r.pathId("memberId", "Member");
        Validation v = new Validation();
        return access.inWorkspace(r, Scope.of(r, v, false), v, Access.READERS, "read members", ws -> {
            SandboxMember m = state.member(ws.id(), memberId).orElseThrow(() -> ApiException.notFound("Member"));
            return ApiResponse.ok("Member retrieved successfully", member(m, user(m)));
        });
    }

    private SandboxUser user(SandboxMember m) {
        return state.user(m.userId()).orElseThrow();
    }

    static ObjectNode member(SandboxMember m, SandboxUser u) {
        ObjectNode n = Json.object();
        n.put("id", u.id());
        n.put("email", u.email());
        n.put("firstname", u.firstname());
        n.put("lastname", u.lastname());
        n.put("avatar", u.avatar());
        n.put("current_role", m.role().label());
        n.put("timezone", u.timezone());
        n.put("status", m.status());
        n.put("team_name", m.teamName());
        n.put("title", m.title());
        return n;
    }
}
