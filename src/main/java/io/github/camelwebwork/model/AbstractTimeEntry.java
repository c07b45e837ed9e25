package io.github.camelwebwork.model;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The fields a time entry and the {@code data} of a time-entry create answer share (reference §7.8). Each subclass
 * names its wire form (naming and property order); this class only holds the fields.
 */
public abstract class AbstractTimeEntry extends WebworkModel {

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
}
