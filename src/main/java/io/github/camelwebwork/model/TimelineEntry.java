package io.github.camelwebwork.model;

import java.math.BigDecimal;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One time entry of a user's daily timeline: an element of {@code entries[]} (reference §7.14). CONFIRMED: each entry
 * has start and end, project, task, activity description, tracking method and an {@code activity_level}; times are
 * ISO 8601 with the owner's time-zone offset. INFERRED: every field name except {@code activity_level} ({@code start}
 * and {@code start_time} are both declared, as are {@code end} and {@code end_time}, because the name is unknown) and
 * {@code duration_minutes}. {@code activity_level} is read leniently (a number, or text such as "56%").
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "id", "start", "end", "start_time", "end_time", "project_id", "project_name", "task_id", "task_title",
        "activity_description", "method", "activity_level", "duration_minutes" })
public class TimelineEntry extends WebworkModel {

    private String id;
    private String start;
    private String end;
    private String startTime;
    private String endTime;
    private Long projectId;
    private String projectName;
    private Long taskId;
    private String taskTitle;
    private String activityDescription;
    private String method;
    private BigDecimal activityLevel;
    private Integer durationMinutes;

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

    public BigDecimal getActivityLevel() {
        return activityLevel;
    }

    @JsonDeserialize(using = LenientDecimalDeserializer.class)
    public void setActivityLevel(BigDecimal activityLevel) {
        this.activityLevel = activityLevel;
    }

    public Integer getDurationMinutes() {
        return durationMinutes;
    }

    public void setDurationMinutes(Integer durationMinutes) {
        this.durationMinutes = durationMinutes;
    }

    /** The entry's start whichever name the API used: {@code start}, else {@code start_time}. */
    @JsonIgnore
    public String getStartValue() {
        return start != null ? start : startTime;
    }

    /** The entry's end whichever name the API used: {@code end}, else {@code end_time}. */
    @JsonIgnore
    public String getEndValue() {
        return end != null ? end : endTime;
    }

    /** The time entry's id (string, house rule H10), when the report gives it. */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    @Override
    public String toString() {
        return "TimelineEntry[projectId=" + projectId + ", taskId=" + taskId + ", start=" + getStartValue() + ", end="
               + getEndValue() + "]";
    }
}
