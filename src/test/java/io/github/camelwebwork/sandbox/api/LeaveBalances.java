package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.sandbox.SandboxLeave;
import io.github.camelwebwork.sandbox.SandboxLeavePolicy;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxUser;
import io.github.camelwebwork.sandbox.http.Json;
import java.time.LocalDate;
import java.util.List;

/**
 * §7.11 leave balances of one member over {@code date_from..date_to}: per policy, the yearly allowance (once for
 * every calendar year the period touches) minus the approved leave taken within the period, in the policy's unit.
 * Pending leave does not count until approved; balances may go negative (requests are not capped by them).
 * Unlimited policies show "Unlimited"; {@code total_balance} adds the limited ones up in days (8 hours a day) and
 * is null when the workspace has none.
 */
final class LeaveBalances {

    static final String UNLIMITED = "Unlimited";

    private LeaveBalances() {
    }

    static ObjectNode of(SandboxUser user, long workspaceId, LocalDate from, LocalDate to, SandboxState state) {
        List<SandboxLeave> approved = state.leaves(workspaceId).stream()
                .filter(l -> l.userId() == user.id() && l.isApproved() && l.overlaps(from, to))
                .toList();
        ArrayNode information = Json.array();
        double totalDays = 0;
        boolean anyLimited = false;
        for (SandboxLeavePolicy policy : state.leavePolicies(workspaceId)) {
            ObjectNode row = information.addObject().put("leave_type", policy.name());
            if (policy.isUnlimited()) {
                row.put("balance", UNLIMITED);
                continue;
            }
            double takenHours = approved.stream().filter(l -> l.policyId() == policy.id())
                    .mapToDouble(l -> l.hoursWithin(from, to)).sum();
            double allowance = policy.allowancePerYear() * (to.getYear() - from.getYear() + 1);
            double balance = policy.isHourBased() ? allowance - takenHours
                    : allowance - takenHours / SandboxLeave.HOURS_PER_DAY;
            row.put("balance", LeaveJson.amount(balance, policy.unit()));
            totalDays += policy.isHourBased() ? balance / SandboxLeave.HOURS_PER_DAY : balance;
            anyLimited = true;
        }
        ObjectNode n = Json.object();
        n.put("user_id", user.id());
        n.put("user_name", user.fullName());
        n.set("leave_information", information);
        n.put("total_balance", anyLimited ? LeaveJson.amount(totalDays, SandboxLeavePolicy.DAYS) : null);
        return n;
    }
}
