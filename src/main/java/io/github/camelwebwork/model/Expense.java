package io.github.camelwebwork.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * An expense (reference §7.12). Answers carry display values: {@code member}, {@code project} and {@code category}
 * are names (or null), {@code expense_date} and {@code added_dte} (sic) formatted dates such as "Jan 15, 2024", and
 * {@code type} is {@code billable} or {@code non-billable}. {@code date}, {@code category_id}, {@code project_id} and
 * {@code is_billable} are the request fields of a create or update. {@code id} is a UUID string (H10).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "id", "member", "expense_date", "expense_name", "project", "category", "amount", "note", "type",
        "added_dte", "date", "category_id", "project_id", "is_billable" })
public class Expense extends WebworkModel {

    private String id;
    private String member;
    private String expenseDate;
    private String expenseName;
    private String project;
    private String category;
    private BigDecimal amount;
    private String note;
    private String type;
    private String addedDte;
    private String date;
    private String categoryId;
    private Long projectId;
    private Boolean isBillable;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getMember() {
        return member;
    }

    public void setMember(String member) {
        this.member = member;
    }

    public String getExpenseDate() {
        return expenseDate;
    }

    public void setExpenseDate(String expenseDate) {
        this.expenseDate = expenseDate;
    }

    public String getExpenseName() {
        return expenseName;
    }

    public void setExpenseName(String expenseName) {
        this.expenseName = expenseName;
    }

    public String getProject() {
        return project;
    }

    public void setProject(String project) {
        this.project = project;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getAddedDte() {
        return addedDte;
    }

    public void setAddedDte(String addedDte) {
        this.addedDte = addedDte;
    }

    /** Request field ({@code YYYY-MM-DD}); answers carry {@link #getExpenseDate()}. */
    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date;
    }

    public String getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(String categoryId) {
        this.categoryId = categoryId;
    }

    public Long getProjectId() {
        return projectId;
    }

    public void setProjectId(Long projectId) {
        this.projectId = projectId;
    }

    public Boolean getIsBillable() {
        return isBillable;
    }

    public void setIsBillable(Boolean isBillable) {
        this.isBillable = isBillable;
    }

    @Override
    public String toString() {
        return "Expense[id=" + id + ", expenseName=" + expenseName + ", amount=" + amount + ", type=" + type + "]";
    }
}
