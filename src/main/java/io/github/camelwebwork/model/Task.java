package io.github.camelwebwork.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A WebWork task (reference §7.5). Dates and time stamps stay strings as the API sends them (house rule H4: the
 * snapshots disagree on their formats); status and priority stay integer codes so an unknown code survives.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "id", "title", "description", "project_id", "owner_id", "creator_id", "parent_id", "status",
        "priority", "start_date", "end_date", "completed_at", "assignees", "has_details", "created_at", "updated_at",
        "deleted_at" })
public class Task extends WebworkModel {

    private Long id;
    private String title;
    private String description;
    private Long projectId;
    private Long ownerId;
    private Long creatorId;
    private Long parentId;
    @Coded(TaskStatus.class)
    private Integer status;
    @Coded(TaskPriority.class)
    private Integer priority;
    private String startDate;
    private String endDate;
    private String completedAt;
    private List<TaskAssignee> assignees = new ArrayList<>();
    private Boolean hasDetails;
    private String createdAt;
    private String updatedAt;
    private String deletedAt;

    public Task() {
    }

    /** A new task with a title, the one required field of a create. */
    public static Task titled(String title) {
        Task task = new Task();
        task.setTitle(title);
        return task;
    }

    @JsonIgnore
    public Optional<TaskStatus> getStatusValue() {
        return TaskStatus.fromCode(status);
    }

    @JsonIgnore
    public Optional<TaskPriority> getPriorityValue() {
        return TaskPriority.fromCode(priority);
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Long getProjectId() {
        return projectId;
    }

    public void setProjectId(Long projectId) {
        this.projectId = projectId;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(Long ownerId) {
        this.ownerId = ownerId;
    }

    public Long getCreatorId() {
        return creatorId;
    }

    public void setCreatorId(Long creatorId) {
        this.creatorId = creatorId;
    }

    public Long getParentId() {
        return parentId;
    }

    public void setParentId(Long parentId) {
        this.parentId = parentId;
    }

    public Integer getStatus() {
        return status;
    }

    public void setStatus(Integer status) {
        this.status = status;
    }

    public void setStatusValue(TaskStatus status) {
        this.status = status == null ? null : status.code();
    }

    public Integer getPriority() {
        return priority;
    }

    public void setPriority(Integer priority) {
        this.priority = priority;
    }

    public void setPriorityValue(TaskPriority priority) {
        this.priority = priority == null ? null : priority.code();
    }

    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }

    public String getEndDate() {
        return endDate;
    }

    public void setEndDate(String endDate) {
        this.endDate = endDate;
    }

    public String getCompletedAt() {
        return completedAt;
    }

    public void setCompletedAt(String completedAt) {
        this.completedAt = completedAt;
    }

    public List<TaskAssignee> getAssignees() {
        return assignees;
    }

    public void setAssignees(List<TaskAssignee> assignees) {
        this.assignees = assignees == null ? new ArrayList<>() : assignees;
    }

    public Boolean getHasDetails() {
        return hasDetails;
    }

    public void setHasDetails(Boolean hasDetails) {
        this.hasDetails = hasDetails;
    }

    public String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }

    public String getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(String updatedAt) {
        this.updatedAt = updatedAt;
    }

    public String getDeletedAt() {
        return deletedAt;
    }

    public void setDeletedAt(String deletedAt) {
        this.deletedAt = deletedAt;
    }

    @Override
    public String toString() {
        return "Task[id=" + id + ", title=" + title + ", status=" + status + ", priority=" + priority + "]";
    }
}
