package io.github.camelwebwork.model;

import java.math.BigDecimal;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A contract, the assignment of a member to a project (reference §7.4). Fields up to {@code status} are CONFIRMED;
 * {@code currency}, {@code contract_name}, {@code created_at}, {@code updated_at} come from the third-party reference
 * [S8]. The reference calls the answer's {@code screenshots} a "code": it is kept as a string (a number is read as its
 * text) with {@link #getScreenshotsValue()} for the documented modes. Rate fields appear only when rates are visible.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "id", "project_id", "project_name", "project_icon", "user_id", "user_firstname", "user_lastname",
        "user_email", "user_role", "weekly_hours_limit", "screenshots", "screenshots_label", "rate", "rate_type",
        "status", "currency", "contract_name", "created_at", "updated_at" })
public class Contract extends WebworkModel {

    private Long id;
    private Long projectId;
    private String projectName;
    private String projectIcon;
    private Long userId;
    private String userFirstname;
    private String userLastname;
    private String userEmail;
    private String userRole;
    private Integer weeklyHoursLimit;
    private String screenshots;
    private String screenshotsLabel;
    private BigDecimal rate;
    @Coded(RateType.class)
    private Integer rateType;
    private String status;
    private String currency;
    private String contractName;
    private String createdAt;
    private String updatedAt;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getProjectId() {
        return projectId;
    }

    public void setProjectId(Long projectId) {
        this.projectId = projectId;
    }

    public String getProjectName() {
        return projectName;
    }

    public void setProjectName(String projectName) {
        this.projectName = projectName;
    }

    public String getProjectIcon() {
        return projectIcon;
    }

    public void setProjectIcon(String projectIcon) {
        this.projectIcon = projectIcon;
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public String getUserFirstname() {
        return userFirstname;
    }

    public void setUserFirstname(String userFirstname) {
        this.userFirstname = userFirstname;
    }

    public String getUserLastname() {
        return userLastname;
    }

    public void setUserLastname(String userLastname) {
        this.userLastname = userLastname;
    }

    public String getUserEmail() {
        return userEmail;
    }

    public void setUserEmail(String userEmail) {
        this.userEmail = userEmail;
    }

    public String getUserRole() {
        return userRole;
    }

    public void setUserRole(String userRole) {
        this.userRole = userRole;
    }

    /** {@link #getUserRole()} as a {@link MemberRole}; empty when absent or not a value this version knows. */
    @JsonIgnore
    public Optional<MemberRole> getUserRoleValue() {
        return MemberRole.fromWire(userRole);
    }

    public void setUserRoleValue(MemberRole userRole) {
        this.userRole = userRole == null ? null : userRole.wireValue();
    }

    public Integer getWeeklyHoursLimit() {
        return weeklyHoursLimit;
    }

    public void setWeeklyHoursLimit(Integer weeklyHoursLimit) {
        this.weeklyHoursLimit = weeklyHoursLimit;
    }

    public String getScreenshots() {
        return screenshots;
    }

    public void setScreenshots(String screenshots) {
        this.screenshots = screenshots;
    }

    /** {@link #getScreenshots()} as a {@link ScreenshotMode}; empty when absent or not a value this version knows. */
    @JsonIgnore
    public Optional<ScreenshotMode> getScreenshotsValue() {
        return ScreenshotMode.fromWire(screenshots);
    }

    public void setScreenshotsValue(ScreenshotMode screenshots) {
        this.screenshots = screenshots == null ? null : screenshots.wireValue();
    }

    public String getScreenshotsLabel() {
        return screenshotsLabel;
    }

    public void setScreenshotsLabel(String screenshotsLabel) {
        this.screenshotsLabel = screenshotsLabel;
    }

    public BigDecimal getRate() {
        return rate;
    }

    public void setRate(BigDecimal rate) {
        this.rate = rate;
    }

    public Integer getRateType() {
        return rateType;
    }

    public void setRateType(Integer rateType) {
        this.rateType = rateType;
    }

    /** {@link #getRateType()} as a {@link RateType}; empty when absent or not a code this version knows. */
    @JsonIgnore
    public Optional<RateType> getRateTypeValue() {
        return RateType.fromCode(rateType);
    }

    public void setRateTypeValue(RateType rateType) {
        this.rateType = rateType == null ? null : rateType.code();
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    /** {@link #getStatus()} as a {@link ContractStatus}; empty when absent or not a value this version knows. */
    @JsonIgnore
    public Optional<ContractStatus> getStatusValue() {
        return ContractStatus.fromWire(status);
    }

    public void setStatusValue(ContractStatus status) {
        this.status = status == null ? null : status.wireValue();
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getContractName() {
        return contractName;
    }

    public void setContractName(String contractName) {
        this.contractName = contractName;
    }

    public String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }

    public String getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(String updatedAt) {
        this.updatedAt = updatedAt;
    }

    @Override
    public String toString() {
        return "Contract[id=" + id + ", projectId=" + projectId + ", userId=" + userId + ", status=" + status + "]";
    }
}
