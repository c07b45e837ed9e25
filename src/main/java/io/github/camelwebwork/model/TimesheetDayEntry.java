package io.github.camelwebwork.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One project's time on one day of a timesheet: an element of {@code daily_breakdown.<date>[]} (reference §7.9, G3).
 * {@code total_amount} is present only when rates are visible and may be a number or an object keyed by currency.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "project_id", "project_name", "contract_id", "total_minutes", "total_amount" })
public class TimesheetDayEntry extends WebworkModel {

    private Long projectId;
    private String projectName;
    private Long contractId;
    private Integer totalMinutes;
    private JsonNode totalAmount;

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

    public Long getContractId() {
        return contractId;
    }

    public void setContractId(Long contractId) {
        this.contractId = contractId;
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

    @Override
    public String toString() {
        return "TimesheetDayEntry[projectId=" + projectId + ", contractId=" + contractId + ", totalMinutes="
               + totalMinutes + "]";
    }
}
