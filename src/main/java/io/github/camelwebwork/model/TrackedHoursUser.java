package io.github.camelwebwork.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One user on one day of the tracked-hours report: an element of {@code data.<date>.users[]} (reference §7.14).
 * CONFIRMED: the {@code users} array per date, {@code user_id}, {@code total_minutes}, {@code total_amount} (object
 * keyed by currency code, only when rates are visible). INFERRED: {@code user_name} and the per-project breakdown in
 * {@code projects[]}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "user_id", "user_name", "total_minutes", "total_amount", "projects" })
public class TrackedHoursUser extends WebworkModel {

    private Long userId;
    private String userName;
    private Integer totalMinutes;
    private JsonNode totalAmount;
    private List<TrackedHoursProject> projects = new ArrayList<>();

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

    public JsonNode getTotalAmount() {
        return totalAmount;
    }

    public void setTotalAmount(JsonNode totalAmount) {
        this.totalAmount = totalAmount;
    }

    public List<TrackedHoursProject> getProjects() {
        return projects;
    }

    public void setProjects(List<TrackedHoursProject> projects) {
        this.projects = projects == null ? new ArrayList<>() : projects;
    }

    @Override
    public String toString() {
        return "TrackedHoursUser[userId=" + userId + ", userName=" + userName + ", totalMinutes=" + totalMinutes + "]";
    }
}
