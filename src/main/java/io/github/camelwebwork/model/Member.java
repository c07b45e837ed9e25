package io.github.camelwebwork.model;

import java.math.BigDecimal;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A workspace member (reference §7.2): an element of {@code GET /members}, the answer of {@code GET /members/{id}}
 * and of an update. Fields up to {@code title} are CONFIRMED by the official page; {@code rate} to
 * {@code deleted_at} are confirmed only by the third-party reference [S8]. {@code role} is the request field of an
 * invite or update (responses carry {@code current_role}); {@code remove_avatar} (0/1) is request-only too.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "id", "email", "firstname", "lastname", "avatar", "current_role", "timezone", "status",
        "team_name", "title", "rate", "rate_status", "rate_type", "screenshots", "weekly_hours_limit", "is_blocked",
        "role", "remove_avatar", "created_at", "updated_at", "deleted_at" })
public class Member extends WebworkModel {

    private Long id;
    private String email;
    private String firstname;
    private String lastname;
    private String avatar;
    private String currentRole;
    private String timezone;
    private String status;
    private String teamName;
    private String title;
    private BigDecimal rate;
    @Coded(RateStatus.class)
    private Integer rateStatus;
    @Coded(RateType.class)
    private Integer rateType;
    private String screenshots;
    private Integer weeklyHoursLimit;
    private Boolean isBlocked;
    private String role;
    private Integer removeAvatar;
    private String createdAt;
    private String updatedAt;
    private String deletedAt;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getFirstname() {
        return firstname;
    }

    public void setFirstname(String firstname) {
        this.firstname = firstname;
    }

    public String getLastname() {
        return lastname;
    }

    public void setLastname(String lastname) {
        this.lastname = lastname;
    }

    public String getAvatar() {
        return avatar;
    }

    public void setAvatar(String avatar) {
        this.avatar = avatar;
    }

    public String getCurrentRole() {
        return currentRole;
    }

    public void setCurrentRole(String currentRole) {
        this.currentRole = currentRole;
    }

    /** {@link #getCurrentRole()} as a {@link MemberRole}; empty when absent or not a value this version knows. */
    @JsonIgnore
    public Optional<MemberRole> getCurrentRoleValue() {
        return MemberRole.fromWire(currentRole);
    }

    public void setCurrentRoleValue(MemberRole currentRole) {
        this.currentRole = currentRole == null ? null : currentRole.wireValue();
    }

    public String getTimezone() {
        return timezone;
    }

    public void setTimezone(String timezone) {
        this.timezone = timezone;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    /** {@link #getStatus()} as a {@link MemberStatus}; empty when absent or not a value this version knows. */
    @JsonIgnore
    public Optional<MemberStatus> getStatusValue() {
        return MemberStatus.fromWire(status);
    }

    public void setStatusValue(MemberStatus status) {
        this.status = status == null ? null : status.wireValue();
    }

    public String getTeamName() {
        return teamName;
    }

    public void setTeamName(String teamName) {
        this.teamName = teamName;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public BigDecimal getRate() {
        return rate;
    }

    public void setRate(BigDecimal rate) {
        this.rate = rate;
    }

    public Integer getRateStatus() {
        return rateStatus;
    }

    public void setRateStatus(Integer rateStatus) {
        this.rateStatus = rateStatus;
    }

    /** {@link #getRateStatus()} as a {@link RateStatus}; empty when absent or not a code this version knows. */
    @JsonIgnore
    public Optional<RateStatus> getRateStatusValue() {
        return RateStatus.fromCode(rateStatus);
    }

    public void setRateStatusValue(RateStatus rateStatus) {
        this.rateStatus = rateStatus == null ? null : rateStatus.code();
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

    public Integer getWeeklyHoursLimit() {
        return weeklyHoursLimit;
    }

    public void setWeeklyHoursLimit(Integer weeklyHoursLimit) {
        this.weeklyHoursLimit = weeklyHoursLimit;
    }

    public Boolean getIsBlocked() {
        return isBlocked;
    }

    public void setIsBlocked(Boolean isBlocked) {
        this.isBlocked = isBlocked;
    }

    /** The role to give on invite or update (request field); responses carry {@code current_role}. */
    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    /** {@link #getRole()} as a {@link MemberRole}; empty when absent or not a value this version knows. */
    @JsonIgnore
    public Optional<MemberRole> getRoleValue() {
        return MemberRole.fromWire(role);
    }

    public void setRoleValue(MemberRole role) {
        this.role = role == null ? null : role.wireValue();
    }

    /** Request field of an update: 1 removes the avatar. */
    public Integer getRemoveAvatar() {
        return removeAvatar;
    }

    public void setRemoveAvatar(Integer removeAvatar) {
        this.removeAvatar = removeAvatar;
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

    public String getDeletedAt() {
        return deletedAt;
    }

    public void setDeletedAt(String deletedAt) {
        this.deletedAt = deletedAt;
    }

    @Override
    public String toString() {
        return "Member[id=" + id + ", email=" + email + ", currentRole=" + currentRole + ", status=" + status + "]";
    }
}
