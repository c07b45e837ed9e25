package io.github.camelwebwork.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A task (§7.5), immutable: changes go through {@link #toBuilder()} and {@link SandboxState#saveTask}.
 * Status: 0 Incomplete, 10 Doing, 20 Done, 30 Completed. Priority: 10 Urgent, 20 High, 30 Normal, 40 Low.
 */
public record SandboxTask(long id, long workspaceId, long projectId, String title, String description, long ownerId,
                          long creatorId, int status, int priority, LocalDate startDate, LocalDate endDate,
                          Instant completedAt, List<TaskAssignment> assignments, Long parentId, Instant createdAt,
                          Instant updatedAt, Instant deletedAt) {

    public static final Set<Integer> STATUSES = Set.of(0, 10, 20, 30);
    public static final Set<Integer> PRIORITIES = Set.of(10, 20, 30, 40);
    public static final int DEFAULT_STATUS = 0;
    public static final int DEFAULT_PRIORITY = 30;

    public SandboxTask {
        Objects.requireNonNull(title, "title");
        assignments = List.copyOf(assignments);
    }

    public static Builder builder(long workspaceId, long projectId, String title) {
        return new Builder().workspaceId(workspaceId).projectId(projectId).title(title);
    }

    public static boolean isCompletedStatus(int status) {
        return status == 20 || status == 30;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public List<Long> assigneeIds() {
        return assignments.stream().map(TaskAssignment::userId).toList();
    }

    /** Not stated by the reference; the sandbox's reading: a task "has details" when it has a description. */
    public boolean hasDetails() {
        return description != null && !description.isBlank();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id; b.workspaceId = workspaceId; b.projectId = projectId; b.title = title;
        b.description = description; b.ownerId = ownerId; b.creatorId = creatorId; b.status = status;
        b.priority = priority; b.startDate = startDate; b.endDate = endDate; b.completedAt = completedAt;
        b.assignments = new ArrayList<>(assignments); b.parentId = parentId; b.createdAt = createdAt;
        b.updatedAt = updatedAt; b.deletedAt = deletedAt;
        return b;
    }

    /**
     * Mutable draft of a task. Left at 0/null, {@code id}, {@code ownerId} (workspace owner),
     * {@code creatorId} (owner), timestamps (now) and assignment ids are filled in by the state.
     */
    public static final class Builder {
        private long id;
        private long workspaceId;
        private long projectId;
        private String title;
        private String description;
        private long ownerId;
        private long creatorId;
        private int status = DEFAULT_STATUS;
        private int priority = DEFAULT_PRIORITY;
        private LocalDate startDate;
        private LocalDate endDate;
        private Instant completedAt;
        private List<TaskAssignment> assignments = new ArrayList<>();
        private Long parentId;
        private Instant createdAt;
        private Instant updatedAt;
        private Instant deletedAt;

        public Builder id(long v) { id = v; return this; }
        public Builder workspaceId(long v) { workspaceId = v; return this; }
        public Builder projectId(long v) { projectId = v; return this; }
        public Builder title(String v) { title = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder ownerId(long v) { ownerId = v; return this; }
        public Builder creatorId(long v) { creatorId = v; return this; }
        public Builder status(int v) { status = v; return this; }
        public Builder priority(int v) { priority = v; return this; }
        public Builder startDate(LocalDate v) { startDate = v; return this; }
        public Builder endDate(LocalDate v) { endDate = v; return this; }
        public Builder completedAt(Instant v) { completedAt = v; return this; }
        public Builder assignments(List<TaskAssignment> v) { assignments = new ArrayList<>(v); return this; }
        public Builder parentId(Long v) { parentId = v; return this; }
        public Builder createdAt(Instant v) { createdAt = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }
        public Builder deletedAt(Instant v) { deletedAt = v; return this; }

        /** Assigns these users (assigner: the creator), replacing earlier assignments. */
        public Builder assignees(long... userIds) {
            assignments = new ArrayList<>();
            for (long userId : userIds) {
                assignments.add(TaskAssignment.of(userId, 0));
            }
            return this;
        }

        public Builder startDate(String isoDate) { return startDate(parseDate(isoDate)); }
        public Builder endDate(String isoDate) { return endDate(parseDate(isoDate)); }

        public long id() { return id; }
        public long workspaceId() { return workspaceId; }
        public long projectId() { return projectId; }
        public int status() { return status; }
        public Instant completedAt() { return completedAt; }
        public LocalDate startDate() { return startDate; }
        public LocalDate endDate() { return endDate; }
        public List<TaskAssignment> assignments() { return assignments; }

        private static LocalDate parseDate(String isoDate) {
            return isoDate == null ? null : LocalDate.parse(isoDate);
        }

        public SandboxTask build() {
            return new SandboxTask(id, workspaceId, projectId, title, description, ownerId, creatorId, status,
                    priority, startDate, endDate, completedAt, assignments, parentId, createdAt, updatedAt, deletedAt);
        }
    }
}
