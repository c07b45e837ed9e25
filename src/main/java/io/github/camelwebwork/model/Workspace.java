package io.github.camelwebwork.model;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A workspace the caller belongs to: an element of {@code GET /workspaces} (reference §7.1). {@code role} and
 * {@code status} stay strings so an unknown value survives (house rule H4); {@code created_at} (ISO) and
 * {@code activated_at} ({@code 2025-02-19 19:24:55}) stay strings as sent.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "id", "owner_id", "user_id", "workspace_name", "role", "status", "created_at", "activated_at" })
public class Workspace extends WebworkModel {

    private Long id;
    private Long ownerId;
    private Long userId;
    private String workspaceName;
    private String role;
    private String status;
    private String createdAt;
    private String activatedAt;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(Long ownerId) {
        this.ownerId = ownerId;
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public String getWorkspaceName() {
        return workspaceName;
    }

    public void setWorkspaceName(String workspaceName) {
        this.workspaceName = workspaceName;
    }

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

    public String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }

    public String getActivatedAt() {
        return activatedAt;
    }

    public void setActivatedAt(String activatedAt) {
        this.activatedAt = activatedAt;
    }

    @Override
    public String toString() {
        return "Workspace[id=" + id + ", workspaceName=" + workspaceName + ", role=" + role + ", status=" + status
               + "]";
    }
}
