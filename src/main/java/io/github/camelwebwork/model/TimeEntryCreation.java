package io.github.camelwebwork.model;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The {@code data} of the {@code POST /time-entries} answer (reference §7.8): what was saved. The answer's top-level
 * {@code saved_minutes} (possibly less than asked because of limits or overlaps) and {@code message} are outside
 * {@code data} and are not part of this model. Fields after {@code method} are INFERRED from the TimeEntry fields
 * (the page lists "..." after it).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "user_id", "contract_id", "project_id", "project_name", "task_id", "task_title",
        "activity_description", "method", "date", "start_time", "end_time", "duration_minutes" })
public class TimeEntryCreation extends WebworkModel {

    private Long userId;
    private Long contractId;
    private Long projectId;
    private String projectName;
    private Long taskId;
    private String taskTitle;
    private String activityDescription;
    private String method;
    private String date;
    private String startTime;
    private String endTime;
    private Integer durationMinutes;

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
        return "TimeEntryCreation[userId=" + userId + ", projectId=" + projectId + ", date=" + date
               + ", durationMinutes=" + durationMinutes + "]";
    }
}
