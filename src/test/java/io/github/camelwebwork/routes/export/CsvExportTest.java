package io.github.camelwebwork.routes.export;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.client.WebworkJson;
import io.github.camelwebwork.model.TimeEntry;
import io.github.camelwebwork.model.TrackedHoursReport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvExportTest {

    private static final ObjectMapper JSON = WebworkJson.newMapper();

    @Test
    void flattensTheTrackedHoursReportToOneRowPerDayUserAndProject() throws Exception {
        TrackedHoursReport report = JSON.readValue("""
                {"report_type": "tracked_hours", "start_date": "2026-11-16", "end_date": "2026-11-22",
                 "total_minutes": 545,
                 "2026-11-17": {"users": [{"user_id": 101, "user_name": "Ethan Exec", "total_minutes": 90,
                                           "projects": []}]},
                 "2026-11-16": {"users": [{"user_id": 101, "user_name": "Ethan Exec", "total_minutes": 455,
                   "projects": [
                     {"project_id": 100, "project_name": "Website Relaunch", "contract_id": 301,
                      "total_minutes": 390, "total_amount": {"USD": 552.5}},
                     {"project_id": 102, "project_name": "Internal Tools", "contract_id": 307,
                      "total_minutes": 65, "total_amount": {}}]}]}}
                """, TrackedHoursReport.class);

        List<CSVRecord> rows = roundTrip(CsvExport.TRACKED_HOURS_HEADER, CsvExport.trackedHoursRows(report));

        assertThat(rows).extracting(r -> String.join("|", r.values())).containsExactly(
                "2026-11-16|101|Ethan Exec|100|Website Relaunch|301|390|6.50|552.5|USD",
                "2026-11-16|101|Ethan Exec|102|Internal Tools|307|65|1.08||",
                "2026-11-17|101|Ethan Exec||||90|1.50||");
    }

    @Test
    void writesATimeEntryRowAndQuotesWhatNeedsIt() throws Exception {
        TimeEntry e = new TimeEntry();
        e.setId("5936e5ee");
        e.setUserId(103L);
        e.setDate("2026-11-16");
        e.setMethod("Manually added time");
        e.setStartTime("2026-11-16T09:00:00.000000Z");
        e.setEndTime("2026-11-16T10:30:00.000000Z");
        e.setDurationMinutes(90);
        e.setProjectId(100L);
        e.setProjectName("Website Relaunch");
        e.setActivityDescription("Review, \"final\" copy\nsecond line");
        e.setNotes("=HYPERLINK(\"http://evil.example\")");

        List<CSVRecord> rows = roundTrip(CsvExport.TIME_ENTRIES_HEADER,
                List.of(CsvExport.timeEntryRow(e, "Rita Regular")));

        CSVRecord row = rows.get(0);
        assertThat(row.get("duration_minutes")).isEqualTo("90");
        assertThat(row.get("hours")).isEqualTo("1.50");
        assertThat(row.get("activity_description")).isEqualTo("Review, \"final\" copy\nsecond line");
        assertThat(row.get("notes")).as("formula guard").isEqualTo("'=HYPERLINK(\"http://evil.example\")");
        assertThat(row.get("task_id")).isEmpty();
    }

    @Test
    void guardsOnlyTextThatASpreadsheetWouldRun() {
        assertThat(CsvExport.text("=1+2")).isEqualTo("'=1+2");
        assertThat(CsvExport.text("+49 30")).isEqualTo("'+49 30");
        assertThat(CsvExport.text("-x")).isEqualTo("'-x");
        assertThat(CsvExport.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvExport.text("Plain = text")).isEqualTo("Plain = text");
        assertThat(CsvExport.text(null)).isNull();
        assertThat(CsvExport.hours(0)).isEqualTo("0.00");
        assertThat(CsvExport.hours(125)).isEqualTo("2.08");
        assertThat(CsvExport.hours(null)).isNull();
    }

    private static List<CSVRecord> roundTrip(List<String> header, List<List<Object>> rows) throws Exception {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = CsvExport.printer(out, header)) {
            printer.printRecords(rows);
        }
        assertThat(out.toString()).startsWith(String.join(",", header) + "\r\n");
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(out.toString())).setFormat(format).get()) {
            assertThat(parser.getHeaderNames()).isEqualTo(header);
            return parser.getRecords();
        }
    }
}
