package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.sandbox.SandboxMember;
import io.github.camelwebwork.sandbox.SandboxProject;
import io.github.camelwebwork.sandbox.SandboxTimeEntry;
import io.github.camelwebwork.sandbox.SandboxUser;
import io.github.camelwebwork.sandbox.http.Json;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * §7.14 {@code /reports/tracked-hours}: minutes per date, user and (project, contract), summed from the time entries
 * that pass every filter. Only dates with tracked time get a key; users by id, project rows in order of first
 * appearance (time without a project is a row with {@code project_id} null). With rates visible every level carries
 * {@code total_amount} keyed by currency. The filters combine with AND; within one filter the values combine with OR.
 */
final class TrackedHoursReport {

    /** The filters of the request; an empty list means "no filter". {@code currencies} only when rates are seen. */
    record Filters(Long userId, List<Long> users, List<Long> projects, List<String> teams, List<String> titles,
                   List<String> currencies) {
    }

    private record Row(Long projectId, Long contractId) {
    }

    private final ReportContext ctx;

    TrackedHoursReport(ReportContext ctx) {
        this.ctx = ctx;
    }

    ObjectNode build(ReportQuery.Range range, Filters f) {
        Map<LocalDate, Map<Long, Map<Row, List<SandboxTimeEntry>>>> grouped = new TreeMap<>();
        for (SandboxTimeEntry e : ctx.tracked(range.start(), range.end())) {
            if (passes(e, f)) {
                grouped.computeIfAbsent(e.date(), d -> new TreeMap<>())
                        .computeIfAbsent(e.userId(), u -> new LinkedHashMap<>())
                        .computeIfAbsent(new Row(e.projectId(), e.contractId()), r -> new ArrayList<>())
                        .add(e);
            }
        }
        ObjectNode data = Json.object();
        data.put("report_type", "tracked_hours");
        data.put("start_date", Json.date(range.start()));
        data.put("end_date", Json.date(range.end()));
        long total = 0;
        BigDecimal amount = null;
        ObjectNode days = Json.object();
        for (Map.Entry<LocalDate, Map<Long, Map<Row, List<SandboxTimeEntry>>>> day : grouped.entrySet()) {
            ArrayNode users = days.putObject(day.getKey().toString()).putArray("users");
            for (Map.Entry<Long, Map<Row, List<SandboxTimeEntry>>> user : day.getValue().entrySet()) {
                ObjectNode userNode = user(user.getKey(), user.getValue());
                users.add(userNode);
                total += userNode.path("total_minutes").asLong();
                amount = add(amount, sum(user.getValue().values().stream().flatMap(List::stream).toList()));
            }
        }
        data.put("total_minutes", total);
        if (ctx.seesRates) {
            data.set("total_amount", ReportContext.byCurrency(amount));
        }
        data.setAll(days);
        return data;
    }

    private ObjectNode user(long userId, Map<Row, List<SandboxTimeEntry>> rows) {
        ObjectNode n = Json.object();
        n.put("user_id", userId);
        n.put("user_name", ctx.state.user(userId).map(SandboxUser::fullName).orElse(null));
        ArrayNode projects = Json.array();
        long total = 0;
        BigDecimal amount = null;
        for (Map.Entry<Row, List<SandboxTimeEntry>> row : rows.entrySet()) {
            long minutes = row.getValue().stream().mapToLong(ctx::minutes).sum();
            ObjectNode p = projects.addObject();
            p.put("project_id", row.getKey().projectId());
            p.put("project_name", row.getKey().projectId() == null ? null
                    : ctx.state.project(row.getKey().projectId()).map(SandboxProject::name).orElse(null));
            p.put("contract_id", row.getKey().contractId());
            p.put("total_minutes", minutes);
            BigDecimal rowAmount = sum(row.getValue());
            if (ctx.seesRates) {
                p.set("total_amount", ReportContext.byCurrency(rowAmount));
            }
            total += minutes;
            amount = add(amount, rowAmount);
        }
        n.put("total_minutes", total);
        if (ctx.seesRates) {
            n.set("total_amount", ReportContext.byCurrency(amount));
        }
        n.set("projects", projects);
        return n;
    }

    private boolean passes(SandboxTimeEntry e, Filters f) {
        SandboxMember m = ctx.member(e.userId());
        return (f.userId() == null || e.userId() == f.userId())
                && (f.users().isEmpty() || f.users().contains(e.userId()))
                && (f.projects().isEmpty() || (e.projectId() != null && f.projects().contains(e.projectId())))
                && (f.teams().isEmpty() || (m != null && m.teamName() != null && f.teams().contains(m.teamName())))
                && (f.titles().isEmpty() || (m != null && m.title() != null && f.titles().contains(m.title())))
                && (f.currencies().isEmpty()
                        || (f.currencies().contains(ContractJson.CURRENCY) && ctx.amount(e) != null));
    }

    private BigDecimal sum(List<SandboxTimeEntry> entries) {
        BigDecimal total = null;
        for (SandboxTimeEntry e : entries) {
            total = add(total, ctx.amount(e));
        }
        return total;
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }
}
