package io.github.camelwebwork.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The {@code data} of {@code POST /members} (invite): the new member's id and invitation link (reference §7.2). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "user_id", "invitation_link" })
public class MemberInvitation extends WebworkModel {

    private Long userId;
    private String invitationLink;

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public String getInvitationLink() {
        return invitationLink;
    }

    public void setInvitationLink(String invitationLink) {
        this.invitationLink = invitationLink;
    }

    @Override
    public String toString() {
        return "MemberInvitation[userId=" + userId + ", invitationLink=" + invitationLink + "]";
    }
}
