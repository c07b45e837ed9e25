package io.github.camelwebwork.sandbox.api;

import io.github.camelwebwork.sandbox.SandboxProject;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.http.Messages;
import io.github.camelwebwork.sandbox.http.Validation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The body of a project create or update (§7.3): {@code name}* (create), {@code start_date}, {@code deadline}
 * (≥ start_date), {@code estimation} and {@code budget} (numbers ≥ 0), {@code notes}, {@code icon}. On update
 * every field is optional and a field sent as null clears it (name excepted).
 */
final class ProjectInput {

    static final int MAX_NOTES = 65535;

    private final BodyFields f;
    private final Validation v;
    private String name;
    private LocalDate startDate;
    private LocalDate deadline;
    private Double estimation;
    private Double budget;
    private String notes;
    private String icon;

    private ProjectInput(BodyFields f, Validation v) {
        this.f = f;
        this.v = v;
    }

    static ProjectInput parse(BodyFields f, Validation v, boolean creating) {
        ProjectInput in = new ProjectInput(f, v);
        in.name = f.presentText("name", creating, BodyFields.MAX_STRING);
        in.startDate = f.date("start_date");
        in.deadline = f.date("deadline");
        in.estimation = f.number("estimation", 0);
        in.budget = f.number("budget", 0);
        in.notes = f.text("notes", false, MAX_NOTES);
        in.icon = f.text("icon", false, BodyFields.MAX_STRING);
        return in;
    }

    /**
     * deadline ≥ start_date on the values the project will have; the name is unique among the workspace's live
     * projects, compared case-insensitively (the reference is silent; a second "Website" would be ambiguous in
     * every picker, and MySQL's default collation compares that way).
     */
    void check(SandboxState state, long workspaceId, SandboxProject current) {
        LocalDate start = pick("start_date", startDate, current == null ? null : current.startDate());
        LocalDate end = pick("deadline", deadline, current == null ? null : current.deadline());
        if (!v.has("start_date") && !v.has("deadline") && start != null && end != null && end.isBefore(start)) {
            v.add("deadline", Messages.afterOrEqual("deadline", "start_date"));
        }
        if (name != null) {
            String wanted = name.toLowerCase(Locale.ROOT);
            boolean taken = state.projects(workspaceId).stream()
                    .filter(p -> current == null || p.id() != current.id())
                    .anyMatch(p -> p.name().toLowerCase(Locale.ROOT).equals(wanted));
            if (taken) {
                v.add("name", BodyFields.takenMessage("name"));
            }
        }
    }

    SandboxProject applyTo(SandboxProject p, Instant now) {
        return p.withDetails(name != null ? name : p.name(), pick("start_date", startDate, p.startDate()),
                pick("deadline", deadline, p.deadline()), pick("estimation", estimation, p.estimation()),
                pick("budget", budget, p.budget()), pick("notes", notes, p.notes()), pick("icon", icon, p.icon()),
                now);
    }

    /** The sent value (null included) when the field was sent, else the current one. */
    private <T> T pick(String field, T sent, T current) {
        return f.has(field) ? sent : current;
    }
}
