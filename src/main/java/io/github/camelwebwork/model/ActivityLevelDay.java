package io.github.camelwebwork.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One day of a user in the activity-level report: an element of {@code days[]} (reference §7.14). CONFIRMED: an
 * activity percentage per user per day. INFERRED: the names {@code days}, {@code date}, {@code activity_level} and
 * {@code total_minutes}. {@code activity_level} is read leniently (a number, or text such as "56%").
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "date", "activity_level", "total_minutes" })
public class ActivityLevelDay extends WebworkModel {

    private String date;
    private BigDecimal activityLevel;
    @JsonAlias({ "tracked_minutes" })
    private Integer totalMinutes;

    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date;
    }

    public BigDecimal getActivityLevel() {
        return activityLevel;
    }

    @JsonDeserialize(using = LenientDecimalDeserializer.class)
    public void setActivityLevel(BigDecimal activityLevel) {
        this.activityLevel = activityLevel;
    }

    public Integer getTotalMinutes() {
        return totalMinutes;
    }

    public void setTotalMinutes(Integer totalMinutes) {
        this.totalMinutes = totalMinutes;
    }

    @Override
    public String toString() {
        return "ActivityLevelDay[date=" + date + ", activityLevel=" + activityLevel + ", totalMinutes=" + totalMinutes
               + "]";
    }
}
