package io.github.camelwebwork.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One leave type's balance: an element of {@code leave_information[]} (reference §7.11); {@code balance} is text
 * such as "10 days".
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "leave_type", "balance" })
public class LeaveBalanceItem extends WebworkModel {

    private String leaveType;
    private String balance;

    public String getLeaveType() {
        return leaveType;
    }

    public void setLeaveType(String leaveType) {
        this.leaveType = leaveType;
    }

    public String getBalance() {
        return balance;
    }

    public void setBalance(String balance) {
        this.balance = balance;
    }

    @Override
    public String toString() {
        return "LeaveBalanceItem[leaveType=" + leaveType + ", balance=" + balance + "]";
    }
}
