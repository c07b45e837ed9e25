package io.github.camelwebwork.model;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A time entry (reference §7.8, G3 only). {@code id} is an encrypted UUID string (H10); {@code start_time} and
 * {@code end_time} are ISO date-times in answers but {@code HH:mm} clock times in a create or update, and stay strings.
 * {@code notes} is the request field of a create or update (answers carry {@code activity_description}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "id", "user_id", "contract_id", "project_id", "project_name", "task_id", "task_title",
        "activity_description", "notes", "method", "date", "start_time", "end_time", "duration_minutes" })
public class TimeEntry extends WebworkModel {

    private String id;
    private Long userId;
    private Long contractId;
    private Long projectId;
    private String projectName;
    private Long taskId;
    private String taskTitle;
    private String activityDescription;
    private String notes;
    private String method;
    private String date;
    private String startTime;
    private String endTime;
    private Integer durationMinutes;

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

    public String getProjectName() {
        return projectName;
    }

    public void setProjectName(String projectName) {
        this.projectName = projectName;
    }

    public Long getTaskId() {
        return taskId;
    }

    public void setTaskId(Long taskId) {
        this.taskId = taskId;
    }

    public String getTaskTitle() {
        return taskTitle;
    }

    public void setTaskTitle(String taskTitle) {
        this.taskTitle = taskTitle;
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

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    /** {@link #getMethod()} as a {@link TimeEntryMethod}; empty when absent or not a value this version knows. */
    @JsonIgnore
    public Optional<TimeEntryMethod> getMethodValue() {
        return TimeEntryMethod.fromWire(method);
    }

    public void setMethodValue(TimeEntryMethod method) {
        this.method = method == null ? null : method.wireValue();
    }

    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date;
    }

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    public String getEndTime() {
        return endTime;
    }

    public void setEndTime(String endTime) {
        this.endTime = endTime;
    }

    public Integer getDurationMinutes() {
        return durationMinutes;
    }

    public void setDurationMinutes(Integer durationMinutes) {
        this.durationMinutes = durationMinutes;
    }

    @Override
    public String toString() {
        return "TimeEntry[id=" + id + ", userId=" + userId + ", date=" + date + ", durationMinutes=" + durationMinutes
               + "]";
    }
}
