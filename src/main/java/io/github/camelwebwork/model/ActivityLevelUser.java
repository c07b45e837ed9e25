package io.github.camelwebwork.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One user of the activity-level report: an element of its {@code data} array (reference §7.14). CONFIRMED: results
 * per user with an activity percentage per day (from mouse, keyboard and scroll actions) plus overall statistics.
 * INFERRED: every field name. The user's average over the range is read from {@code activity_level}, or from
 * {@code average_activity_level} / {@code overall_activity_level} if the API uses those names (written back as
 * {@code activity_level}). Report-wide overall statistics, if sent beside the users, are not part of this model.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "user_id", "user_name", "activity_level", "days" })
public class ActivityLevelUser extends WebworkModel {

    private Long userId;
    private String userName;
    @JsonAlias({ "average_activity_level", "overall_activity_level" })
    private BigDecimal activityLevel;
    private Integer trackedMinutes;
    @JsonAlias({ "daily", "daily_breakdown" })
    private List<ActivityLevelDay> days = new ArrayList<>();

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

    public BigDecimal getActivityLevel() {
        return activityLevel;
    }

    @JsonDeserialize(using = LenientDecimalDeserializer.class)
    public void setActivityLevel(BigDecimal activityLevel) {
        this.activityLevel = activityLevel;
    }

    public List<ActivityLevelDay> getDays() {
        return days;
    }

    public void setDays(List<ActivityLevelDay> days) {
        this.days = days == null ? new ArrayList<>() : days;
    }

    /** Minutes tracked in the range ({@code tracked_minutes}). */
    public Integer getTrackedMinutes() {
        return trackedMinutes;
    }

    public void setTrackedMinutes(Integer trackedMinutes) {
        this.trackedMinutes = trackedMinutes;
    }

    @Override
    public String toString() {
        return "ActivityLevelUser[userId=" + userId + ", userName=" + userName + ", activityLevel=" + activityLevel
               + "]";
    }
}
