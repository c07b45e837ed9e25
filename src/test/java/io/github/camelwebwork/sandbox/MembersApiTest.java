package io.github.camelwebwork.sandbox;

import static io.github.camelwebwork.sandbox.SandboxConventionsTest.assertError;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.TIMESTAMP;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.assertSuccess;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.fieldNames;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.sandbox.SandboxClient.Reply;
import io.github.camelwebwork.support.SandboxExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** §7.2 Members: invite, get, update, archive, and the list's filters and pagination. */
class MembersApiTest {

    static final List<String> MEMBER_FIELDS = List.of("id", "email", "firstname", "lastname", "avatar",
            "current_role", "timezone", "status", "team_name", "title", "rate", "rate_status", "rate_type",
            "screenshots", "weekly_hours_limit", "is_blocked", "created_at", "updated_at", "deleted_at");
    private static final String EXEC_TOKEN = "exec-token";
    private static final String PM_TOKEN = "pm-token";
    private static final String INVITE = "{\"workspace_id\":1,\"email\":\"nina@acme.example\",\"firstname\":\"Nina\","
            + "\"lastname\":\"New\",\"role\":\"Regular User\"}";

    @RegisterExtension
    final SandboxExtension sandbox = SandboxExtension.of(
            WebworkSandbox.builder().addToken(EXEC_TOKEN, 101).addToken(PM_TOKEN, 102));
    private final SandboxClient client = new SandboxClient(sandbox);

    @Test
    void getsAMemberWithEveryField() {
        Reply reply = client.get("/members/103?workspace_id=1");

        assertSuccess(reply, 200, "Member retrieved successfully");
        JsonNode m = reply.data();
        assertThat(fieldNames(m)).containsExactlyInAnyOrderElementsOf(MEMBER_FIELDS);
        assertThat(m.path("current_role").asText()).isEqualTo("Regular User");
        assertThat(m.path("timezone").asText()).isEqualTo("America/New_York");
        assertThat(m.path("rate_status").asInt()).isZero();
        assertThat(m.path("weekly_hours_limit").asInt()).isEqualTo(168);
        assertThat(m.path("is_blocked").asBoolean()).isFalse();
        assertThat(m.path("created_at").asText()).isEqualTo("2023-11-13T09:00:00.000000Z");
        assertThat(m.get("deleted_at").isNull()).isTrue();
    }

    @Test
    void hidesRatesFromCallersWhoMayNotSeeThem() {
        assertThat(client.get("/members/103?workspace_id=1").data().has("rate")).isTrue();
        Reply regular = client.get("/members/103?workspace_id=1", WebworkSandbox.REGULAR_USER_TOKEN);
        assertThat(regular.data().has("rate")).isFalse(); // §2: rate_status 0
        assertThat(regular.data().has("rate_status")).isTrue();
    }

    @Test
    void invitesAMemberWhoStaysInactiveUntilAccepting() {
        long nextId = sandbox.get().state().users().stream().mapToLong(SandboxUser::id).max().orElseThrow() + 1;
        Reply reply = client.send("POST", "/members", INVITE);

        assertSuccess(reply, 200, "Member invited successfully");
        long userId = reply.data().path("user_id").asLong();
        assertThat(userId).isEqualTo(nextId);
        assertThat(reply.data().path("invitation_link").asText()).startsWith("https://");
        Reply invited = client.get("/members/" + userId + "?workspace_id=1");
        assertThat(invited.data().path("status").asText()).isEqualTo("inactive");
        assertThat(invited.data().path("email").asText()).isEqualTo("nina@acme.example");
        assertThat(invited.data().path("current_role").asText()).isEqualTo("Regular User");
        assertThat(ids(client.get("/members?workspace_id=1&status=inactive").data())).containsExactly(userId);

        sandbox.get().state().acceptInvitation(1, userId);
        assertThat(client.get("/members/" + userId + "?workspace_id=1").data().path("status").asText())
                .isEqualTo("active");
    }

    @Test
    void invitingATakenAddressIs422ButALeftMemberCanBeInvitedAgain() {
        Reply taken = client.send("POST", "/members", INVITE.replace("nina@acme.example", "RITA@acme.example"));
        assertError(taken, 422, "The given data was invalid.");
        assertThat(taken.errors().path("email").get(0).asText()).isEqualTo("The email has already been taken.");

        Reply again = client.send("POST", "/members", INVITE.replace("nina@acme.example", "leo@acme.example")
                .replace("Regular User", "Team manager"));
        assertSuccess(again, 200, "Member invited successfully");
        assertThat(again.data().path("user_id").asLong()).isEqualTo(106);
        JsonNode leo = client.get("/members/106?workspace_id=1").data();
        assertThat(leo.path("status").asText()).isEqualTo("inactive");
        assertThat(leo.path("current_role").asText()).isEqualTo("Team manager");
    }

    @Test
    void invitingAMemberOfAnotherWorkspaceReusesTheUser() {
        Reply reply = client.send("POST", "/members", "{\"workspace_id\":2,\"email\":\"priya@acme.example\","
                + "\"firstname\":\"P\",\"lastname\":\"M\",\"role\":\"Project manager\"}");

        assertSuccess(reply, 200, "Member invited successfully");
        assertThat(reply.data().path("user_id").asLong()).isEqualTo(102);
        assertThat(client.get("/members/102?workspace_id=2").data().path("firstname").asText()).isEqualTo("Priya");
    }

    @Test
    void invitationListsEveryFieldError() {
        Reply reply = client.send("POST", "/members", "{\"workspace_id\":1,\"email\":\"not-an-email\",\"lastname\":"
                + "\"\",\"role\":\"Owner\"}");

        assertError(reply, 422, "The given data was invalid.");
        assertThat(fieldNames(reply.errors())).containsExactlyInAnyOrder("email", "firstname", "lastname", "role");
        assertThat(reply.errors().path("email").get(0).asText()).isEqualTo("The email must be a valid email address.");
        assertThat(reply.errors().path("firstname").get(0).asText()).isEqualTo("The firstname field is required.");
        assertThat(reply.errors().path("role").get(0).asText()).isEqualTo("The selected role is invalid.");
    }

    @Test
    void onlyOwnersAndExecutiveManagersInvite() {
        assertError(client.send("POST", "/members", INVITE, PM_TOKEN, SandboxClient.JSON), 403, null);
        assertSuccess(client.send("POST", "/members", INVITE, EXEC_TOKEN, SandboxClient.JSON), 200,
                "Member invited successfully");
    }

    @Test
    void workspaceIdInTheQueryOfAWriteIs422() {
        Reply invite = client.send("POST", "/members?workspace_id=1", INVITE.replace("\"workspace_id\":1,", ""));
        assertError(invite, 422, null);
        assertThat(invite.errors().has("workspace_id")).isTrue();
        assertThat(invite.json().path("error").asText()).contains("H1");
        assertError(client.send("PUT", "/members/103?workspace_id=1", "{\"title\":\"x\"}"), 422, null);
        assertError(client.send("DELETE", "/members/103?workspace_id=1", null, sandbox.get().token(), null), 422, null);
        assertThat(sandbox.get().state().member(1, 103).orElseThrow().status()).isEqualTo("active");
    }

    @Test
    void updatesProfileRoleAndSettings() {
        Reply reply = client.send("PUT", "/members/103", "{\"workspace_id\":1,\"email\":\"rita.r@acme.example\","
                + "\"firstname\":\"Rita\",\"lastname\":\"Rivera\",\"timezone\":\"Europe/Paris\","
                + "\"role\":\"Team manager\",\"rate_status\":1,\"weekly_hours_limit\":40,\"remove_avatar\":1}");

        assertSuccess(reply, 200, "Member updated successfully");
        JsonNode m = reply.data();
        assertThat(fieldNames(m)).containsExactlyInAnyOrderElementsOf(MEMBER_FIELDS);
        assertThat(m.path("email").asText()).isEqualTo("rita.r@acme.example");
        assertThat(m.path("lastname").asText()).isEqualTo("Rivera");
        assertThat(m.path("timezone").asText()).isEqualTo("Europe/Paris");
        assertThat(m.path("current_role").asText()).isEqualTo("Team manager");
        assertThat(m.path("rate_status").asInt()).isEqualTo(1);
        assertThat(m.path("weekly_hours_limit").asInt()).isEqualTo(40);
        assertThat(m.get("avatar").isNull()).isTrue();
        assertThat(m.path("updated_at").asText()).matches(TIMESTAMP).isNotEqualTo(m.path("created_at").asText());
        assertThat(client.get("/members/103?workspace_id=1").data()).isEqualTo(m);
        // rate_status 1 now lets Rita see rates
        assertThat(client.get("/members/101?workspace_id=1", WebworkSandbox.REGULAR_USER_TOKEN).data().has("rate"))
                .isTrue();
    }

    @Test
    void updateKeepsFieldsThatAreNotSent() {
        Reply reply = client.send("PUT", "/members/104",
                "{\"workspace_id\":1,\"title\":\"ignored\",\"rate_status\":1}");

        assertSuccess(reply, 200, "Member updated successfully");
        assertThat(reply.data().path("email").asText()).isEqualTo("tom@acme.example");
        assertThat(reply.data().path("current_role").asText()).isEqualTo("Team manager");
        assertThat(reply.data().path("title").asText()).isEqualTo("Mobile Lead");
    }

    @Test
    void updateListsEveryFieldError() {
        Reply reply = client.send("PUT", "/members/103", "{\"workspace_id\":1,\"email\":\"priya@acme.example\","
                + "\"firstname\":\"\",\"timezone\":\"Mars/Olympus\",\"role\":\"Owner\",\"rate_status\":2,"
                + "\"weekly_hours_limit\":500,\"remove_avatar\":\"yes\"}");

        assertError(reply, 422, "The given data was invalid.");
        assertThat(fieldNames(reply.errors())).containsExactlyInAnyOrder("email", "firstname", "timezone", "role",
                "rate_status", "weekly_hours_limit", "remove_avatar");
        assertThat(reply.errors().path("email").get(0).asText()).isEqualTo("The email has already been taken.");
        assertThat(reply.errors().path("weekly_hours_limit").get(0).asText())
                .isEqualTo("The weekly hours limit must be between 0 and 168.");
        assertThat(sandbox.get().state().user(103).orElseThrow().email()).isEqualTo("rita@acme.example");
    }

    @Test
    void theOwnersRoleCannotChangeAndOnlyTheOwnerEditsTheOwner() {
        Reply role = client.send("PUT", "/members/100", "{\"workspace_id\":1,\"role\":\"Regular User\"}");
        assertError(role, 422, null);
        assertThat(role.errors().path("role").get(0).asText())
                .isEqualTo("The role of the workspace owner cannot be changed.");
        assertSuccess(client.send("PUT", "/members/100", "{\"workspace_id\":1,\"timezone\":\"UTC\"}"), 200,
                "Member updated successfully");
        assertError(client.send("PUT", "/members/100", "{\"workspace_id\":1,\"timezone\":\"UTC\"}", EXEC_TOKEN,
                SandboxClient.JSON), 403, null);
        assertError(client.send("PUT", "/members/103", "{\"workspace_id\":1,\"rate_status\":1}", PM_TOKEN,
                SandboxClient.JSON), 403, null);
    }

    @Test
    void archivesAMember() {
        Reply reply = client.send("DELETE", "/members/103", "{\"workspace_id\":1}");

        assertSuccess(reply, 200, "Member archived successfully");
        assertThat(reply.data().isNull()).isTrue();
        JsonNode rita = client.get("/members/103?workspace_id=1").data();
        assertThat(rita.path("status").asText()).isEqualTo("left");
        assertThat(rita.path("deleted_at").asText()).matches(TIMESTAMP);
        assertThat(ids(client.get("/members?workspace_id=1&status=left").data())).containsExactly(103L, 106L);
        // an archived member's own token no longer works in that workspace
        assertError(client.get("/members?workspace_id=1", WebworkSandbox.REGULAR_USER_TOKEN), 403, null);

        assertError(client.send("DELETE", "/members/103", "{\"workspace_id\":1}"), 400, null);
    }

    @Test
    void archiveRefusesTheOwnerAndYourself() {
        assertError(client.send("DELETE", "/members/100", "{\"workspace_id\":1}"), 400, null);
        assertError(client.send("DELETE", "/members/101", "{\"workspace_id\":1}", EXEC_TOKEN, SandboxClient.JSON),
                400, null);
        assertError(client.send("DELETE", "/members/103", "{\"workspace_id\":1}", PM_TOKEN, SandboxClient.JSON),
                403, null);
        assertThat(sandbox.get().state().member(1, 101).orElseThrow().isActive()).isTrue();
    }

    @Test
    void unknownMembersAre404() {
        assertError(client.get("/members/999?workspace_id=1"), 404, "Member not found.");
        assertError(client.send("PUT", "/members/110", "{\"workspace_id\":1,\"title\":\"x\"}"), 404,
                "Member not found.");
        assertError(client.send("DELETE", "/members/abc", "{\"workspace_id\":1}"), 404, "Member not found.");
        assertError(client.send("DELETE", "/members/103", "{\"workspace_id\":99}"), 404, "Workspace not found.");
    }

    @Test
    void paginatesAndCapsPerPage() {
        Reply page = client.get("/members?workspace_id=1&per_page=3&page=3");

        assertSuccess(page, 200, "Members retrieved successfully");
        assertThat(ids(page.data())).containsExactly(106L);
        JsonNode p = page.pagination();
        assertThat(p.path("total").asInt()).isEqualTo(7);
        assertThat(p.path("per_page").asInt()).isEqualTo(3);
        assertThat(p.path("current_page").asInt()).isEqualTo(3);
        assertThat(p.path("last_page").asInt()).isEqualTo(3);
        assertThat(p.path("from").asInt()).isEqualTo(7);
        assertThat(p.path("to").asInt()).isEqualTo(7);
        Reply tooMany = client.get("/members?workspace_id=1&per_page=101&status=gone");
        assertError(tooMany, 422, null);
        assertThat(fieldNames(tooMany.errors())).containsExactlyInAnyOrder("per_page", "status");
    }
}
