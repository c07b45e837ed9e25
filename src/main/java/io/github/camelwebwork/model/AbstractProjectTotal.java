package io.github.camelwebwork.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A project's minutes (and amount, when rates are visible) under one contract: the element a timesheet's daily
 * breakdown (§7.9) and the tracked-hours report (§7.14) share. Each subclass names its wire form.
 */
public abstract class AbstractProjectTotal extends WebworkModel {

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
        return getClass().getSimpleName() + "[projectId=" + projectId + ", contractId=" + contractId
               + ", totalMinutes=" + totalMinutes + "]";
    }
}
