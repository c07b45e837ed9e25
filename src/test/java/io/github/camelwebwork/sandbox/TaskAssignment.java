package io.github.camelwebwork.sandbox;

/**
 * One user assigned to one task (the TaskAssignee of the reference). {@code id} and {@code taskId} 0 mean
 * "not stored yet": the state fills them in when the task is saved.
 */
public record TaskAssignment(long id, long taskId, long userId, long assignerId) {

    public static TaskAssignment of(long userId, long assignerId) {
        return new TaskAssignment(0, 0, userId, assignerId);
    }
}
