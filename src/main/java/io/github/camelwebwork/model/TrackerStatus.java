package io.github.camelwebwork.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The {@code data} of {@code GET /time-tracking/current-data}: what a member's API- or browser-started tracker is doing
 * (reference §7.7). {@code total_minutes} covers the date's timeline plus the running tracker; {@code total_seconds}
 * is the remainder in seconds.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "contract_id", "user_id", "activity_description", "task_id", "task_title", "total_seconds",
        "total_minutes", "date" })
public class TrackerStatus extends WebworkModel {

    private Long contractId;
    private Long userId;
    private String activityDescription;
    private Long taskId;
    private String taskTitle;
    private Integer totalSeconds;
    private Integer totalMinutes;
    private String date;

    public Long getContractId() {
        return contractId;
    }

    public void setContractId(Long contractId) {
        this.contractId = contractId;
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public String getActivityDescription() {
        return activityDescription;
    }

    public void setActivityDescription(String activityDescription) {
        this.activityDescription = activityDescription;
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

    public Integer getTotalSeconds() {
        return totalSeconds;
    }

    public void setTotalSeconds(Integer totalSeconds) {
        this.totalSeconds = totalSeconds;
    }

    public Integer getTotalMinutes() {
        return totalMinutes;
    }

    public void setTotalMinutes(Integer totalMinutes) {
        this.totalMinutes = totalMinutes;
    }

    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date;
    }

    @Override
    public String toString() {
        return "TrackerStatus[userId=" + userId + ", contractId=" + contractId + ", taskId=" + taskId
               + ", totalMinutes=" + totalMinutes + "]";
    }
}
