package io.github.camelwebwork.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One task's time in the task report: an element of a user's {@code tasks_breakdown[]} or of a day's {@code tasks[]}
 * (reference §7.14). CONFIRMED: a total per task. INFERRED: the field names. Time without a task
 * ({@code include_no_task}) presumably has a null {@code task_id}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "task_id", "task_title", "project_id", "project_name", "total_minutes" })
public class TaskReportTask extends WebworkModel {

    private Long taskId;
    private String taskTitle;
    private Long projectId;
    private String projectName;
    private Integer totalMinutes;

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

    public Integer getTotalMinutes() {
        return totalMinutes;
    }

    public void setTotalMinutes(Integer totalMinutes) {
        this.totalMinutes = totalMinutes;
    }

    @Override
    public String toString() {
        return "TaskReportTask[taskId=" + taskId + ", taskTitle=" + taskTitle + ", totalMinutes=" + totalMinutes + "]";
    }
}
