package io.github.camelwebwork.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * One user of the task report: an element of its {@code data} array (reference §7.14). CONFIRMED: per user, a
 * {@code tasks_breakdown} (total per task) and a {@code daily_breakdown}. INFERRED: {@code user_id},
 * {@code user_name}, {@code total_minutes} and the shape of both breakdowns. {@code daily_breakdown} is read either
 * as an array of days or as an object keyed by date (values: a day object, an array of tasks, or a number of
 * minutes) and is always written back as an array.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "user_id", "user_name", "total_minutes", "tasks_breakdown", "daily_breakdown" })
public class TaskReportUser extends WebworkModel {

    private Long userId;
    private String userName;
    private Integer totalMinutes;
    private List<TaskReportTask> tasksBreakdown = new ArrayList<>();
    private List<TaskReportDay> dailyBreakdown = new ArrayList<>();

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

    public Integer getTotalMinutes() {
        return totalMinutes;
    }

    public void setTotalMinutes(Integer totalMinutes) {
        this.totalMinutes = totalMinutes;
    }

    public List<TaskReportTask> getTasksBreakdown() {
        return tasksBreakdown;
    }

    public void setTasksBreakdown(List<TaskReportTask> tasksBreakdown) {
        this.tasksBreakdown = tasksBreakdown == null ? new ArrayList<>() : tasksBreakdown;
    }

    public List<TaskReportDay> getDailyBreakdown() {
        return dailyBreakdown;
    }

    @JsonDeserialize(using = DailyBreakdownDeserializer.class)
    public void setDailyBreakdown(List<TaskReportDay> dailyBreakdown) {
        this.dailyBreakdown = dailyBreakdown == null ? new ArrayList<>() : dailyBreakdown;
    }

    /**
     * Reads {@code daily_breakdown} as {@code [{date, total_minutes, tasks}]} or as
     * {@code {"<date>": {total_minutes, tasks} | [tasks] | minutes}}; a day without a {@code date} takes its key.
     */
    public static final class DailyBreakdownDeserializer extends StdDeserializer<List<TaskReportDay>> {

        private static final long serialVersionUID = 1L;

        public DailyBreakdownDeserializer() {
            super(List.class);
        }

        @Override
        public List<TaskReportDay> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = ctxt.readTree(p);
            List<TaskReportDay> days = new ArrayList<>();
            if (node.isArray()) {
                for (JsonNode day : node) {
                    days.add(ctxt.readTreeAsValue(day, TaskReportDay.class));
                }
            } else if (node.isObject()) {
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    days.add(day(e.getKey(), e.getValue(), ctxt));
                }
            }
            return days;
        }

        private static TaskReportDay day(String date, JsonNode value, DeserializationContext ctxt) throws IOException {
            TaskReportDay day;
            if (value.isObject()) {
                day = ctxt.readTreeAsValue(value, TaskReportDay.class);
            } else {
                day = new TaskReportDay();
                if (value.isArray()) {
                    int total = 0;
                    boolean any = false;
                    for (JsonNode t : value) {
                        TaskReportTask task = ctxt.readTreeAsValue(t, TaskReportTask.class);
                        day.getTasks().add(task);
                        if (task.getTotalMinutes() != null) {
                            total += task.getTotalMinutes();
                            any = true;
                        }
                    }
                    day.setTotalMinutes(any ? total : null);
                } else if (value.isNumber()) {
                    day.setTotalMinutes(value.intValue());
                }
            }
            if (day.getDate() == null) {
                day.setDate(date);
            }
            return day;
        }
    }

    @Override
    public String toString() {
        return "TaskReportUser[userId=" + userId + ", userName=" + userName + ", totalMinutes=" + totalMinutes + "]";
    }
}
