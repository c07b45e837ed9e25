package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.sandbox.SandboxProject;
import io.github.camelwebwork.sandbox.SandboxTask;
import io.github.camelwebwork.sandbox.SandboxTimeEntry;
import io.github.camelwebwork.sandbox.SandboxUser;
import io.github.camelwebwork.sandbox.http.Json;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One user's row of §7.14 {@code /reports/task-report}: {@code tasks_breakdown} (minutes per task, most time first)
 * and {@code daily_breakdown} (per date with time, minutes per task). Time without a task is the row with
 * {@code task_id} null, left out when {@code include_no_task} is false or when {@code task_id} filters to given
 * tasks; {@code project_id} filters on the entries' projects.
 */
final class TaskReport {

    record Filters(List<Long> projectIds, List<Long> taskIds, boolean includeNoTask) {
    }

    private record Key(Long taskId, Long projectId) {
    }

    private final ReportContext ctx;

    TaskReport(ReportContext ctx) {
        this.ctx = ctx;
    }

    ObjectNode user(SandboxUser user, ReportQuery.Range range, Filters f) {
        List<SandboxTimeEntry> entries = ctx.entries(user.id(), range.start(), range.end()).stream()
                .filter(ReportContext::isTracked).filter(e -> passes(e, f)).toList();
        Map<Key, Long> perTask = new LinkedHashMap<>();
        Map<LocalDate, Map<Key, Long>> perDay = new TreeMap<>();
        for (SandboxTimeEntry e : entries) {
            Key key = new Key(e.taskId(), e.taskId() == null ? null : e.projectId());
            perTask.merge(key, ctx.minutes(e), Long::sum);
            perDay.computeIfAbsent(e.date(), d -> new LinkedHashMap<>()).merge(key, ctx.minutes(e), Long::sum);
        }
        ObjectNode n = Json.object();
        n.put("user_id", user.id());
        n.put("user_name", user.fullName());
        n.put("total_minutes", perTask.values().stream().mapToLong(Long::longValue).sum());
        ArrayNode tasks = n.putArray("tasks_breakdown");
        perTask.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<Key, Long> x) -> -x.getValue())
                        .thenComparing(x -> x.getKey().taskId(), Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(x -> tasks.add(row(x.getKey(), x.getValue(), true)));
        ObjectNode daily = n.putObject("daily_breakdown");
        perDay.forEach((day, rows) -> {
            ArrayNode list = daily.putArray(day.toString());
            rows.forEach((key, minutes) -> list.add(row(key, minutes, false)));
        });
        return n;
    }

    private boolean passes(SandboxTimeEntry e, Filters f) {
        if (e.taskId() == null && (!f.includeNoTask() || !f.taskIds().isEmpty())) {
            return false;
        }
        return (f.taskIds().isEmpty() || f.taskIds().contains(e.taskId()))
                && (f.projectIds().isEmpty() || (e.projectId() != null && f.projectIds().contains(e.projectId())));
    }

    private ObjectNode row(Key key, long minutes, boolean withProject) {
        ObjectNode n = Json.object();
        n.put("task_id", key.taskId());
        n.put("task_title", key.taskId() == null ? null
                : ctx.state.task(key.taskId()).map(SandboxTask::title).orElse(null));
        if (withProject) {
            n.put("project_id", key.projectId());
            n.put("project_name", key.projectId() == null ? null
                    : ctx.state.project(key.projectId()).map(SandboxProject::name).orElse(null));
        }
        n.put("total_minutes", minutes);
        return n;
    }
}
