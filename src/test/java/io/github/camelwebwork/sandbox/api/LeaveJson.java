package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.sandbox.SandboxLeave;
import io.github.camelwebwork.sandbox.SandboxLeavePolicy;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.http.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The Leave and leave policy of §7.11. {@code is_paid} comes from the leave's policy, as "yes"/"no" like the list
 * filter; {@code created_by}/{@code approved_by}/{@code rejected_by} are user ids; {@code created_on} is a plain
 * {@code Y-m-d H:i:s} timestamp (UTC), as v1 wrote it [S9]; {@code total} counts working days, 8 hours each.
 */
final class LeaveJson {

    private LeaveJson() {
    }

    static ObjectNode leave(SandboxLeave l, SandboxState state) {
        SandboxLeavePolicy policy = state.leavePolicy(l.policyId()).orElseThrow();
        ObjectNode n = Json.object();
        n.put("id", l.id());
        n.put("user_id", l.userId());
        n.put("status", l.status());
        n.put("note", l.note());
        n.put("is_paid", yesNo(policy.paid()));
        n.put("created_by", l.createdBy());
        n.put("approved_by", l.approvedBy());
        n.put("rejected_by", l.rejectedBy());
        n.put("reject_reason", l.rejectReason());
        n.put("start_date", Json.date(l.startDate()));
        n.put("end_date", Json.date(l.endDate()));
        n.put("created_on", Json.plainTimestamp(l.createdAt()));
        ObjectNode total = n.putObject("total");
        total.set("days", number(l.totalDays()));
        total.set("hours", number(l.totalHours()));
        n.put("policy_id", l.policyId());
        return n;
    }

    /** The sandbox's policy fields: the reference names {@code GET /leaves/policies} but not its fields (H8). */
    static ObjectNode policy(SandboxLeavePolicy p) {
        ObjectNode n = Json.object();
        n.put("id", p.id());
        n.put("name", p.name());
        n.put("is_paid", yesNo(p.paid()));
        n.put("unit", p.unit());
        if (p.allowancePerYear() == null) {
            n.putNull("allowance_per_year");
        } else {
            n.set("allowance_per_year", number(p.allowancePerYear()));
        }
        n.put("accrual", p.isUnlimited() ? "none" : "yearly");
        return n;
    }

    static String yesNo(boolean paid) {
        return paid ? "yes" : "no";
    }

    /** Whole numbers as integers (5, not 5.0), others to two decimals (0.5, 2.25). */
    static JsonNode number(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
        return rounded.stripTrailingZeros().scale() <= 0 ? Json.MAPPER.getNodeFactory().numberNode(rounded.longValue())
                : Json.MAPPER.getNodeFactory().numberNode(rounded.doubleValue());
    }

    /** e.g. "10 days", "1 day", "2.5 days", "16 hours", "-1 day" (§7.11 balance strings). */
    static String amount(double value, String unit) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        String text = rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
        String singular = unit.substring(0, unit.length() - 1);
        return text + " " + (rounded.abs().compareTo(BigDecimal.ONE) == 0 ? singular : unit);
    }
}
