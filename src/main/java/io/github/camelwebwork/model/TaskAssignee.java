package io.github.camelwebwork.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A member assigned to a task: an element of {@code GET /tasks/{id}/assignees}, of a task's {@code assignees}, and
 * the answer of {@code POST /tasks/{id}/assign/{userId}} (which adds {@code user_id}, {@code task_id},
 * {@code assigner_id}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "id", "firstname", "lastname", "email", "user_id", "task_id", "assigner_id" })
public class TaskAssignee extends WebworkModel {

    private Long id;
    private String firstname;
    private String lastname;
    private String email;
    private Long userId;
    private Long taskId;
    private Long assignerId;

    /**
     * The assigned member's user id: {@code user_id} where the API sends it (the assign answer), else {@code id}
     * (lists of assignees identify the member by {@code id}).
     */
    public Long memberUserId() {
        return userId != null ? userId : id;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getFirstname() {
        return firstname;
    }

    public void setFirstname(String firstname) {
        this.firstname = firstname;
    }

    public String getLastname() {
        return lastname;
    }

    public void setLastname(String lastname) {
        this.lastname = lastname;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public Long getTaskId() {
        return taskId;
    }

    public void setTaskId(Long taskId) {
        this.taskId = taskId;
    }

    public Long getAssignerId() {
        return assignerId;
    }

    public void setAssignerId(Long assignerId) {
        this.assignerId = assignerId;
    }

    @Override
    public String toString() {
        return "TaskAssignee[id=" + id + ", userId=" + userId + ", taskId=" + taskId + ", email=" + email + "]";
    }
}
