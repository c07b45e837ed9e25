package io.github.camelwebwork.operation;

import java.util.List;

import io.github.camelwebwork.model.Member;
import io.github.camelwebwork.model.MemberInvitation;
import io.github.camelwebwork.model.MemberRole;
import io.github.camelwebwork.model.MemberStatus;
import io.github.camelwebwork.model.Project;
import io.github.camelwebwork.model.ProjectViewer;
import io.github.camelwebwork.model.RateStatus;
import io.github.camelwebwork.model.WebhookEvent;
import io.github.camelwebwork.model.Workspace;

import static io.github.camelwebwork.operation.Sections.PROJECT_ID;
import static io.github.camelwebwork.operation.Sections.inWorkspace;

/** Workspaces (§7.1), Members (§7.2), Projects (§7.3) and Project Viewers (§7.6). */
final class DirectoryOperations {

    /** §7.2: the roles an invitation or update may give (not Owner, nor Client). */
    private static final List<String> ASSIGNABLE_ROLES = List.of("Regular User", "Project manager", "Team manager",
            "Executive manager", "Project viewer");

    private static final Field MEMBER_ID = Field.integerId("member_id");
    private static final Field VIEWER_ID = Field.integerId("viewer_id");
    private static final Field NAME = Field.text("name").length(1, 255);
    private static final Field FIRSTNAME = Field.text("firstname").length(1, 255);
    private static final Field LASTNAME = Field.text("lastname").length(1, 255);
    private static final Field EMAIL = Field.email("email");

    private DirectoryOperations() {
    }

    static List<OperationDef> all() {
        return List.of(
                OperationDef.builder("workspaces", "list", "GET", "/workspaces")
                        .paged(HouseRules.MAX_PER_PAGE)
                        .returns(ResultShape.LIST, Workspace.class)
                        .describedAs("Lists the active workspaces of the token's user")
                        .build(),

                inWorkspace("members", "list", "GET", "/members")
                        .query("email", EMAIL)
                        .query("status", Field.choice("status", MemberStatus.values()))
                        .query("role", Field.choice("role", MemberRole.values()))
                        .paged(HouseRules.MAX_PER_PAGE)
                        .returns(ResultShape.LIST, Member.class)
                        .consumable(ScanPartition.WHOLE)
                        .announcedBy(new WebhookCoverage(List.of(WebhookEvent.MEMBER_INVITED,
                                WebhookEvent.MEMBER_UPDATED, WebhookEvent.MEMBER_DELETED,
                                WebhookEvent.MEMBER_ACTIVATED, WebhookEvent.MEMBER_ARCHIVED), true))
                        .describedAs("Lists the members of a workspace")
                        .build(),
                inWorkspace("members", "get", "GET", "/members/{memberId}")
                        .path("memberId", MEMBER_ID).modelId("memberId")
                        .returns(ResultShape.OBJECT, Member.class)
                        .describedAs("Gets one member")
                        .build(),
                inWorkspace("members", "create", "POST", "/members")
                        .body("email", EMAIL.required())
                        .body(null, FIRSTNAME.required())
                        .body(null, LASTNAME.required())
                        .body("role", Field.choice("role", ASSIGNABLE_ROLES).required())
                        .returns(ResultShape.OBJECT, MemberInvitation.class)
                        .foundBy(CreateLookups.MEMBER)
                        .describedAs("Invites a member by e-mail")
                        .build(),
                inWorkspace("members", "update", "PUT", "/members/{memberId}")
                        .path("memberId", MEMBER_ID).modelId("memberId")
                        .body("email", EMAIL)
                        .body(null, FIRSTNAME)
                        .body(null, LASTNAME)
                        .body(null, Field.text("timezone").length(1, 64))
                        .body("role", Field.choice("role", ASSIGNABLE_ROLES))
                        .body(null, Field.code("rate_status", RateStatus.values()))
                        .body(null, Field.integer("weekly_hours_limit").range(0, 168))
                        .body(null, Field.integer("remove_avatar").range(0, 1))
                        .requiresChange()
                        .returns(ResultShape.OPTIONAL_OBJECT, Member.class)
                        .describedAs("Updates a member's profile, role and limits")
                        .build(),
                inWorkspace("members", "delete", "DELETE", "/members/{memberId}")
                        .path("memberId", MEMBER_ID).modelId("memberId")
                        .describedAs("Archives a member")
                        .build(),

                inWorkspace("projects", "list", "GET", "/projects")
                        .query("name", Field.text("name"))
                        .paged(HouseRules.MAX_PER_PAGE)
                        .returns(ResultShape.LIST, Project.class)
                        .consumable(ScanPartition.WHOLE)
                        .announcedBy(new WebhookCoverage(List.of(WebhookEvent.PROJECT_CREATED,
                                WebhookEvent.PROJECT_UPDATED, WebhookEvent.PROJECT_DELETED), true))
                        .describedAs("Lists projects, optionally by a part of the name")
                        .build(),
                inWorkspace("projects", "get", "GET", "/projects/{projectId}")
                        .path("projectId", PROJECT_ID).modelId("projectId")
                        .returns(ResultShape.OBJECT, Project.class)
                        .describedAs("Gets one project")
                        .build(),
                projectFields(inWorkspace("projects", "create", "POST", "/projects"), NAME.required())
                        .returns(ResultShape.OBJECT, Project.class)
                        .foundBy(CreateLookups.PROJECT)
                        .describedAs("Creates a project")
                        .build(),
                projectFields(inWorkspace("projects", "update", "PUT", "/projects/{projectId}")
                        .path("projectId", PROJECT_ID).modelId("projectId"), NAME)
                        .requiresChange()
                        .returns(ResultShape.OPTIONAL_OBJECT, Project.class)
                        .describedAs("Updates a project")
                        .build(),
                inWorkspace("projects", "delete", "DELETE", "/projects/{projectId}")
                        .path("projectId", PROJECT_ID).modelId("projectId")
                        .describedAs("Archives a project")
                        .build(),

                inWorkspace("project-viewers", "list", "GET", "/project-viewers")
                        .query("email", EMAIL)
                        .paged(HouseRules.MAX_PER_PAGE)
                        .returns(ResultShape.LIST, ProjectViewer.class)
                        .consumable(ScanPartition.WHOLE)
                        .describedAs("Lists project viewers (clients with read-only access)")
                        .build(),
                inWorkspace("project-viewers", "get", "GET", "/project-viewers/{viewerId}")
                        .path("viewerId", VIEWER_ID).modelId("viewerId")
                        .returns(ResultShape.OBJECT, ProjectViewer.class)
                        .describedAs("Gets one project viewer")
                        .build(),
                inWorkspace("project-viewers", "create", "POST", "/project-viewers")
                        .body("email", EMAIL.required())
                        .body(null, FIRSTNAME.required())
                        .body(null, LASTNAME.required())
                        .returns(ResultShape.OPTIONAL_OBJECT, ProjectViewer.class)
                        .foundBy(CreateLookups.PROJECT_VIEWER)
                        .describedAs("Invites a project viewer by e-mail")
                        .build(),
                inWorkspace("project-viewers", "delete", "DELETE", "/project-viewers/{viewerId}")
                        .path("viewerId", VIEWER_ID).modelId("viewerId")
                        .describedAs("Archives a project viewer (restore brings them back)")
                        .build(),
                inWorkspace("project-viewers", "restore", "POST", "/project-viewers/{viewerId}/restore")
                        .path("viewerId", VIEWER_ID).modelId("viewerId")
                        .repeatable()
                        .describedAs("Restores an archived project viewer")
                        .build(),
                inWorkspace("project-viewers", "assignProject", "POST", "/project-viewers/{viewerId}/assign-project")
                        .path("viewerId", VIEWER_ID)
                        .body("projectId", PROJECT_ID.required())
                        .repeatable()
                        .describedAs("Gives a viewer access to a project")
                        .build(),
                inWorkspace("project-viewers", "unassignProject", "DELETE",
                        "/project-viewers/{viewerId}/unassign-project")
                        .path("viewerId", VIEWER_ID)
                        .body("projectId", PROJECT_ID.required())
                        .describedAs("Removes a viewer's access to a project")
                        .build());
    }

    /** §7.3: the writable project fields, in the reference's order. */
    private static OperationDef.Builder projectFields(OperationDef.Builder builder, Field name) {
        return builder
                .body("name", name)
                .body("startDate", Sections.START_DATE.nullable())
                .body(null, Field.date("deadline").nullable())
                .body(null, Field.number("estimation").atLeast(0).nullable())
                .body(null, Field.number("budget").atLeast(0).nullable())
                .body(null, Field.text("notes").length(0, 65535).nullable())
                .body(null, Field.text("icon").length(0, 255).nullable())
                .rule(CrossRule.notBefore("start_date", "deadline"));
    }
}
