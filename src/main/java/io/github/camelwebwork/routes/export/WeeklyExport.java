package io.github.camelwebwork.routes.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.metrics.Progress;
import io.github.camelwebwork.model.Member;
import io.github.camelwebwork.model.ModelJson;
import io.github.camelwebwork.model.TimeEntry;
import io.github.camelwebwork.model.TrackedHoursDay;
import io.github.camelwebwork.model.TrackedHoursReport;
import io.github.camelwebwork.model.TrackedHoursUser;
import io.github.camelwebwork.state.AtomicFiles;
import org.apache.commons.csv.CSVPrinter;

/**
 * The export of one week: {@code tracked-hours-<week>.csv/.json} and {@code time-entries-<week>.csv/.json} in one
 * directory. Everything is first written to hidden temporary files next to the targets; {@link #commit()} renames
 * each over its target atomically ({@link AtomicFiles}), so a reader sees the old complete file or the new one, and
 * a second export of the same week replaces the files rather than adding to them. {@link #abort()} deletes the
 * temporary files and leaves the previous files untouched. Time entries are streamed to disk member by member, so a
 * large workspace does not have to fit in memory.
 * <p>
 * Not thread-safe beyond its own synchronized methods: one export feeds it sequentially (the route's splitters do).
 */
public final class WeeklyExport {

    /** Time entries of this method are not tracked time (the tracked-hours report leaves them out). */
    public static final String BREAK = "Break";

    private static final ObjectMapper JSON = ModelJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ExportPeriod period;
    private final Path directory;
    private final Clock clock;
    private final Map<Path, Path> pending = new LinkedHashMap<>();   // temp -> target

    private CSVPrinter entriesCsv;
    private JsonGenerator entriesJson;
    private Member member;
    private long memberTracked;
    private long memberBreaks;
    private int memberEntries;
    private int members;
    private int entries;
    private long trackedMinutes;
    private boolean finished;
    private Progress progress;

    private WeeklyExport(ExportPeriod period, Path directory, Clock clock) {
        this.period = period;
        this.directory = directory.toAbsolutePath().normalize();
        this.clock = clock;
    }

    /** Starts the export of {@code period} into {@code directory} (created when missing). */
    public static WeeklyExport open(ExportPeriod period, Path directory, Clock clock) throws IOException {
        WeeklyExport export = new WeeklyExport(period, directory, clock);
        Files.createDirectories(export.directory);
        return export;
    }

    /** The members done of those listed, once the first member began; null before. */
    public synchronized Progress getProgress() {
        return progress;
    }

    /** Reports the export's progress in {@code progress} (members done of those listed). */
    public synchronized void setProgress(Progress progress) {
        this.progress = progress;
    }

    public ExportPeriod getPeriod() {
        return period;
    }

    public Path getDirectory() {
        return directory;
    }

    /** Where a file of this export ends up, e.g. {@code <dir>/time-entries-2026-W47.csv}. */
    public Path target(String prefix, String extension) {
        return directory.resolve(period.fileName(prefix, extension));
    }

    // ---- tracked hours --------------------------------------------------------------------------------------

    /**
     * Writes the tracked-hours CSV (one row per day, user and project) and JSON (period, per-user week totals and the
     * report as the API sent it) to temporary files. Returns a one-line summary for the log.
     */
    public synchronized String writeTrackedHours(TrackedHoursReport report) throws IOException {
        checkOpen();
        List<List<Object>> rows = CsvExport.trackedHoursRows(report);
        Path csv = temp(target("tracked-hours", "csv"));
        try (CSVPrinter printer = CsvExport.printer(writer(csv), CsvExport.TRACKED_HOURS_HEADER)) {
            printer.printRecords(rows);
        }
        Map<Long, UserWeek> users = new TreeMap<>();
        long total = 0;
        for (Map.Entry<String, TrackedHoursDay> day : report.getDays().entrySet()) {
            for (TrackedHoursUser u : day.getValue().getUsers()) {
                int minutes = u.getTotalMinutes() == null ? 0 : u.getTotalMinutes();
                UserWeek week = users.computeIfAbsent(u.getUserId(), id -> new UserWeek(u.getUserName()));
                week.days.merge(day.getKey(), minutes, Integer::sum);
                week.minutes += minutes;
                total += minutes;
            }
        }
        ObjectNode json = header("tracked-hours");
        json.put("total_minutes", total);
        json.put("total_hours", CsvExport.hours(total));
        ArrayNode userNodes = json.putArray("users");
        users.forEach((id, week) -> {
            ObjectNode n = userNodes.addObject();
            n.put("user_id", id);
            n.put("user_name", week.name);
            n.put("total_minutes", week.minutes);
            n.put("total_hours", CsvExport.hours(week.minutes));
            week.days.forEach(n.putObject("minutes_by_day")::put);
        });
        json.set("report", JSON.valueToTree(report));
        Path jsonFile = temp(target("tracked-hours", "json"));
        try (Writer out = writer(jsonFile)) {
            JSON.writeValue(out, json);
        }
        return String.format("%d rows, %d users, %d minutes (%s h)", rows.size(), users.size(), total,
                CsvExport.hours(total));
    }

    private static final class UserWeek {
        final String name;
        final Map<String, Integer> days = new TreeMap<>();
        long minutes;

        UserWeek(String name) {
            this.name = name;
        }
    }

    // ---- time entries ---------------------------------------------------------------------------------------

    /** Starts the time entries of {@code next}; the previous member, if any, is finished first. */
    public synchronized void beginMember(Member next) throws IOException {
        checkOpen();
        openEntries();
        endMemberQuietly();
        member = next;
        memberTracked = 0;
        memberBreaks = 0;
        memberEntries = 0;
        members++;
        entriesJson.writeStartObject();
        entriesJson.writeNumberField("user_id", next.getId());
        entriesJson.writeStringField("user_name", name(next));
        entriesJson.writeStringField("status", next.getStatus());
        entriesJson.writeArrayFieldStart("entries");
    }

    /** Appends time entries (one day's list, read lazily page by page) of the current member. */
    public synchronized int addTimeEntries(Iterable<TimeEntry> list) throws IOException {
        checkOpen();
        if (member == null) {
            throw new IllegalStateException("beginMember first");
        }
        int added = 0;
        if (list != null) {
            for (TimeEntry e : list) {
                entriesCsv.printRecord(CsvExport.timeEntryRow(e, name(member)));
                JSON.writeValue(entriesJson, e);
                int minutes = e.getDurationMinutes() == null ? 0 : e.getDurationMinutes();
                if (BREAK.equals(e.getMethod())) {
                    memberBreaks += minutes;
                } else {
                    memberTracked += minutes;
                }
                memberEntries++;
                added++;
            }
        }
        return added;
    }

    /** Finishes the current member and returns a one-line summary of it for the progress log. */
    public synchronized String endMember() throws IOException {
        checkOpen();
        if (member == null) {
            return "no member";
        }
        String summary = String.format("%s (user %d): %d entries, %d tracked minutes (%s h), %d break minutes",
                name(member), member.getId(), memberEntries, memberTracked, CsvExport.hours(memberTracked),
                memberBreaks);
        endMemberQuietly();
        return summary;
    }

    private void endMemberQuietly() throws IOException {
        if (member == null) {
            return;
        }
        entriesJson.writeEndArray();
        entriesJson.writeNumberField("tracked_minutes", memberTracked);
        entriesJson.writeNumberField("break_minutes", memberBreaks);
        entriesJson.writeEndObject();
        entries += memberEntries;
        trackedMinutes += memberTracked;
        member = null;
    }

    private void openEntries() throws IOException {
        if (entriesCsv != null) {
            return;
        }
        entriesCsv = CsvExport.printer(writer(temp(target("time-entries", "csv"))), CsvExport.TIME_ENTRIES_HEADER);
        entriesJson = JSON.getFactory().createGenerator(writer(temp(target("time-entries", "json"))));
        entriesJson.useDefaultPrettyPrinter();
        entriesJson.writeStartObject();
        header("time-entries").properties().forEach(e -> {
            try {
                entriesJson.writeFieldName(e.getKey());
                JSON.writeTree(entriesJson, e.getValue());
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        });
        entriesJson.writeArrayFieldStart("members");
    }

    // ---- commit / abort -------------------------------------------------------------------------------------

    /**
     * Finishes the files and renames every temporary file over its target. Returns the target paths written.
     * After a failure here the files not yet renamed are deleted, the ones renamed stay (each complete).
     */
    public synchronized List<Path> commit() throws IOException {
        checkOpen();
        try {
            openEntries();                    // a week without members still gets its (empty) files
            endMemberQuietly();
            entriesJson.writeEndArray();
            entriesJson.writeNumberField("member_count", members);
            entriesJson.writeNumberField("entry_count", entries);
            entriesJson.writeNumberField("tracked_minutes", trackedMinutes);
            entriesJson.writeEndObject();
            closeWriters();
            List<Path> written = new ArrayList<>();
            for (Map.Entry<Path, Path> e : new ArrayList<>(pending.entrySet())) {
                AtomicFiles.commit(e.getKey(), e.getValue());
                pending.remove(e.getKey());
                written.add(e.getValue());
            }
            finished = true;
            return written;
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
    }

    /** Drops the export: closes and deletes its temporary files. Safe to call more than once, or after commit. */
    public synchronized void abort() {
        try {
            closeWriters();
        } catch (IOException | RuntimeException e) {
            // the files are deleted below anyway
        }
        pending.keySet().forEach(AtomicFiles::discard);
        pending.clear();
        finished = true;
    }

    public synchronized boolean isFinished() {
        return finished;
    }

    /** Members and entries written so far, e.g. for a final log line. */
    public synchronized String summary() {
        return String.format("%d members, %d time entries, %d tracked minutes (%s h)", members, entries,
                trackedMinutes, CsvExport.hours(trackedMinutes));
    }

    private void closeWriters() throws IOException {
        try {
            if (entriesJson != null && !entriesJson.isClosed()) {
                entriesJson.close();
            }
        } finally {
            if (entriesCsv != null) {
                entriesCsv.close(true);
            }
        }
    }

    private ObjectNode header(String kind) {
        ObjectNode n = JSON.createObjectNode();
        n.put("export", kind);
        n.put("period", period.getLabel());
        n.put("start_date", period.getStartDate());
        n.put("end_date", period.getEndDate());
        n.put("time_zone", period.getZone().getId());
        n.put("generated_at", Instant.now(clock).toString());
        return n;
    }

    private Path temp(Path target) throws IOException {
        Path temp = AtomicFiles.tempFileFor(target);
        pending.put(temp, target);
        return temp;
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    private static String name(Member m) {
        String first = m.getFirstname() == null ? "" : m.getFirstname();
        String last = m.getLastname() == null ? "" : m.getLastname();
        String name = (first + " " + last).trim();
        return name.isEmpty() ? null : name;
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("The export of " + period.getLabel() + " is already committed or aborted");
        }
    }
}
