package io.github.camelwebwork.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One activity description of a user in the activity-descriptions report (reference §7.14 and house rule H8: the
 * report's path and payload are INFERRED; nothing here is CONFIRMED). Assumed: the description text, the minutes
 * tracked with it, and the number of time entries ({@code entries_count}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "activity_description", "total_minutes", "entries_count" })
public class ActivityDescription extends WebworkModel {

    private String activityDescription;
    private Integer totalMinutes;
    private Integer entriesCount;

    public String getActivityDescription() {
        return activityDescription;
    }

    public void setActivityDescription(String activityDescription) {
        this.activityDescription = activityDescription;
    }

    public Integer getTotalMinutes() {
        return totalMinutes;
    }

    public void setTotalMinutes(Integer totalMinutes) {
        this.totalMinutes = totalMinutes;
    }

    public Integer getEntriesCount() {
        return entriesCount;
    }

    public void setEntriesCount(Integer entriesCount) {
        this.entriesCount = entriesCount;
    }

    @Override
    public String toString() {
        return "ActivityDescription[activityDescription=" + activityDescription + ", totalMinutes=" + totalMinutes
               + ", entriesCount=" + entriesCount + "]";
    }
}
