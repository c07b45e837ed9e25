package io.github.camelwebwork.model;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A leave request (reference §7.11). CONFIRMED: {@code id} (UUID string), {@code user_id}, {@code status},
 * {@code note}, {@code is_paid} ({@code yes}/{@code no}), {@code created_by}, {@code approved_by},
 * {@code rejected_by}, {@code reject_reason}, {@code start_date} (the page was cut off there). From v1, INFERRED:
 * {@code end_date}, {@code created_on}, {@code total}. {@code policy_id}, {@code leave_period} and {@code reason}
 * are request fields of {@code POST /leaves} that an answer may echo. The {@code *_by} fields are not typed by the
 * reference (an id or a name) and are kept as JSON.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "id", "user_id", "policy_id", "status", "note", "reason", "is_paid", "leave_period",
        "created_by", "approved_by", "rejected_by", "reject_reason", "start_date", "end_date", "created_on",
        "total" })
public class Leave extends WebworkModel {

    private String id;
    private Long userId;
    private Long policyId;
    private String status;
    private String note;
    private String reason;
    private String isPaid;
    @Coded(LeavePeriod.class)
    private Integer leavePeriod;
    private JsonNode createdBy;
    private JsonNode approvedBy;
    private JsonNode rejectedBy;
    private String rejectReason;
    private String startDate;
    private String endDate;
    private String createdOn;
    private LeaveTotal total;

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

    public Long getPolicyId() {
        return policyId;
    }

    public void setPolicyId(Long policyId) {
        this.policyId = policyId;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    /** {@link #getStatus()} as a {@link LeaveStatus}; empty when absent or not a value this version knows. */
    @JsonIgnore
    public Optional<LeaveStatus> getStatusValue() {
        return LeaveStatus.fromWire(status);
    }

    public void setStatusValue(LeaveStatus status) {
        this.status = status == null ? null : status.wireValue();
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getIsPaid() {
        return isPaid;
    }

    public void setIsPaid(String isPaid) {
        this.isPaid = isPaid;
    }

    /** {@link #getIsPaid()} as a {@link PaidFilter}; empty when absent or not a value this version knows. */
    @JsonIgnore
    public Optional<PaidFilter> getIsPaidValue() {
        return PaidFilter.fromWire(isPaid);
    }

    public void setIsPaidValue(PaidFilter isPaid) {
        this.isPaid = isPaid == null ? null : isPaid.wireValue();
    }

    public Integer getLeavePeriod() {
        return leavePeriod;
    }

    public void setLeavePeriod(Integer leavePeriod) {
        this.leavePeriod = leavePeriod;
    }

    /** {@link #getLeavePeriod()} as a {@link LeavePeriod}; empty when absent or not a code this version knows. */
    @JsonIgnore
    public Optional<LeavePeriod> getLeavePeriodValue() {
        return LeavePeriod.fromCode(leavePeriod);
    }

    public void setLeavePeriodValue(LeavePeriod leavePeriod) {
        this.leavePeriod = leavePeriod == null ? null : leavePeriod.code();
    }

    public JsonNode getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(JsonNode createdBy) {
        this.createdBy = createdBy;
    }

    public JsonNode getApprovedBy() {
        return approvedBy;
    }

    public void setApprovedBy(JsonNode approvedBy) {
        this.approvedBy = approvedBy;
    }

    public JsonNode getRejectedBy() {
        return rejectedBy;
    }

    public void setRejectedBy(JsonNode rejectedBy) {
        this.rejectedBy = rejectedBy;
    }

    public String getRejectReason() {
        return rejectReason;
    }

    public void setRejectReason(String rejectReason) {
        this.rejectReason = rejectReason;
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

    public String getCreatedOn() {
        return createdOn;
    }

    public void setCreatedOn(String createdOn) {
        this.createdOn = createdOn;
    }

    public LeaveTotal getTotal() {
        return total;
    }

    public void setTotal(LeaveTotal total) {
        this.total = total;
    }

    @Override
    public String toString() {
        return "Leave[id=" + id + ", userId=" + userId + ", startDate=" + startDate + ", endDate=" + endDate
               + ", status=" + status + "]";
    }
}
