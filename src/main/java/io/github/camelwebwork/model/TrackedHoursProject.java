package io.github.camelwebwork.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One project (contract) of a user on one day of the tracked-hours report: an element of
 * {@code data.<date>.users[].projects[]} (reference §7.14). CONFIRMED: grouping by {@code user_id},
 * {@code project_id} and {@code contract_id}, minutes in {@code total_minutes}, {@code total_amount} as an object
 * keyed by currency code when rates are visible. INFERRED: that the group is a {@code projects[]} array and the name
 * {@code project_name}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "project_id", "project_name", "contract_id", "total_minutes", "total_amount" })
public class TrackedHoursProject extends WebworkModel {

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
        return "TrackedHoursProject[projectId=" + projectId + ", contractId=" + contractId + ", totalMinutes="
               + totalMinutes + "]";
    }
}
