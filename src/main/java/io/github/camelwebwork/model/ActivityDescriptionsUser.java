package io.github.camelwebwork.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One user of the activity-descriptions report: an element of its {@code data} array (reference §7.14, house rule
 * H8). Nothing is CONFIRMED: the page was not found, and this shape (per user, a {@code descriptions[]} list) is
 * INFERRED by analogy with the other per-user reports. Everything else is kept in
 * {@link #getAdditionalProperties()}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "user_id", "user_name", "descriptions" })
public class ActivityDescriptionsUser extends WebworkModel {

    private Long userId;
    private String userName;
    private Integer totalMinutes;
    @JsonAlias({ "activity_descriptions" })
    private List<ActivityDescription> descriptions = new ArrayList<>();

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

    public List<ActivityDescription> getDescriptions() {
        return descriptions;
    }

    public void setDescriptions(List<ActivityDescription> descriptions) {
        this.descriptions = descriptions == null ? new ArrayList<>() : descriptions;
    }

    /** Minutes tracked in the range ({@code total_minutes}). */
    public Integer getTotalMinutes() {
        return totalMinutes;
    }

    public void setTotalMinutes(Integer totalMinutes) {
        this.totalMinutes = totalMinutes;
    }

    @Override
    public String toString() {
        return "ActivityDescriptionsUser[userId=" + userId + ", userName=" + userName + ", descriptions="
               + descriptions + "]";
    }
}
