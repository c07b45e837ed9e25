package io.github.camelwebwork.model;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A time request, i.e. manual time awaiting approval (reference §7.10; fields CONFIRMED for G2). The description is
 * {@code activity_description} in G3 (house rule H3) and {@code notes} in G2: both are kept. {@code id} is a string
 * (H10); {@code start}/{@code end} are ISO date-times. {@code comment} is the rejection reason; {@code updated_by}
 * (who approved or rejected) is not typed by the reference, so it is kept as JSON (an id or a name).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "id", "user_id", "contract_id", "project_id", "task_id", "start", "end", "status",
        "activity_description", "notes", "comment", "updated_by", "created_at", "updated_at" })
public class TimeRequest extends WebworkModel {

    private String id;
    private Long userId;
    private Long contractId;
    private Long projectId;
    private Long taskId;
    private String start;
    private String end;
    private String status;
    private String activityDescription;
    private String notes;
    private String comment;
    private JsonNode updatedBy;
    private String createdAt;
    private String updatedAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public Long getContractId() {
        return contractId;
    }

    public void setContractId(Long contractId) {
        this.contractId = contractId;
    }

    public Long getProjectId() {
        return projectId;
    }

    public void setProjectId(Long projectId) {
        this.projectId = projectId;
    }

    public Long getTaskId() {
        return taskId;
    }

    public void setTaskId(Long taskId) {
        this.taskId = taskId;
    }

    public String getStart() {
        return start;
    }

    public void setStart(String start) {
        this.start = start;
    }

    public String getEnd() {
        return end;
    }

    public void setEnd(String end) {
        this.end = end;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    /** {@link #getStatus()} as a {@link TimeRequestStatus}; empty when absent or not a value this version knows. */
    @JsonIgnore
    public Optional<TimeRequestStatus> getStatusValue() {
        return TimeRequestStatus.fromWire(status);
    }

    public void setStatusValue(TimeRequestStatus status) {
        this.status = status == null ? null : status.wireValue();
    }

    public String getActivityDescription() {
        return activityDescription;
    }

    public void setActivityDescription(String activityDescription) {
        this.activityDescription = activityDescription;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public JsonNode getUpdatedBy() {
        return updatedBy;
    }

    public void setUpdatedBy(JsonNode updatedBy) {
        this.updatedBy = updatedBy;
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

    @Override
    public String toString() {
        return "TimeRequest[id=" + id + ", userId=" + userId + ", start=" + start + ", end=" + end + ", status="
               + status + "]";
    }
}
