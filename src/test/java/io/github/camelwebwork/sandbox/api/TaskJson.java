package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxTask;
import io.github.camelwebwork.sandbox.SandboxUser;
import io.github.camelwebwork.sandbox.TaskAssignment;
import io.github.camelwebwork.sandbox.http.Json;

/** Wire shapes of Task, task assignee and TaskAssignee ("Tasks: wire examples", §7.5). */
final class TaskJson {

    private TaskJson() {
    }

    static ObjectNode task(SandboxTask t, SandboxState state) {
        ObjectNode n = Json.object();
        n.put("id", t.id());
        n.put("title", t.title());
        n.put("description", t.description());
        n.put("project_id", t.projectId());
        n.put("owner_id", t.ownerId());
        n.put("creator_id", t.creatorId());
        n.put("status", t.status());
        n.put("priority", t.priority());
        n.put("start_date", Json.date(t.startDate()));
        n.put("end_date", Json.date(t.endDate()));
        n.put("completed_at", Json.timestamp(t.completedAt()));
        n.set("assignees", assignees(t, state));
        n.put("has_details", t.hasDetails());
        n.put("parent_id", t.parentId());
        n.put("created_at", Json.timestamp(t.createdAt()));
        n.put("updated_at", Json.timestamp(t.updatedAt()));
        n.put("deleted_at", Json.timestamp(t.deletedAt()));
        return n;
    }

    /** {@code [{id (the user id), firstname, lastname, email}]}, in assignment order. */
    static ArrayNode assignees(SandboxTask t, SandboxState state) {
        ArrayNode list = Json.array();
        t.assignments().forEach(a -> list.add(assignee(user(a, state))));
        return list;
    }

    /** The TaskAssignee of the assign endpoint: {@code id} is the assignment's own id. */
    static ObjectNode taskAssignee(TaskAssignment a, SandboxState state) {
        SandboxUser user = user(a, state);
        ObjectNode n = Json.object();
        n.put("id", a.id());
        n.put("firstname", user.firstname());
        n.put("lastname", user.lastname());
        n.put("email", user.email());
        n.put("user_id", a.userId());
        n.put("task_id", a.taskId());
        n.put("assigner_id", a.assignerId());
        return n;
    }

    private static ObjectNode assignee(SandboxUser user) {
        ObjectNode n = Json.object();
        n.put("id", user.id());
        n.put("firstname", user.firstname());
        n.put("lastname", user.lastname());
        n.put("email", user.email());
        return n;
    }

    private static SandboxUser user(TaskAssignment a, SandboxState state) {
        return state.user(a.userId()).orElseThrow(() -> new IllegalStateException("unknown user " + a.userId()));
    }
}
