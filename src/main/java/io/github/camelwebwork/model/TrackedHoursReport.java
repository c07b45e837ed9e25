package io.github.camelwebwork.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.github.camelwebwork.client.WebworkJson;

/**
 * The {@code data} of {@code GET /reports/tracked-hours} (reference §7.14). CONFIRMED:
 * {@code report_type} ("tracked_hours"), {@code start_date}, {@code end_date}, "total..." figures, and one key per
 * date ({@code "YYYY-MM-DD": {users: [...]}}) with minutes in {@code total_minutes} grouped by user, project and
 * contract, and {@code total_amount} as an object keyed by currency code when rates are visible. INFERRED: the exact
 * names of the report-wide totals ({@code total_minutes}, {@code total_amount} are declared; any other
 * {@code total_*} stays in {@link #getAdditionalProperties()}) and the per-user {@code projects[]} breakdown.
 * <p>
 * The date keys are collected into {@link #getDays()} (sorted by date) and written back as date keys; every other
 * unknown key goes to {@link #getAdditionalProperties()} as usual.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "report_type", "start_date", "end_date", "total_minutes", "total_amount" })
public class TrackedHoursReport extends WebworkModel {

    private static final Pattern DATE_KEY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final ObjectMapper CONVERTER = WebworkJson.newMapper();
    private static final TypeReference<List<TrackedHoursUser>> USERS = new TypeReference<>() {
    };

    private String reportType;
    private String startDate;
    private String endDate;
    private Integer totalMinutes;
    private JsonNode totalAmount;
    private final SortedMap<String, TrackedHoursDay> days = new TreeMap<>();

    /** Whether a key of {@code data} is a date key ({@code YYYY-MM-DD}). */
    public static boolean isDateKey(String key) {
        return key != null && DATE_KEY.matcher(key).matches();
    }

    public String getReportType() {
        return reportType;
    }

    public void setReportType(String reportType) {
        this.reportType = reportType;
    }

    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }

    public String getEndDate() {
        return endDate;
    }

    public void setEndDate(String endDate) {
        this.endDate = endDate;
    }

    public Integer getTotalMinutes() {
        return totalMinutes;
    }

    public void setTotalMinutes(Integer totalMinutes) {
        this.totalMinutes = totalMinutes;
    }

    /** The report-wide amount, an object keyed by currency code; only when rates are visible. */
    public JsonNode getTotalAmount() {
        return totalAmount;
    }

    public void setTotalAmount(JsonNode totalAmount) {
        this.totalAmount = totalAmount;
    }

    /** The report's dates ({@code YYYY-MM-DD}) in ascending order, each with its users. Live view. */
    @JsonIgnore
    public SortedMap<String, TrackedHoursDay> getDays() {
        return days;
    }

    @JsonIgnore
    public void setDays(Map<String, TrackedHoursDay> days) {
        this.days.clear();
        if (days != null) {
            this.days.putAll(days);
        }
    }

    /** The day of a date ({@code YYYY-MM-DD}), or null when the report has no such key. */
    public TrackedHoursDay getDay(String date) {
        return days.get(date);
    }

    /** Unknown keys that are not dates (date keys are in {@link #getDays()}). */
    @Override
    @JsonIgnore
    @JsonAnyGetter(enabled = false)
    public Map<String, Object> getAdditionalProperties() {
        return super.getAdditionalProperties();
    }

    /**
     * Routes an unknown key: a date key whose value is an object ({@code {users: [...]}}) or an array (read as its
     * users) becomes a day; anything else is kept in {@link #getAdditionalProperties()}.
     */
    @Override
    @JsonAnySetter
    public void setAdditionalProperty(String name, Object value) {
        TrackedHoursDay day = isDateKey(name) ? toDay(value) : null;
        if (day != null) {
            days.put(name, day);
        } else {
            super.setAdditionalProperty(name, value);
        }
    }

    private static TrackedHoursDay toDay(Object value) {
        try {
            if (value instanceof TrackedHoursDay d) {
                return d;
            }
            if (value instanceof Map<?, ?>) {
                return CONVERTER.convertValue(value, TrackedHoursDay.class);
            }
            if (value instanceof List<?>) {
                TrackedHoursDay d = new TrackedHoursDay();
                d.setUsers(CONVERTER.convertValue(value, USERS));
                return d;
            }
        } catch (IllegalArgumentException e) {
            // not the documented shape: keep the raw value in additionalProperties
        }
        return null;
    }

    /** What is written after the declared fields: the date keys in order, then the other unknown keys. */
    @JsonAnyGetter
    Map<String, Object> wireExtras() {
        Map<String, Object> all = new LinkedHashMap<>(days);
        all.putAll(super.getAdditionalProperties());
        return all;
    }

    /** All users of all days, in date order (a user appears once per day tracked). */
    @JsonIgnore
    public List<TrackedHoursUser> getAllUsers() {
        List<TrackedHoursUser> all = new ArrayList<>();
        days.values().forEach(d -> all.addAll(d.getUsers()));
        return all;
    }

    @Override
    public String toString() {
        return "TrackedHoursReport[startDate=" + startDate + ", endDate=" + endDate + ", totalMinutes=" + totalMinutes
               + ", days=" + days.keySet() + "]";
    }
}
