package io.github.camelwebwork.operation;

import java.util.List;

import io.github.camelwebwork.model.Task;
import io.github.camelwebwork.model.TaskAssignee;
import io.github.camelwebwork.model.TaskPriority;
import io.github.camelwebwork.model.TaskStatus;
import io.github.camelwebwork.model.WebhookEvent;

/** The Tasks section (reference §7.5 and "Tasks: wire examples"). */
final class TaskOperations {

    static final String RESOURCE = "tasks";

    private static final Field TITLE = Field.text("title").length(1, 1024);
    private static final Field DESCRIPTION = Field.text("description").length(0, 65535).nullable();
    private static final Field STATUS = Field.code("status", TaskStatus.values());
    private static final Field PRIORITY = Field.code("priority", TaskPriority.values());
    private static final Field START_DATE = Field.date("start_date").nullable();
    private static final Field END_DATE = Field.date("end_date").nullable();
    private static final Field ASSIGNEES = Field.integerIds("assignees");
    private static final Field PARENT_ID = Field.integerId("parent_id").nullable();

    private TaskOperations() {
    }

    static List<OperationDef> all() {
        return List.of(
                scoped("list", "GET", "/tasks")
                        .query("status", STATUS)
                        .query("priority", PRIORITY)
                        .paged(HouseRules.MAX_PER_PAGE)
                        .returns(ResultShape.LIST, Task.class)
                        .consumable(ScanPartition.PER_PROJECT)
                        // §8: task.updated is the one task event known; new and deleted tasks are announced by none
                        .announcedBy(new WebhookCoverage(List.of(WebhookEvent.TASK_UPDATED), false))
                        .describedAs("Lists the tasks of a project, walking every page unless a page is given")
                        .build(),
                scoped("get", "GET", "/tasks/{taskId}")
                        .path("taskId", Field.integerId("task_id"))
                        .modelId("taskId")
                        .returns(ResultShape.OBJECT, Task.class)
                        .describedAs("Gets one task")
                        .build(),
                writeFields(scoped("create", "POST", "/tasks"), TITLE.required())
                        .returns(ResultShape.OBJECT, Task.class)
                        .foundBy(CreateLookups.TASK)
                        .commandable()
                        .describedAs("Creates a task")
                        .build(),
                writeFields(scoped("update", "PUT", "/tasks/{taskId}")
                        .path("taskId", Field.integerId("task_id"))
                        .modelId("taskId"), TITLE)
                        .requiresChange()
                        .returns(ResultShape.OBJECT, Task.class)
                        .commandable()
                        .describedAs("Updates the fields given and leaves the others as they are")
                        .build(),
                scoped("delete", "DELETE", "/tasks/{taskId}")
                        .path("taskId", Field.integerId("task_id"))
                        .modelId("taskId")
                        .describedAs("Deletes a task (a soft delete)")
                        .build(),
                scoped("listAssignees", "GET", "/tasks/{taskId}/assignees")
                        .path("taskId", Field.integerId("task_id"))
                        .modelId("taskId")
                        .returns(ResultShape.LIST, TaskAssignee.class)
                        .describedAs("Lists the members assigned to a task")
                        .build(),
                scoped("assign", "POST", "/tasks/{taskId}/assign/{userId}")
                        .path("taskId", Field.integerId("task_id"))
                        .path("userId", Field.integerId("user_id"))
                        .returns(ResultShape.OBJECT, TaskAssignee.class)
                        .repeatable()
                        .describedAs("Assigns a member to a task")
                        .build(),
                scoped("unassign", "DELETE", "/tasks/{taskId}/unassign/{userId}")
                        .path("taskId", Field.integerId("task_id"))
                        .path("userId", Field.integerId("user_id"))
                        .describedAs("Removes a member from a task")
                        .build());
    }

    /** Every task call names its workspace and project (house rule H1 places them). */
    private static OperationDef.Builder scoped(String name, String method, String path) {
        return OperationDef.builder(RESOURCE, name, method, path)
                .scope("workspaceId", Field.integerId("workspace_id"))
                .scope("projectId", Field.integerId("project_id"));
    }

    /** The writable task fields, in the order of the reference's create example. */
    private static OperationDef.Builder writeFields(OperationDef.Builder builder, Field title) {
        return builder
                .body(null, title)
                .body(null, DESCRIPTION)
                .body("status", STATUS)
                .body("priority", PRIORITY)
                .body(null, START_DATE)
                .body(null, END_DATE)
                .body(null, ASSIGNEES)
                .body(null, PARENT_ID)
                .rule(CrossRule.notBefore("start_date", "end_date"));
    }
}
