package io.github.camelwebwork.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A timesheet (reference §7.9). Carries the G3 fields ({@code member}, {@code total_minutes}, {@code submitted_at},
 * {@code daily_breakdown} keyed by date, {@code total_amount}) and the G2 ones ({@code total_hours},
 * {@code submitted_on}); whichever the live API sends is filled. {@code id} is an encrypted string (H10).
 * {@code member}'s shape is not documented (a name or an object) and is kept as JSON. Status values follow house
 * rule H3 ({@link TimesheetStatus}); G2's {@code open} reads as an unknown value.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "id", "user_id", "member", "date_from", "date_to", "total_minutes", "total_hours",
        "submitted_on", "submitted_at", "reject_reason", "status", "total_amount", "daily_breakdown" })
public class Timesheet extends WebworkModel {

    private String id;
    private Long userId;
    private JsonNode member;
    private String dateFrom;
    private String dateTo;
    private Integer totalMinutes;
    private BigDecimal totalHours;
    private String submittedOn;
    private String submittedAt;
    private String rejectReason;
    private String status;
    private JsonNode totalAmount;
    private Long submittedBy;
    private Long reviewedBy;
    private String reviewedAt;
    private String currency;
    private String createdAt;
    private String updatedAt;
    private Map<String, List<TimesheetDayEntry>> dailyBreakdown = new LinkedHashMap<>();

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public JsonNode getMember() {
        return member;
    }

    public void setMember(JsonNode member) {
        this.member = member;
    }

    public String getDateFrom() {
        return dateFrom;
    }

    public void setDateFrom(String dateFrom) {
        this.dateFrom = dateFrom;
    }

    public String getDateTo() {
        return dateTo;
    }

    public void setDateTo(String dateTo) {
        this.dateTo = dateTo;
    }

    public Integer getTotalMinutes() {
        return totalMinutes;
    }

    public void setTotalMinutes(Integer totalMinutes) {
        this.totalMinutes = totalMinutes;
    }

    public BigDecimal getTotalHours() {
        return totalHours;
    }

    public void setTotalHours(BigDecimal totalHours) {
        this.totalHours = totalHours;
    }

    public String getSubmittedOn() {
        return submittedOn;
    }

    public void setSubmittedOn(String submittedOn) {
        this.submittedOn = submittedOn;
    }

    public String getSubmittedAt() {
        return submittedAt;
    }

    public void setSubmittedAt(String submittedAt) {
        this.submittedAt = submittedAt;
    }

    public String getRejectReason() {
        return rejectReason;
    }

    public void setRejectReason(String rejectReason) {
        this.rejectReason = rejectReason;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    /** {@link #getStatus()} as a {@link TimesheetStatus}; empty when absent or not a value this version knows. */
    @JsonIgnore
    public Optional<TimesheetStatus> getStatusValue() {
        return TimesheetStatus.fromWire(status);
    }

    public void setStatusValue(TimesheetStatus status) {
        this.status = status == null ? null : status.wireValue();
    }

    public JsonNode getTotalAmount() {
        return totalAmount;
    }

    public void setTotalAmount(JsonNode totalAmount) {
        this.totalAmount = totalAmount;
    }

    /** Per date ({@code YYYY-MM-DD}, in wire order), the time per project and contract. */
    public Map<String, List<TimesheetDayEntry>> getDailyBreakdown() {
        return dailyBreakdown;
    }

    public void setDailyBreakdown(Map<String, List<TimesheetDayEntry>> dailyBreakdown) {
        this.dailyBreakdown = dailyBreakdown == null ? new LinkedHashMap<>() : dailyBreakdown;
    }

    /** Who submitted it ({@code submitted_by}, a user id). */
    public Long getSubmittedBy() {
        return submittedBy;
    }

    public void setSubmittedBy(Long submittedBy) {
        this.submittedBy = submittedBy;
    }

    /** Who approved or rejected it ({@code reviewed_by}, a user id). */
    public Long getReviewedBy() {
        return reviewedBy;
    }

    public void setReviewedBy(Long reviewedBy) {
        this.reviewedBy = reviewedBy;
    }

    /** When it was approved or rejected ({@code reviewed_at}). */
    public String getReviewedAt() {
        return reviewedAt;
    }

    public void setReviewedAt(String reviewedAt) {
        this.reviewedAt = reviewedAt;
    }

    /** Currency of {@code total_amount} when rates are visible. */
    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    /** {@code created_at}. */
    public String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }

    /** {@code updated_at}. */
    public String getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(String updatedAt) {
        this.updatedAt = updatedAt;
    }

    @Override
    public String toString() {
        return "Timesheet[id=" + id + ", userId=" + userId + ", dateFrom=" + dateFrom + ", dateTo=" + dateTo
               + ", status=" + status + "]";
    }
}
