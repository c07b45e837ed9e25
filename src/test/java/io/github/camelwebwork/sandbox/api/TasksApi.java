package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.camelwebwork.sandbox.Role;
import io.github.camelwebwork.sandbox.SandboxProject;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxTask;
import io.github.camelwebwork.sandbox.TaskAssignment;
import io.github.camelwebwork.sandbox.http.ApiException;
import io.github.camelwebwork.sandbox.http.ApiRequest;
import io.github.camelwebwork.sandbox.http.ApiResponse;
import io.github.camelwebwork.sandbox.http.PageRequest;
import io.github.camelwebwork.sandbox.http.Router;
import io.github.camelwebwork.sandbox.http.Scope;
import io.github.camelwebwork.sandbox.http.Validation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * §7.5 Tasks and "Tasks: wire examples". A non-numeric task id is 404 first; then the order of
 * {@link Access}, with 404 for an unknown project or a task outside the given workspace/project or
 * soft-deleted.
 */
public final class TasksApi {

    private final SandboxState state;
    private final Access access;
    private final WebhookEvents events;

    public TasksApi(SandboxState state, Access access) {
        this(state, access, WebhookEvents.NONE);
    }

    /**
     * Fires task.updated (§8.1) into {@code events} on PUT, and on assign/unassign when the assignees change (the
     * Task's {@code assignees} is part of its data). Create and delete fire nothing: §8.1 knows no such event.
     */
    public TasksApi(SandboxState state, Access access, WebhookEvents events) {
        this.state = state;
        this.access = access;
        this.events = events;
    }

    public void register(Router router) {
        router.add("GET", "/tasks", this::list)
                .add("POST", "/tasks", this::create)
                .add("GET", "/tasks/{taskId}", this::get)
                .add("PUT", "/tasks/{taskId}", this::update)
                .add("DELETE", "/tasks/{taskId}", this::delete)
                .add("GET", "/tasks/{taskId}/assignees", this::assignees)
                .add("POST", "/tasks/{taskId}/assign/{userId}", this::assign)
                .add("DELETE", "/tasks/{taskId}/unassign/{userId}", this::unassign);
    }

    ApiResponse list(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, true);
        Integer status = v.queryChoice(r, "status", SandboxTask.STATUSES);
        Integer priority = v.queryChoice(r, "priority", SandboxTask.PRIORITIES);
        PageRequest page = PageRequest.parse(r, v);
        return inProject(r, scope, v, Access.READERS, "list tasks", project -> {
            v.throwIfInvalid();
            List<SandboxTask> all = state.tasks(project.workspaceId(), project.id());
            List<SandboxTask> tasks = status == null && priority == null ? all : all.stream()
                    .filter(t -> status == null || t.status() == status)
                    .filter(t -> priority == null || t.priority() == priority)
                    .toList();
            return page.respond("Tasks retrieved successfully", tasks, t -> TaskJson.task(t, state));
        });
    }

    ApiResponse create(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, true);
        TaskInput input = TaskInput.parse(r.body(), true, v);
        input.checkDates(null, null, v);
        return inProject(r, scope, v, Access.TASK_EDITORS, "create tasks", project -> {
            input.checkReferences(state, project, null, v);
            v.throwIfInvalid();
            Instant now = state.now();
            SandboxTask.Builder draft = SandboxTask.builder(project.workspaceId(), project.id(), "")
                    .creatorId(r.callerId()).createdAt(now).updatedAt(now);
            input.applyTo(draft, r.callerId(), now);
            return ApiResponse.created("Task created successfully", TaskJson.task(state.addTask(draft), state));
        });
    }

    ApiResponse get(ApiRequest r) {
        long taskId = r.pathId("taskId", "Task");
        Validation v = new Validation();
        return inProject(r, Scope.of(r, v, true), v, Access.READERS, "read tasks", project ->
                ApiResponse.ok("Task retrieved successfully", TaskJson.task(liveTask(project, taskId), state)));
    }

    ApiResponse update(ApiRequest r) {
        long taskId = r.pathId("taskId", "Task");
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, true);
        TaskInput input = TaskInput.parse(r.body(), false, v);
        return inProject(r, scope, v, Access.TASK_EDITORS, "update tasks", project -> {
            SandboxTask task = liveTask(project, taskId);
            input.checkDates(task.startDate(), task.endDate(), v);
            input.checkReferences(state, project, task, v);
            v.throwIfInvalid();
            Instant now = state.now();
            SandboxTask.Builder changed = task.toBuilder().updatedAt(now);
            input.applyTo(changed, r.callerId(), now);
            SandboxTask saved = state.saveTask(changed.build());
            fireUpdated(project, saved);
            return ApiResponse.ok("Task updated successfully", TaskJson.task(saved, state));
        });
    }

    /** Soft delete: the task keeps its data with deleted_at set, and disappears from every read. */
    ApiResponse delete(ApiRequest r) {
        long taskId = r.pathId("taskId", "Task");
        Validation v = new Validation();
        return inProject(r, Scope.of(r, v, true), v, Access.TASK_DELETERS, "delete tasks", project -> {
            Instant now = state.now();
            state.saveTask(liveTask(project, taskId).toBuilder().deletedAt(now).updatedAt(now).build());
            return ApiResponse.message("Task deleted successfully");
        });
    }

    ApiResponse assignees(ApiRequest r) {
        long taskId = r.pathId("taskId", "Task");
        Validation v = new Validation();
        return inProject(r, Scope.of(r, v, true), v, Access.READERS, "read tasks", project -> {
            ArrayNode data = TaskJson.assignees(liveTask(project, taskId), state);
            return ApiResponse.ok("Task assignees retrieved successfully", data);
        });
    }

    /**
     * Assigning a user who is already assigned is idempotent: 200 with the existing assignment (like
     * Laravel's syncWithoutDetaching), so retries are safe. A user who is not a member (or has left) → 404.
     * Assigning does not change the task's updated_at (only PUT does).
     */
    ApiResponse assign(ApiRequest r) {
        long taskId = r.pathId("taskId", "Task");
        long userId = r.pathId("userId", "Member");
        Validation v = new Validation();
        return inProject(r, Scope.of(r, v, true), v, Access.TASK_EDITORS, "assign tasks", project -> {
            SandboxTask task = liveTask(project, taskId);
            state.member(project.workspaceId(), userId).filter(m -> !"left".equals(m.status()))
                    .orElseThrow(() -> ApiException.notFound("Member"));
            Optional<TaskAssignment> existing = assignment(task, userId);
            if (existing.isEmpty()) {
                List<TaskAssignment> assignments = new ArrayList<>(task.assignments());
                assignments.add(TaskAssignment.of(userId, r.callerId()));
                task = state.saveTask(task.toBuilder().assignments(assignments).build());
                fireUpdated(project, task);
            }
            TaskAssignment assignment = assignment(task, userId).orElseThrow();
            return ApiResponse.ok("Task assigned successfully", TaskJson.taskAssignee(assignment, state));
        });
    }

    /** Unassigning a user who is not assigned → 404 "Task assignee not found.". */
    ApiResponse unassign(ApiRequest r) {
        long taskId = r.pathId("taskId", "Task");
        long userId = r.pathId("userId", "Task assignee");
        Validation v = new Validation();
        return inProject(r, Scope.of(r, v, true), v, Access.TASK_EDITORS, "unassign tasks", project -> {
            SandboxTask task = liveTask(project, taskId);
            assignment(task, userId).orElseThrow(() -> ApiException.notFound("Task assignee"));
            List<TaskAssignment> remaining = task.assignments().stream().filter(a -> a.userId() != userId).toList();
            fireUpdated(project, state.saveTask(task.toBuilder().assignments(remaining).build()));
            return ApiResponse.message("Task unassigned successfully");
        });
    }

    /** The Task as GET /tasks/{id} answers (the same for every reader). */
    private void fireUpdated(SandboxProject project, SandboxTask task) {
        events.fire(project.workspaceId(), "task.updated", hook -> TaskJson.task(task, state));
    }

    /** Runs {@code work} atomically in the scope's project (see {@link Access} for the order of answers). */
    private ApiResponse inProject(ApiRequest r, Optional<Scope> scope, Validation v, Set<Role> roles, String action,
                                  Function<SandboxProject, ApiResponse> work) {
        return access.inWorkspace(r, scope, v, roles, action,
                workspace -> work.apply(access.project(workspace, scope.orElseThrow().projectId())));
    }

    private SandboxTask liveTask(SandboxProject project, long taskId) {
        return state.task(taskId)
                .filter(t -> !t.isDeleted() && t.projectId() == project.id())
                .filter(t -> t.workspaceId() == project.workspaceId())
                .orElseThrow(() -> ApiException.notFound("Task"));
    }

    private static Optional<TaskAssignment> assignment(SandboxTask task, long userId) {
        return task.assignments().stream().filter(a -> a.userId() == userId).findFirst();
    }
}
