package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.sandbox.SandboxProject;
import io.github.camelwebwork.sandbox.SandboxTask;
import io.github.camelwebwork.sandbox.SandboxTimeEntry;
import io.github.camelwebwork.sandbox.SandboxUser;
import io.github.camelwebwork.sandbox.http.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One user's row of §7.14 {@code /reports/daily-timeline}: every entry of the day (breaks included, running ones
 * with {@code end} null), times in ISO 8601 with the offset of the workspace owner's timezone (e.g.
 * {@code 2024-05-13T09:00:00+01:00}, "+00:00" rather than "Z" as PHP writes it). {@code total_minutes} and the
 * user's {@code activity_level} cover tracked time only; {@code total_amount} and {@code currency} only with rates.
 */
final class TimelineReport {

    static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final ReportContext ctx;

    TimelineReport(ReportContext ctx) {
        this.ctx = ctx;
    }

    ObjectNode user(SandboxUser user, LocalDate date) {
        List<SandboxTimeEntry> day = ctx.entries(user.id(), date, date);
        List<SandboxTimeEntry> tracked = day.stream().filter(ReportContext::isTracked).toList();
        ObjectNode n = Json.object();
        n.put("user_id", user.id());
        n.put("user_name", user.fullName());
        n.put("total_minutes", tracked.stream().mapToLong(ctx::minutes).sum());
        n.put("activity_level", ctx.activityLevel(tracked));
        if (ctx.seesRates) {
            BigDecimal amount = tracked.stream().map(ctx::amount).filter(a -> a != null)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            n.put("total_amount", amount.setScale(2, RoundingMode.HALF_UP));
            n.put("currency", ContractJson.CURRENCY);
        }
        ArrayNode entries = n.putArray("time_entries");
        day.forEach(e -> entries.add(entry(e)));
        return n;
    }

    private ObjectNode entry(SandboxTimeEntry e) {
        ObjectNode n = Json.object();
        n.put("id", e.id());
        n.put("start", time(e.start()));
        n.put("end", time(e.end()));
        n.put("duration_minutes", ctx.minutes(e));
        n.put("project_id", e.projectId());
        n.put("project_name", e.projectId() == null ? null
                : ctx.state.project(e.projectId()).map(SandboxProject::name).orElse(null));
        n.put("task_id", e.taskId());
        n.put("task_title", e.taskId() == null ? null
                : ctx.state.task(e.taskId()).map(SandboxTask::title).orElse(null));
        n.put("activity_description", e.activityDescription());
        n.put("method", e.method());
        n.put("activity_level", e.activityLevel());
        return n;
    }

    private String time(Instant instant) {
        return instant == null ? null : OFFSET_TIME.format(instant.atZone(ctx.ownerZone()));
    }
}
