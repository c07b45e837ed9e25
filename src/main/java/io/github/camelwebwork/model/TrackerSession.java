package io.github.camelwebwork.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The {@code data} of {@code POST /time-tracking/start} (reference §7.7). G2 sends {@code start_time},
 * {@code contract_id}, {@code project_id}, {@code task_id}, {@code activity_description}, {@code message}; G3 adds
 * {@code user_id}, {@code user_name}, {@code user_email}, {@code project_name} and a message suitable for Slack.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "start_time", "contract_id", "project_id", "task_id", "activity_description", "user_id",
        "user_name", "user_email", "project_name", "message" })
public class TrackerSession extends WebworkModel {

    private String startTime;
    private Long contractId;
    private Long projectId;
    private Long taskId;
    private String activityDescription;
    private Long userId;
    private String userName;
    private String userEmail;
    private String projectName;
    private String message;

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
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

    public String getActivityDescription() {
        return activityDescription;
    }

    public void setActivityDescription(String activityDescription) {
        this.activityDescription = activityDescription;
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public String getUserEmail() {
        return userEmail;
    }

    public void setUserEmail(String userEmail) {
        this.userEmail = userEmail;
    }

    public String getProjectName() {
        return projectName;
    }

    public void setProjectName(String projectName) {
        this.projectName = projectName;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    @Override
    public String toString() {
        return "TrackerSession[userId=" + userId + ", contractId=" + contractId + ", taskId=" + taskId + ", startTime="
               + startTime + "]";
    }
}
