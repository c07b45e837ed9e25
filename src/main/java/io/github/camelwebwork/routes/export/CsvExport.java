package io.github.camelwebwork.routes.export;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.model.TimeEntry;
import io.github.camelwebwork.model.TrackedHoursDay;
import io.github.camelwebwork.model.TrackedHoursProject;
import io.github.camelwebwork.model.TrackedHoursReport;
import io.github.camelwebwork.model.TrackedHoursUser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV layouts of the scheduled exports, written with Apache Commons CSV in RFC 4180 form (comma, double quotes
 * around values that need them, CRLF line ends, a header row, UTF-8 without BOM).
 * <ul>
 * <li>{@link #TRACKED_HOURS_HEADER}: one row per day, user and project (contract) of the tracked-hours report, as
 * the API groups it; {@code minutes} summed over the rows of a user is the user's tracked time of the week.</li>
 * <li>{@link #TIME_ENTRIES_HEADER}: one row per time entry, breaks included ({@code method} "Break"; a break is not
 * tracked time, so the tracked-hours report leaves it out).</li>
 * </ul>
 * Free-text cells (names, titles, descriptions, notes) that a spreadsheet would run as a formula (they start with
 * {@code = + - @}, a tab or a carriage return) get a leading apostrophe, the usual guard against CSV injection;
 * ids, dates and numbers are written as they are.
 */
public final class CsvExport {

    /** The columns of {@code tracked-hours-<week>.csv}. */
    public static final List<String> TRACKED_HOURS_HEADER = List.of("date", "user_id", "user_name", "project_id",
            "project_name", "contract_id", "minutes", "hours", "amount", "currency");

    /** The columns of {@code time-entries-<week>.csv}. */
    public static final List<String> TIME_ENTRIES_HEADER = List.of("date", "user_id", "user_name", "entry_id",
            "method", "start_time", "end_time", "duration_minutes", "hours", "project_id", "project_name",
            "contract_id", "task_id", "task_title", "activity_description", "notes");

    private CsvExport() {
    }

    /** RFC 4180 with the given header row. */
    public static CSVFormat format(List<String> header) {
        return CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get();
    }

    /** A printer that writes {@code header} first; closing it closes {@code out}. */
    public static CSVPrinter printer(Writer out, List<String> header) throws IOException {
        return new CSVPrinter(out, format(header));
    }

    /**
     * The rows of a tracked-hours report, in the report's order: dates ascending, then users, then projects. A user
     * without a project breakdown becomes one row with empty project columns.
     */
    public static List<List<Object>> trackedHoursRows(TrackedHoursReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<String, TrackedHoursDay> day : report.getDays().entrySet()) {
            for (TrackedHoursUser user : day.getValue().getUsers()) {
                if (user.getProjects().isEmpty()) {
                    rows.add(trackedHoursRow(day.getKey(), user, null, null, null, user.getTotalMinutes(),
                            user.getTotalAmount()));
                }
                for (TrackedHoursProject p : user.getProjects()) {
                    rows.add(trackedHoursRow(day.getKey(), user, p.getProjectId(), p.getProjectName(),
                            p.getContractId(), p.getTotalMinutes(), p.getTotalAmount()));
                }
            }
        }
        return rows;
    }

    private static List<Object> trackedHoursRow(String date, TrackedHoursUser user, Long projectId,
                                                String projectName, Long contractId, Integer minutes,
                                                JsonNode amount) {
        String[] money = amount(amount);
        return Arrays.asList(date, user.getUserId(), text(user.getUserName()), projectId, text(projectName),
                contractId, minutes, hours(minutes), money[0], money[1]);
    }

    /** The row of one time entry of the member named {@code userName}. */
    public static List<Object> timeEntryRow(TimeEntry e, String userName) {
        return Arrays.asList(e.getDate(), e.getUserId(), text(userName), e.getId(), e.getMethod(),
                e.getStartTime(), e.getEndTime(), e.getDurationMinutes(), hours(e.getDurationMinutes()),
                e.getProjectId(), text(e.getProjectName()), e.getContractId(), e.getTaskId(),
                text(e.getTaskTitle()), text(e.getActivityDescription()), text(e.getNotes()));
    }

    /** Minutes as hours with two decimals ({@code 90} -> {@code 1.50}); empty for null. */
    public static String hours(Number minutes) {
        return minutes == null ? null
                : BigDecimal.valueOf(minutes.longValue()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * {@code total_amount} ({@code {"USD": 12.5}}) as {amount, currency}; several currencies are joined with
     * {@code ;} in the same order in both cells; an empty or missing object gives two empty cells.
     */
    static String[] amount(JsonNode amount) {
        if (amount == null || !amount.isObject() || amount.isEmpty()) {
            return new String[] { null, null };
        }
        StringBuilder values = new StringBuilder();
        StringBuilder currencies = new StringBuilder();
        for (Map.Entry<String, JsonNode> e : amount.properties()) {
            if (values.length() > 0) {
                values.append(';');
                currencies.append(';');
            }
            values.append(e.getValue().isNumber() ? e.getValue().decimalValue().toPlainString() : e.getValue().asText());
            currencies.append(e.getKey());
        }
        return new String[] { values.toString(), currencies.toString() };
    }

    /** Free text, guarded against formula execution in spreadsheets (see the class comment). */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
