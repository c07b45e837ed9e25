package io.github.camelwebwork.operations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelwebwork.client.WebworkNotFoundException;
import io.github.camelwebwork.model.Member;
import io.github.camelwebwork.model.MemberInvitation;
import io.github.camelwebwork.model.MemberRole;
import io.github.camelwebwork.model.Project;
import io.github.camelwebwork.model.ProjectViewer;
import io.github.camelwebwork.model.ViewerProject;
import io.github.camelwebwork.model.Workspace;
import io.github.camelwebwork.support.SandboxTestSupport;
import io.github.camelwebwork.support.Wire;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Workspaces, members, projects and project viewers against the sandbox: wire form, typed result, state. */
class DirectoryOperationsTest extends SandboxTestSupport {

    @SuppressWarnings("unchecked")
    private <T> List<T> list(String uri) {
        return template.requestBody(uri, null, List.class);
    }

    @Test
    void workspacesList() {
        List<Workspace> workspaces = list("webwork:workspaces?operation=list");

        Wire.get(onlyRequest(), "/workspaces", "page=1&per_page=100");
        assertThat(workspaces).extracting(Workspace::getId).contains(1L, 2L);
        assertThat(workspaces).filteredOn(w -> w.getId() == 1L).singleElement()
                .satisfies(w -> assertThat(w.getWorkspaceName()).isEqualTo("Acme Studio"));
    }

    @Test
    void membersListFiltersByRole() {
        List<Member> members = list("webwork:members?operation=list&workspaceId=1&role=Regular User");

        Wire.get(onlyRequest(), "/members", "workspace_id=1&role=Regular%20User&page=1&per_page=100");
        assertThat(members).isNotEmpty()
                .allSatisfy(m -> assertThat(m.getCurrentRoleValue()).contains(MemberRole.REGULAR_USER));
    }

    @Test
    void memberGetCreateUpdateDelete() {
        Member rita = template.requestBody("webwork:members?operation=get&workspaceId=1&memberId=103", null,
                Member.class);
        Wire.get(onlyRequest(), "/members/103", "workspace_id=1");
        assertThat(rita.getEmail()).isEqualTo("rita@acme.example");
        sandbox.clearRequests();

        Map<String, Object> invite = new LinkedHashMap<>();
        invite.put("lastname", "Person");
        invite.put("firstname", "New");
        MemberInvitation invitation = template.requestBody(
                "webwork:members?operation=create&workspaceId=1&email=new.person@acme.example&role=Regular User",
                invite, MemberInvitation.class);
        Wire.write(onlyRequest(), "POST", "/members", "{\"workspace_id\":1,\"email\":\"new.person@acme.example\","
                                                    + "\"firstname\":\"New\",\"lastname\":\"Person\",\"role\":\"Regular User\"}");
        assertThat(invitation.getUserId()).isNotNull();
        assertThat(invitation.getInvitationLink()).isNotBlank();
        sandbox.clearRequests();

        template.requestBody("webwork:members?operation=update&workspaceId=1&memberId=103",
                Map.of("timezone", "Europe/Paris"));
        Wire.write(onlyRequest(), "PUT", "/members/103", "{\"workspace_id\":1,\"timezone\":\"Europe/Paris\"}");
        assertThat(template.requestBody("webwork:members?operation=get&workspaceId=1&memberId=103", null,
                Member.class).getTimezone()).isEqualTo("Europe/Paris");
        sandbox.clearRequests();

        template.requestBody("webwork:members?operation=delete&workspaceId=1&memberId=104", (Object) null);
        Wire.write(onlyRequest(), "DELETE", "/members/104", "{\"workspace_id\":1}");
        List<Member> active = list("webwork:members?operation=list&workspaceId=1&status=active");
        assertThat(active).extracting(Member::getId).doesNotContain(104L).contains(103L);
    }

    @Test
    void projectsLifecycle() {
        List<Project> found = list("webwork:projects?operation=list&workspaceId=1&name=mobile");
        Wire.get(onlyRequest(), "/projects", "workspace_id=1&name=mobile&page=1&per_page=100");
        assertThat(found).extracting(Project::getName).containsExactly("Mobile App");
        sandbox.clearRequests();

        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("budget", 18000);
        fields.put("estimation", 320.5);
        fields.put("deadline", "2024-09-30");
        fields.put("start_date", "2024-04-01");
        Project created = template.requestBody("webwork:projects?operation=create&workspaceId=1&name=Data Platform",
                fields, Project.class);
        Wire.write(onlyRequest(), "POST", "/projects", "{\"workspace_id\":1,\"name\":\"Data Platform\","
                                                     + "\"start_date\":\"2024-04-01\",\"deadline\":\"2024-09-30\","
                                                     + "\"estimation\":320.5,\"budget\":18000}");
        assertThat(created.getId()).isNotNull();
        assertThat(created.getName()).isEqualTo("Data Platform");
        assertThat(created.getBudgetEstimation()).isEqualByComparingTo("18000");
        sandbox.clearRequests();

        template.requestBody("webwork:projects?operation=update&workspaceId=1&projectId=" + created.getId(),
                Map.of("deadline", "2024-10-31"));
        Wire.write(onlyRequest(), "PUT", "/projects/" + created.getId(),
                "{\"workspace_id\":1,\"deadline\":\"2024-10-31\"}");
        Project fetched = template.requestBody("webwork:projects?operation=get&workspaceId=1&projectId="
                                               + created.getId(), null, Project.class);
        assertThat(fetched.getDeadline()).startsWith("2024-10-31");
        sandbox.clearRequests();

        template.requestBody("webwork:projects?operation=delete&workspaceId=1&projectId=" + created.getId(), (Object) null);
        Wire.write(onlyRequest(), "DELETE", "/projects/" + created.getId(), "{\"workspace_id\":1}");
        CamelExecutionException gone = catchThrowableOfType(CamelExecutionException.class,
                () -> template.requestBody("webwork:projects?operation=get&workspaceId=1&projectId="
                                           + created.getId(), (Object) null));
        assertThat(gone.getCause()).isInstanceOf(WebworkNotFoundException.class);
    }

    @Test
    void projectViewersLifecycle() {
        ProjectViewer created = template.requestBody("webwork:project-viewers?operation=create&workspaceId=1",
                Map.of("email", "client@bigco.example", "firstname", "Cora", "lastname", "Client"),
                ProjectViewer.class);
        Wire.write(onlyRequest(), "POST", "/project-viewers", "{\"workspace_id\":1,\"email\":\"client@bigco.example\","
                                                            + "\"firstname\":\"Cora\",\"lastname\":\"Client\"}");
        assertThat(created).isNotNull();
        long viewer = created.getId();
        String uri = "webwork:project-viewers?workspaceId=1&viewerId=" + viewer + "&operation=";
        sandbox.clearRequests();

        template.requestBody(uri + "assignProject&projectId=101", (Object) null);
        Wire.write(onlyRequest(), "POST", "/project-viewers/" + viewer + "/assign-project",
                "{\"workspace_id\":1,\"project_id\":101}");
        ProjectViewer withProject = template.requestBody(uri + "get", null, ProjectViewer.class);
        assertThat(withProject.getProjects()).extracting(ViewerProject::getProjectId).containsExactly(101L);
        sandbox.clearRequests();

        template.requestBody(uri + "unassignProject&projectId=101", (Object) null);
        Wire.write(onlyRequest(), "DELETE", "/project-viewers/" + viewer + "/unassign-project",
                "{\"workspace_id\":1,\"project_id\":101}");
        assertThat(template.requestBody(uri + "get", null, ProjectViewer.class).getProjects()).isEmpty();
        sandbox.clearRequests();

        template.requestBody(uri + "delete", (Object) null);
        Wire.write(onlyRequest(), "DELETE", "/project-viewers/" + viewer, "{\"workspace_id\":1}");
        sandbox.clearRequests();

        template.requestBody(uri + "restore", (Object) null);
        Wire.write(onlyRequest(), "POST", "/project-viewers/" + viewer + "/restore", "{\"workspace_id\":1}");
        sandbox.clearRequests();

        List<ProjectViewer> viewers = list("webwork:project-viewers?operation=list&workspaceId=1"
                                           + "&email=client@bigco.example");
        Wire.get(onlyRequest(), "/project-viewers", "workspace_id=1&email=client%40bigco.example&page=1&per_page=100");
        assertThat(viewers).extracting(ProjectViewer::getId).containsExactly(viewer);
    }
}
