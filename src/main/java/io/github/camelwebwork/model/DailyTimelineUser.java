package io.github.camelwebwork.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One user of the daily-timeline report: an element of its {@code data} array (reference §7.14). CONFIRMED: one
 * element per user (paginated by user), a user-level {@code activity_level}, the time entries, and
 * {@code total_amount} with {@code currency} only when rates are visible. INFERRED: the names {@code user_id},
 * {@code user_name}, {@code date}, {@code total_minutes} and {@code entries}. {@code activity_level} is read
 * leniently (a number, or text such as "56%"); {@code total_amount} may be a number or an object keyed by currency.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "user_id", "user_name", "date", "activity_level", "total_minutes", "total_amount", "currency",
        "entries" })
public class DailyTimelineUser extends WebworkModel {

    private Long userId;
    private String userName;
    private String date;
    private BigDecimal activityLevel;
    private Integer totalMinutes;
    private JsonNode totalAmount;
    private String currency;
    @JsonAlias({ "time_entries" })
    private List<TimelineEntry> entries = new ArrayList<>();

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

    public JsonNode getTotalAmount() {
        return totalAmount;
    }

    public void setTotalAmount(JsonNode totalAmount) {
        this.totalAmount = totalAmount;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public List<TimelineEntry> getEntries() {
        return entries;
    }

    public void setEntries(List<TimelineEntry> entries) {
        this.entries = entries == null ? new ArrayList<>() : entries;
    }

    @Override
    public String toString() {
        return "DailyTimelineUser[userId=" + userId + ", userName=" + userName + ", date=" + date + ", totalMinutes="
               + totalMinutes + "]";
    }
}
