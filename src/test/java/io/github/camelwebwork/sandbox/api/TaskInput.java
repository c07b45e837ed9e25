package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.sandbox.SandboxProject;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxTask;
import io.github.camelwebwork.sandbox.TaskAssignment;
import io.github.camelwebwork.sandbox.http.Messages;
import io.github.camelwebwork.sandbox.http.Validation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The task fields of a create or update body ("Tasks: wire examples" create limits). Only fields that are
 * present and valid are applied; on update every field is optional. Empty strings count as null (Laravel's
 * ConvertEmptyStringsToNull); {@code "assignees": null} means "no assignees".
 */
final class TaskInput {

    static final int MAX_TITLE = 1024;
    static final int MAX_DESCRIPTION = 65535;

    private final Set<String> valid = new HashSet<>();
    private String title;
    private String description;
    private int status;
    private int priority;
    private LocalDate startDate;
    private LocalDate endDate;
    private List<Long> assignees = List.of();
    private Long parentId;

    private TaskInput() {
    }

    static TaskInput parse(JsonNode body, boolean creating, Validation v) {
        TaskInput in = new TaskInput();
        if (creating || body.has("title")) {
            JsonNode n = body.get("title");
            if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
                v.add("title", Messages.required("title"));
            } else if (!n.isTextual()) {
                v.add("title", Messages.string("title"));
            } else if (length(n.asText()) > MAX_TITLE) {
                v.add("title", Messages.maxCharacters("title", MAX_TITLE));
            } else {
                in.title = n.asText();
                in.valid.add("title");
            }
        }
        JsonNode d = body.get("description");
        if (d != null) {
            if (d.isNull() || (d.isTextual() && d.asText().isBlank())) {
                in.accept("description");
            } else if (!d.isTextual()) {
                v.add("description", Messages.string("description"));
            } else if (length(d.asText()) > MAX_DESCRIPTION) {
                v.add("description", Messages.maxCharacters("description", MAX_DESCRIPTION));
            } else {
                in.description = d.asText();
                in.accept("description");
            }
        }
        Integer status = choice(body, "status", SandboxTask.STATUSES, v);
        if (status != null) {
            in.status = status;
            in.accept("status");
        }
        Integer priority = choice(body, "priority", SandboxTask.PRIORITIES, v);
        if (priority != null) {
            in.priority = priority;
            in.accept("priority");
        }
        in.startDate = in.date(body, "start_date", v);
        in.endDate = in.date(body, "end_date", v);
        in.parseAssignees(body.get("assignees"), v);
        JsonNode parent = body.get("parent_id");
        if (parent != null) {
            in.parentId = parent.isNull() ? null : v.integer(parent, "parent_id");
            if (!v.has("parent_id")) {
                in.accept("parent_id");
            }
        }
        return in;
    }

    /** end_date ≥ start_date, judged on the values the task will have (the current ones where not sent). */
    void checkDates(LocalDate currentStart, LocalDate currentEnd, Validation v) {
        if (v.has("start_date") || v.has("end_date")) {
            return;
        }
        LocalDate start = valid.contains("start_date") ? startDate : currentStart;
        LocalDate end = valid.contains("end_date") ? endDate : currentEnd;
        if (start != null && end != null && end.isBefore(start)) {
            if (valid.contains("end_date")) {
                v.add("end_date", Messages.afterOrEqual("end_date", "start_date"));
            } else {
                v.add("start_date", Messages.beforeOrEqual("start_date", "end_date"));
            }
        }
    }

    /**
     * Checks that need the state: assignees are members of the workspace (status other than "left"), and the
     * parent is a live task of the same project other than the task itself.
     */
    void checkReferences(SandboxState state, SandboxProject project, SandboxTask self, Validation v) {
        for (int i = 0; i < assignees.size(); i++) {
            boolean member = state.member(project.workspaceId(), assignees.get(i))
                    .filter(m -> !"left".equals(m.status())).isPresent();
            if (!member) {
                v.add("assignees." + i, Messages.invalidChoice("assignees." + i));
            }
        }
        if (parentId != null) {
            boolean ok = state.task(parentId)
                    .filter(p -> !p.isDeleted() && p.projectId() == project.id())
                    .filter(p -> self == null || p.id() != self.id()).isPresent();
            if (!ok) {
                v.add("parent_id", Messages.invalidChoice("parent_id"));
            }
        }
    }

    /** Writes the sent fields into {@code task}; completed_at follows the status (set on 20/30, else cleared). */
    void applyTo(SandboxTask.Builder task, long callerId, Instant now) {
        if (valid.contains("title")) task.title(title);
        if (valid.contains("description")) task.description(description);
        if (valid.contains("priority")) task.priority(priority);
        if (valid.contains("start_date")) task.startDate(startDate);
        if (valid.contains("end_date")) task.endDate(endDate);
        if (valid.contains("parent_id")) task.parentId(parentId);
        if (valid.contains("status")) {
            boolean wasCompleted = SandboxTask.isCompletedStatus(task.status()) && task.completedAt() != null;
            task.status(status);
            if (!SandboxTask.isCompletedStatus(status)) {
                task.completedAt(null);
            } else if (!wasCompleted) {
                task.completedAt(now);
            }
        }
        if (valid.contains("assignees")) {
            List<TaskAssignment> next = new ArrayList<>();
            for (long userId : new LinkedHashSet<>(assignees)) {
                next.add(task.assignments().stream().filter(a -> a.userId() == userId).findFirst()
                        .orElse(TaskAssignment.of(userId, callerId)));
            }
            task.assignments(next);
        }
    }

    private void parseAssignees(JsonNode n, Validation v) {
        if (n == null) {
            return;
        }
        if (n.isNull()) {
            accept("assignees");
            return;
        }
        if (!n.isArray()) {
            v.add("assignees", Messages.array("assignees"));
            return;
        }
        List<Long> ids = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < n.size(); i++) {
            Long id = v.integer(n.get(i), "assignees." + i);
            ok &= id != null;
            ids.add(id);
        }
        if (ok) {
            assignees = ids;
            accept("assignees");
        }
    }

    private LocalDate date(JsonNode body, String field, Validation v) {
        JsonNode n = body.get(field);
        if (n == null) {
            return null;
        }
        LocalDate date = n.isNull() || (n.isTextual() && n.asText().isEmpty()) ? null : v.date(n, field);
        if (!v.has(field)) {
            accept(field);
        }
        return date;
    }

    private static Integer choice(JsonNode body, String field, Set<Integer> allowed, Validation v) {
        JsonNode n = body.get(field);
        if (n == null) {
            return null;
        }
        Long value = n.isNull() ? null : v.integer(n, field);
        if (n.isNull()) {
            v.add(field, Messages.integer(field));
        } else if (value != null && !Validation.isChoice(value, allowed)) {
            v.add(field, Messages.invalidChoice(field));
            return null;
        }
        return value == null ? null : value.intValue();
    }

    private void accept(String field) {
        valid.add(field);
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
