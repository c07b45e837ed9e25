package io.github.camelwebwork.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One day of a user in the task report: an element of {@code daily_breakdown} (reference §7.14). CONFIRMED: a
 * {@code daily_breakdown} exists per user. INFERRED: its shape and the names {@code date}, {@code total_minutes},
 * {@code tasks}. See {@link TaskReportUser#setDailyBreakdown(List)} for the shapes accepted.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "date", "total_minutes", "tasks" })
public class TaskReportDay extends WebworkModel {

    private String date;
    private Integer totalMinutes;
    private List<TaskReportTask> tasks = new ArrayList<>();

    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date;
    }

    public Integer getTotalMinutes() {
        return totalMinutes;
    }

    public void setTotalMinutes(Integer totalMinutes) {
        this.totalMinutes = totalMinutes;
    }

    public List<TaskReportTask> getTasks() {
        return tasks;
    }

    public void setTasks(List<TaskReportTask> tasks) {
        this.tasks = tasks == null ? new ArrayList<>() : tasks;
    }

    @Override
    public String toString() {
        return "TaskReportDay[date=" + date + ", totalMinutes=" + totalMinutes + ", tasks=" + tasks + "]";
    }
}
