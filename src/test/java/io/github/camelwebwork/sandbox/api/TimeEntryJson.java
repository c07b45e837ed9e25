package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.sandbox.SandboxProject;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxTask;
import io.github.camelwebwork.sandbox.SandboxTimeEntry;
import io.github.camelwebwork.sandbox.http.Json;
import java.time.Instant;

/**
 * The TimeEntry of §7.8. {@code start_time}/{@code end_time} are UTC ISO-8601 timestamps in the format of every
 * other sandbox timestamp; {@code date} is the member's local day; a running entry has {@code end_time} null and
 * its duration so far.
 */
final class TimeEntryJson {

    private TimeEntryJson() {
    }

    static ObjectNode entry(SandboxTimeEntry e, SandboxState state, Instant now) {
        ObjectNode n = Json.object();
        n.put("id", e.id());
        n.put("user_id", e.userId());
        n.put("contract_id", e.contractId());
        n.put("project_id", e.projectId());
        n.put("project_name", e.projectId() == null ? null
                : state.project(e.projectId()).map(SandboxProject::name).orElse(null));
        n.put("task_id", e.taskId());
        n.put("task_title", e.taskId() == null ? null : state.task(e.taskId()).map(SandboxTask::title).orElse(null));
        n.put("activity_description", e.activityDescription());
        n.put("method", e.method());
        n.put("date", Json.date(e.date()));
        n.put("start_time", Json.timestamp(e.start()));
        n.put("end_time", Json.timestamp(e.end()));
        n.put("duration_minutes", e.durationMinutes(now));
        return n;
    }
}
