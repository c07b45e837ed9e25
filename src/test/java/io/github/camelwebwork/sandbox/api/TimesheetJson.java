package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.sandbox.SandboxProject;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxTimeEntry;
import io.github.camelwebwork.sandbox.SandboxTimesheet;
import io.github.camelwebwork.sandbox.http.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The G3 Timesheet of §7.9, computed from the member's time entries of the week at the time of the request (a
 * running entry counts up to now). {@code daily_breakdown} has every day of the week, an empty array for a day
 * without time, one row per contract (or "no project") in order of first appearance. Amounts (and
 * {@code currency}) are present only when the caller sees rates: per row the contract's hourly rate (null for a
 * non-billable project or time without a contract), {@code total_amount} their sum.
 */
final class TimesheetJson {

    private record Row(Long contractId, Long projectId) {
    }

    private TimesheetJson() {
    }

    static ObjectNode timesheet(SandboxTimesheet t, SandboxState state, boolean seesRates, Instant now) {
        List<SandboxTimeEntry> entries = state.timeEntries(t.workspaceId()).stream()
                .filter(e -> e.userId() == t.userId() && t.covers(e.date()))
                .toList();
        ObjectNode breakdown = Json.object();
        long totalMinutes = 0;
        BigDecimal totalAmount = BigDecimal.ZERO;
        for (LocalDate day = t.dateFrom(); !day.isAfter(t.dateTo()); day = day.plusDays(1)) {
            ArrayNode rows = breakdown.putArray(day.toString());
            for (Map.Entry<Row, Long> row : minutesByRow(entries, day, now).entrySet()) {
                BigDecimal amount = amount(row.getKey(), row.getValue(), state);
                rows.add(row(row.getKey(), row.getValue(), amount, seesRates, state));
                totalMinutes += row.getValue();
                totalAmount = amount == null ? totalAmount : totalAmount.add(amount);
            }
        }
        ObjectNode n = Json.object();
        n.put("id", t.id());
        n.put("user_id", t.userId());
        n.put("member", state.user(t.userId()).map(u -> u.fullName()).orElse(null));
        n.put("date_from", Json.date(t.dateFrom()));
        n.put("date_to", Json.date(t.dateTo()));
        n.put("total_minutes", totalMinutes);
        n.put("status", t.status());
        n.put("submitted_at", Json.timestamp(t.submittedAt()));
        n.put("submitted_by", t.submittedBy());
        n.put("reviewed_at", Json.timestamp(t.reviewedAt()));
        n.put("reviewed_by", t.reviewedBy());
        n.put("reject_reason", t.rejectReason());
        n.set("daily_breakdown", breakdown);
        if (seesRates) {
            n.put("total_amount", totalAmount.setScale(2, RoundingMode.HALF_UP));
            n.put("currency", ContractJson.CURRENCY);
        }
        n.put("created_at", Json.timestamp(t.createdAt()));
        n.put("updated_at", Json.timestamp(t.updatedAt()));
        return n;
    }

    private static Map<Row, Long> minutesByRow(List<SandboxTimeEntry> entries, LocalDate day, Instant now) {
        Map<Row, Long> rows = new LinkedHashMap<>();
        entries.stream().filter(e -> e.date().equals(day))
                .forEach(e -> rows.merge(new Row(e.contractId(), e.projectId()), e.durationMinutes(now), Long::sum));
        return rows;
    }

    private static ObjectNode row(Row key, long minutes, BigDecimal amount, boolean seesRates, SandboxState state) {
        ObjectNode n = Json.object();
        n.put("project_id", key.projectId());
        n.put("project_name", key.projectId() == null ? null
                : state.project(key.projectId()).map(SandboxProject::name).orElse(null));
        n.put("contract_id", key.contractId());
        n.put("total_minutes", minutes);
        if (seesRates) {
            n.put("total_amount", amount);
        }
        return n;
    }

    private static BigDecimal amount(Row key, long minutes, SandboxState state) {
        Double rate = key.contractId() == null ? null
                : state.contract(key.contractId()).map(c -> ContractJson.hourlyRate(c, state)).orElse(null);
        return rate == null ? null
                : BigDecimal.valueOf(rate).multiply(BigDecimal.valueOf(minutes))
                        .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }
}
