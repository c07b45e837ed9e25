package io.github.camelwebwork.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A member's leave balances: an element of {@code GET /leaves/balances} (reference §7.11). {@code total_balance} is
 * text or null.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "user_id", "user_name", "leave_information", "total_balance" })
public class LeaveBalance extends WebworkModel {

    private Long userId;
    private String userName;
    private List<LeaveBalanceItem> leaveInformation = new ArrayList<>();
    private String totalBalance;

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public List<LeaveBalanceItem> getLeaveInformation() {
        return leaveInformation;
    }

    public void setLeaveInformation(List<LeaveBalanceItem> leaveInformation) {
        this.leaveInformation = leaveInformation == null ? new ArrayList<>() : leaveInformation;
    }

    public String getTotalBalance() {
        return totalBalance;
    }

    public void setTotalBalance(String totalBalance) {
        this.totalBalance = totalBalance;
    }

    @Override
    public String toString() {
        return "LeaveBalance[userId=" + userId + ", userName=" + userName + ", totalBalance=" + totalBalance + "]";
    }
}
