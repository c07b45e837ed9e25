package io.github.camelwebwork.sandbox.api;

import io.github.camelwebwork.sandbox.SandboxContract;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxTask;
import io.github.camelwebwork.sandbox.SandboxTimeEntry;
import io.github.camelwebwork.sandbox.SandboxWorkspace;
import io.github.camelwebwork.sandbox.http.Validation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The changes of PUT /time-entries/{id} (§7.8), checked against the entry's current values. The method is kept:
 * an edited tracker entry stays a tracker entry.
 */
final class TimeEntryEdit {

    static final String RUNNING = "A running time entry cannot be changed; stop the tracker first.";
    static final String OVERLAP = "The time entry overlaps another time entry.";

    private final SandboxState state;
    private final SandboxWorkspace ws;
    private final SandboxTimeEntry entry;
    private final Validation v;
    private Long contractId;
    private Long projectId;
    private Long taskId;
    private String description;
    private String notes;
    private LocalDate date;
    private Instant start;
    private Instant end;

    TimeEntryEdit(SandboxState state, SandboxWorkspace ws, SandboxTimeEntry entry, Validation v) {
        this.state = state;
        this.ws = ws;
        this.entry = entry;
        this.v = v;
        contractId = entry.contractId();
        projectId = entry.projectId();
        taskId = entry.taskId();
        description = entry.activityDescription();
        notes = entry.notes();
        date = entry.date();
        start = entry.start();
        end = entry.end();
    }

    /** A new contract drops a task of the old project unless a task is sent too; null clears either. */
    void assignment(boolean contractSent, Long newContractId, boolean taskSent, Long newTaskId) {
        if (contractSent) {
            SandboxContract c = TimeRules.contract(state, ws, newContractId, entry.userId(), v);
            contractId = c == null ? null : c.id();
            projectId = c == null ? null : c.projectId();
            boolean taskElsewhere = taskId != null && state.task(taskId)
                    .filter(t -> projectId != null && t.projectId() == projectId).isEmpty();
            if (!taskSent && taskElsewhere) {
                taskId = null;
            }
        }
        if (!taskSent || v.has("contract_id") || v.has("task_id")) {
            return;
        }
        if (newTaskId == null) {
            taskId = null;
        } else if (contractId == null) {
            v.add("contract_id", TimeFields.requiredWith("contract_id", "task_id"));
        } else {
            SandboxTask task = TimeRules.task(state, state.contract(contractId).orElseThrow(), newTaskId, v);
            taskId = task == null ? taskId : Long.valueOf(task.id());
        }
    }

    /** Only notes sent: it is the description too (the manual-time form has one text). */
    void texts(boolean descriptionSent, String newDescription, boolean notesSent, String newNotes) {
        if (descriptionSent) {
            description = newDescription;
        }
        if (notesSent) {
            notes = newNotes;
            description = descriptionSent ? description : newNotes;
        }
    }

    void times(LocalDate newDate, LocalTime from, LocalTime to, ZoneId zone) {
        if (entry.isRunning()) {
            v.add("end_time", RUNNING);
            return;
        }
        long shift = newDate == null ? 0 : ChronoUnit.DAYS.between(entry.date(), newDate);
        LocalDate day = newDate == null ? entry.date() : newDate;
        Instant s = from != null ? day.atTime(from).atZone(zone).toInstant()
                : entry.start().atZone(zone).plusDays(shift).toInstant();
        Instant e = to != null ? day.atTime(to).atZone(zone).toInstant()
                : entry.end().atZone(zone).plusDays(shift).toInstant();
        if (!e.isAfter(s)) {
            v.add("end_time", TimeFields.after("end_time", "start_time"));
        } else if (e.isAfter(state.clock().instant())) {
            v.add("end_time", TimeEntriesApi.FUTURE);
        } else if (overlapsAnother(s, e)) {
            v.add("start_time", OVERLAP);
        }
        date = day;
        start = s;
        end = e;
    }

    SandboxTimeEntry result(Instant now) {
        return new SandboxTimeEntry(entry.id(), entry.workspaceId(), entry.userId(), contractId, projectId, taskId,
                description, notes, entry.method(), date, start, end, entry.activityLevel(), entry.createdAt(), now);
    }

    private boolean overlapsAnother(Instant s, Instant e) {
        return state.timeEntries(ws.id()).stream()
                .filter(x -> x.userId() == entry.userId() && !x.id().equals(entry.id()))
                .anyMatch(x -> x.start().isBefore(e) && (x.end() == null || x.end().isAfter(s)));
    }
}
