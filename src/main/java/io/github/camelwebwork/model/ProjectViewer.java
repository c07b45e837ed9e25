package io.github.camelwebwork.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A project viewer, a client with read-only access (reference §7.6). {@code id} is the viewer's user id;
 * {@code status} is {@code active}, {@code inactive}, {@code left} or null.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "id", "email", "firstname", "lastname", "status", "member_since", "projects" })
public class ProjectViewer extends WebworkModel {

    private Long id;
    private String email;
    private String firstname;
    private String lastname;
    private String status;
    private String memberSince;
    private List<ViewerProject> projects = new ArrayList<>();

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

    public String getMemberSince() {
        return memberSince;
    }

    public void setMemberSince(String memberSince) {
        this.memberSince = memberSince;
    }

    public List<ViewerProject> getProjects() {
        return projects;
    }

    public void setProjects(List<ViewerProject> projects) {
        this.projects = projects == null ? new ArrayList<>() : projects;
    }

    @Override
    public String toString() {
        return "ProjectViewer[id=" + id + ", email=" + email + ", status=" + status + ", projects=" + projects + "]";
    }
}
