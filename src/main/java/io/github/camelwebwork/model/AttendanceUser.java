package io.github.camelwebwork.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One user of the daily-attendance report: an element of its {@code data} array (reference §7.14). CONFIRMED: one
 * element per user, a {@code statuses} array of display labels ({@link AttendanceLabel}), time figures as integer
 * minutes, {@code breaks} as strings such as {@code "14:30 - 15:25"}, and productivity metrics. INFERRED: every other
 * name. The first start of the day is read from {@code first_start} or {@code start_minutes} / {@code start}, the
 * last end from {@code last_end} or {@code end_minutes} / {@code end} (written back as {@code first_start} and
 * {@code last_end}); {@code productivity} is kept as JSON because its shape is unknown. Any other metric stays in
 * {@link #getAdditionalProperties()}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "user_id", "user_name", "date", "statuses", "first_start", "last_end", "tracked_minutes",
        "expected_minutes", "late_minutes", "left_early_minutes", "breaks", "productivity" })
public class AttendanceUser extends WebworkModel {

    private Long userId;
    private String userName;
    private String date;
    private List<String> statuses = new ArrayList<>();
    @JsonAlias({ "start_minutes", "start" })
    private Integer firstStart;
    @JsonAlias({ "end_minutes", "end" })
    private Integer lastEnd;
    private Integer trackedMinutes;
    private Integer expectedMinutes;
    private Integer lateMinutes;
    private Integer leftEarlyMinutes;
    private List<String> breaks = new ArrayList<>();
    private JsonNode productivity;
    private BigDecimal activityLevel;
    private Integer breakMinutes;
    private Integer idleMinutes;
    private Integer leaveMinutes;

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

    public List<String> getStatuses() {
        return statuses;
    }

    public void setStatuses(List<String> statuses) {
        this.statuses = statuses == null ? new ArrayList<>() : statuses;
    }

    /** First start of the day, in minutes after midnight (INFERRED). */
    public Integer getFirstStart() {
        return firstStart;
    }

    public void setFirstStart(Integer firstStart) {
        this.firstStart = firstStart;
    }

    /** Last end of the day, in minutes after midnight (INFERRED). */
    public Integer getLastEnd() {
        return lastEnd;
    }

    public void setLastEnd(Integer lastEnd) {
        this.lastEnd = lastEnd;
    }

    public Integer getTrackedMinutes() {
        return trackedMinutes;
    }

    public void setTrackedMinutes(Integer trackedMinutes) {
        this.trackedMinutes = trackedMinutes;
    }

    public Integer getExpectedMinutes() {
        return expectedMinutes;
    }

    public void setExpectedMinutes(Integer expectedMinutes) {
        this.expectedMinutes = expectedMinutes;
    }

    public Integer getLateMinutes() {
        return lateMinutes;
    }

    public void setLateMinutes(Integer lateMinutes) {
        this.lateMinutes = lateMinutes;
    }

    public Integer getLeftEarlyMinutes() {
        return leftEarlyMinutes;
    }

    public void setLeftEarlyMinutes(Integer leftEarlyMinutes) {
        this.leftEarlyMinutes = leftEarlyMinutes;
    }

    public List<String> getBreaks() {
        return breaks;
    }

    public void setBreaks(List<String> breaks) {
        this.breaks = breaks == null ? new ArrayList<>() : breaks;
    }

    public JsonNode getProductivity() {
        return productivity;
    }

    public void setProductivity(JsonNode productivity) {
        this.productivity = productivity;
    }

    /** The statuses of {@link #getStatuses()} that this version knows, in order; unknown labels are left out. */
    @JsonIgnore
    public List<AttendanceLabel> getStatusValues() {
        return statuses.stream().map(AttendanceLabel::fromWire).flatMap(Optional::stream).toList();
    }

    /** Whether {@link #getStatuses()} holds the label, e.g. {@code hasStatus(AttendanceLabel.LATE)}. */
    public boolean hasStatus(AttendanceLabel label) {
        return getStatusValues().contains(label);
    }

    /** Activity level of the day in percent ({@code activity_level}). */
    public BigDecimal getActivityLevel() {
        return activityLevel;
    }

    public void setActivityLevel(BigDecimal activityLevel) {
        this.activityLevel = activityLevel;
    }

    /** Minutes on breaks ({@code break_minutes}). */
    public Integer getBreakMinutes() {
        return breakMinutes;
    }

    public void setBreakMinutes(Integer breakMinutes) {
        this.breakMinutes = breakMinutes;
    }

    /** Idle minutes ({@code idle_minutes}). */
    public Integer getIdleMinutes() {
        return idleMinutes;
    }

    public void setIdleMinutes(Integer idleMinutes) {
        this.idleMinutes = idleMinutes;
    }

    /** Minutes on leave ({@code leave_minutes}). */
    public Integer getLeaveMinutes() {
        return leaveMinutes;
    }

    public void setLeaveMinutes(Integer leaveMinutes) {
        this.leaveMinutes = leaveMinutes;
    }

    @Override
    public String toString() {
        return "AttendanceUser[userId=" + userId + ", userName=" + userName + ", date=" + date + ", statuses="
               + statuses + "]";
    }
}
