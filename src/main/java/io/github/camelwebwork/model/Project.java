package io.github.camelwebwork.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A project (reference §7.3). {@code budget} is the request field of a create or update; responses carry
 * {@code budget_estimation}. {@code screenshots} is a free string here (e.g. "blur"), not always a
 * {@link ScreenshotMode}; {@code status} is an integer whose codes are undocumented (e.g. 1).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "id", "name", "owner_id", "start_date", "deadline", "estimation", "budget", "budget_estimation",
        "notes", "icon", "is_billable", "rate", "weekly_hours_limit", "screenshots", "tags", "contracts_count",
        "status", "created_at", "updated_at", "deleted_at" })
public class Project extends WebworkModel {

    private Long id;
    private String name;
    private Long ownerId;
    private String startDate;
    private String deadline;
    private BigDecimal estimation;
    private BigDecimal budget;
    private BigDecimal budgetEstimation;
    private String notes;
    private String icon;
    private Boolean isBillable;
    private BigDecimal rate;
    private Integer weeklyHoursLimit;
    private String screenshots;
    private List<ProjectTag> tags = new ArrayList<>();
    private Integer contractsCount;
    private Integer status;
    private String createdAt;
    private String updatedAt;
    private String deletedAt;

    public Project() {
    }

    /** A new project with a name, the one required field of a create. */
    public static Project named(String name) {
        Project project = new Project();
        project.setName(name);
        return project;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(Long ownerId) {
        this.ownerId = ownerId;
    }

    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }

    public String getDeadline() {
        return deadline;
    }

    public void setDeadline(String deadline) {
        this.deadline = deadline;
    }

    public BigDecimal getEstimation() {
        return estimation;
    }

    public void setEstimation(BigDecimal estimation) {
        this.estimation = estimation;
    }

    /** Request field of a create or update; responses carry {@link #getBudgetEstimation()}. */
    public BigDecimal getBudget() {
        return budget;
    }

    public void setBudget(BigDecimal budget) {
        this.budget = budget;
    }

    public BigDecimal getBudgetEstimation() {
        return budgetEstimation;
    }

    public void setBudgetEstimation(BigDecimal budgetEstimation) {
        this.budgetEstimation = budgetEstimation;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public String getIcon() {
        return icon;
    }

    public void setIcon(String icon) {
        this.icon = icon;
    }

    public Boolean getIsBillable() {
        return isBillable;
    }

    public void setIsBillable(Boolean isBillable) {
        this.isBillable = isBillable;
    }

    public BigDecimal getRate() {
        return rate;
    }

    public void setRate(BigDecimal rate) {
        this.rate = rate;
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

    public List<ProjectTag> getTags() {
        return tags;
    }

    public void setTags(List<ProjectTag> tags) {
        this.tags = tags == null ? new ArrayList<>() : tags;
    }

    public Integer getContractsCount() {
        return contractsCount;
    }

    public void setContractsCount(Integer contractsCount) {
        this.contractsCount = contractsCount;
    }

    public Integer getStatus() {
        return status;
    }

    public void setStatus(Integer status) {
        this.status = status;
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
        return "Project[id=" + id + ", name=" + name + ", isBillable=" + isBillable + ", status=" + status + "]";
    }
}
