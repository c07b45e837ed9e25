package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.sandbox.SandboxTimeEntry;
import io.github.camelwebwork.sandbox.SandboxUser;
import io.github.camelwebwork.sandbox.http.Json;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * §7.14 {@code /reports/activity-level} (activity percentage per user per day, minutes-weighted over the entries
 * that measure activity, null on a day without any) and H8 {@code /reports/activity-descriptions} (per user the
 * distinct descriptions of tracked time with their minutes, most time first; time without a description is one
 * row with {@code activity_description} null, so the rows add up to the user's total).
 */
final class ActivityReports {

    private final ReportContext ctx;

    ActivityReports(ReportContext ctx) {
        this.ctx = ctx;
    }

    /** A user's tracked entries in the range, of one contract when {@code contractId} is set. */
    List<SandboxTimeEntry> tracked(SandboxUser user, ReportQuery.Range range, Long contractId) {
        return ctx.entries(user.id(), range.start(), range.end()).stream().filter(ReportContext::isTracked)
                .filter(e -> contractId == null || contractId.equals(e.contractId()))
                .toList();
    }

    ObjectNode activityLevel(SandboxUser user, ReportQuery.Range range, Long contractId) {
        List<SandboxTimeEntry> tracked = tracked(user, range, contractId);
        ObjectNode n = Json.object();
        n.put("user_id", user.id());
        n.put("user_name", user.fullName());
        n.put("tracked_minutes", tracked.stream().mapToLong(ctx::minutes).sum());
        n.put("activity_level", ctx.activityLevel(tracked));
        ArrayNode daily = n.putArray("daily");
        for (LocalDate day : range.days()) {
            List<SandboxTimeEntry> ofDay = tracked.stream().filter(e -> e.date().equals(day)).toList();
            daily.addObject().put("date", day.toString())
                    .put("tracked_minutes", ofDay.stream().mapToLong(ctx::minutes).sum())
                    .put("activity_level", ctx.activityLevel(ofDay));
        }
        return n;
    }

    /** Over every user of the report, not just one page. */
    ObjectNode overall(List<SandboxUser> users, ReportQuery.Range range, Long contractId) {
        List<SandboxTimeEntry> all = new ArrayList<>();
        users.forEach(u -> all.addAll(tracked(u, range, contractId)));
        return Json.object().put("users_count", users.size())
                .put("tracked_minutes", all.stream().mapToLong(ctx::minutes).sum())
                .put("activity_level", ctx.activityLevel(all));
    }

    ObjectNode descriptions(SandboxUser user, ReportQuery.Range range) {
        Map<String, long[]> byText = new LinkedHashMap<>(); // minutes, entries
        for (SandboxTimeEntry e : tracked(user, range, null)) {
            String text = e.activityDescription() == null || e.activityDescription().isBlank() ? null
                    : e.activityDescription().trim();
            long[] sums = byText.computeIfAbsent(text, t -> new long[2]);
            sums[0] += ctx.minutes(e);
            sums[1]++;
        }
        ObjectNode n = Json.object();
        n.put("user_id", user.id());
        n.put("user_name", user.fullName());
        n.put("total_minutes", byText.values().stream().mapToLong(s -> s[0]).sum());
        ArrayNode rows = n.putArray("activity_descriptions");
        byText.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> x) -> -x.getValue()[0])
                        .thenComparing(Map.Entry::getKey, Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(x -> rows.addObject().put("activity_description", x.getKey())
                        .put("total_minutes", x.getValue()[0]).put("entries_count", x.getValue()[1]));
        return n;
    }
}
