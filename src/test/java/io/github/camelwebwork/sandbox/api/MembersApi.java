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
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * §7.2 Members. Archived members (status "left", deleted_at set) stay in the list and stay readable, as the seed's
 * left member does: {@code status=left} is how a client finds them. Writes are for owners and executive managers.
 */
public final class MembersApi {

    private static final Set<String> ROLE_LABELS =
            Arrays.stream(Role.values()).map(Role::label).collect(Collectors.toSet());
    /** §7.2 PUT's role list; invitations take the same roles (nobody is invited as a second Owner). */
    static final Set<String> GRANTABLE_ROLES = Set.of("Regular User", "Project manager", "Team manager",
            "Executive manager", "Project viewer");
    static final String INVITATION_BASE = "https://webwork-tracker.com/app/invitation/";

    private final SandboxState state;
    private final Access access;
    private final WebhookEvents events;

    public MembersApi(SandboxState state, Access access) {
        this(state, access, WebhookEvents.NONE);
    }

    /** Fires member.invited, member.updated and member.archived (§8.1) into {@code events}. */
    public MembersApi(SandboxState state, Access access, WebhookEvents events) {
        this.state = state;
        this.access = access;
        this.events = events;
    }

    public void register(Router router) {
        router.add("GET", "/members", this::list).add("GET", "/members/{memberId}", this::get)
                .add("POST", "/members", this::invite)
                .add("PUT", "/members/{memberId}", this::update)
                .add("DELETE", "/members/{memberId}", this::archive);
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
            boolean rates = access.seesRates(ws, r.callerId());
            return page.respond("Members retrieved successfully", members, m -> member(m, user(m), rates));
        });
    }

    ApiResponse get(ApiRequest r) {
        long memberId = r.pathId("memberId", "Member");
        Validation v = new Validation();
        return access.inWorkspace(r, Scope.of(r, v, false), v, Access.READERS, "read members", ws -> {
            SandboxMember m = state.member(ws.id(), memberId).orElseThrow(() -> ApiException.notFound("Member"));
            return ApiResponse.ok("Member retrieved successfully",
                    member(m, user(m), access.seesRates(ws, r.callerId())));
        });
    }

    /**
     * The invitee is "inactive" until they accept ({@link SandboxState#acceptInvitation}); §7.2 lists no status
     * "invited". An existing user (another workspace's member) is reused with their own names. An address that is
     * already a member here is taken (422), unless that member has left: then they are invited again. 200, not
     * 201: §5 does not list this create among the 201s.
     */
    ApiResponse invite(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        BodyFields f = new BodyFields(r.body(), v);
        String email = f.email("email", true);
        String firstname = f.text("firstname", true, BodyFields.MAX_STRING);
        String lastname = f.text("lastname", true, BodyFields.MAX_STRING);
        String role = f.choice("role", GRANTABLE_ROLES, true);
        return access.inWorkspace(r, scope, v, Access.WORKSPACE_ADMINS, "invite members", ws -> {
            Optional<SandboxUser> known = email == null ? Optional.empty() : state.userByEmail(email);
            Optional<SandboxMember> existing = known.flatMap(u -> state.member(ws.id(), u.id()));
            if (existing.filter(m -> !m.isArchived()).isPresent()) {
                v.add("email", BodyFields.takenMessage("email"));
            }
            v.throwIfInvalid();
            SandboxUser user = known.orElseGet(() -> state.addUser(firstname, lastname, email));
            Role granted = Role.fromLabel(role).orElseThrow();
            SandboxMember invited = existing.isPresent()
                    ? state.saveMember(existing.get().withRole(granted).withStatus("inactive", state.now()))
                    : state.addMember(new SandboxMember(ws.id(), user.id(), granted, "inactive", null, null, null));
            events.fire(ws.id(), "member.invited", WebhookEvents.member(state, invited));
            ObjectNode data = Json.object();
            data.put("user_id", user.id());
            data.put("invitation_link", INVITATION_BASE + UUID.randomUUID());
            return ApiResponse.ok("Member invited successfully", data);
        });
    }

    ApiResponse update(ApiRequest r) {
        long memberId = r.pathId("memberId", "Member");
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        MemberChanges changes = MemberChanges.parse(new BodyFields(r.body(), v));
        return access.inWorkspace(r, scope, v, Access.WORKSPACE_ADMINS, "update members", ws -> {
            SandboxMember m = state.member(ws.id(), memberId).orElseThrow(() -> ApiException.notFound("Member"));
            requireOwnerForOwner(ws.id(), m, r.callerId(), "update");
            changes.check(state, m, v);
            v.throwIfInvalid();
            SandboxUser user = state.saveUser(changes.applyTo(user(m)));
            SandboxMember saved = state.saveMember(changes.applyTo(m, state.now()));
            events.fire(ws.id(), "member.updated", WebhookEvents.member(state, saved));
            return ApiResponse.ok("Member updated successfully",
                    member(saved, user, access.seesRates(ws, r.callerId())));
        });
    }

    /** Archive (§7.2 "Delete (Archive) Member"): status "left", deleted_at set; the data stays readable. */
    ApiResponse archive(ApiRequest r) {
        long memberId = r.pathId("memberId", "Member");
        Validation v = new Validation();
        return access.inWorkspace(r, Scope.of(r, v, false), v, Access.WORKSPACE_ADMINS, "archive members", ws -> {
            SandboxMember m = state.member(ws.id(), memberId).orElseThrow(() -> ApiException.notFound("Member"));
            if (m.role() == Role.OWNER) {
                throw ApiException.badRequest("The workspace owner cannot be archived");
            }
            if (m.userId() == r.callerId()) {
                throw ApiException.badRequest("You cannot archive yourself");
            }
            if (m.isArchived()) {
                throw ApiException.badRequest("The member is already archived");
            }
            SandboxMember archived = state.saveMember(m.withStatus("left", state.now()));
            events.fire(ws.id(), "member.archived", WebhookEvents.member(state, archived));
            return ApiResponse.message("Member archived successfully");
        });
    }

    /** Only the Owner may change the Owner's profile (an Executive manager gets 403). */
    private void requireOwnerForOwner(long workspaceId, SandboxMember target, long callerId, String action) {
        if (target.role() == Role.OWNER && target.userId() != callerId) {
            throw ApiException.forbidden("Only the workspace owner may " + action + " the owner (workspace "
                    + workspaceId + ")");
        }
    }

    private SandboxUser user(SandboxMember m) {
        return state.user(m.userId()).orElseThrow();
    }

    /** §2 "Rate visibility": {@code rate} appears only for callers whose rate_status is 1. */
    static ObjectNode member(SandboxMember m, SandboxUser u, boolean withRate) {
        ObjectNode n = member(m, u);
        if (!withRate) {
            n.remove("rate");
        }
        return n;
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
        n.put("rate", m.rate());
        n.put("rate_status", m.rateStatus());
        n.put("rate_type", m.rateType());
        n.put("screenshots", m.screenshots());
        n.put("weekly_hours_limit", m.weeklyHoursLimit());
        n.put("is_blocked", m.blocked());
        n.put("created_at", Json.timestamp(m.createdAt()));
        n.put("updated_at", Json.timestamp(m.updatedAt()));
        n.put("deleted_at", Json.timestamp(m.deletedAt()));
        return n;
    }
}
