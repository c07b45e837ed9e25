package io.github.camelwebwork.routes.export;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.sandbox.FaultKind;
import io.github.camelwebwork.sandbox.FaultPlan;
import io.github.camelwebwork.sandbox.SandboxTimeEntry;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import io.github.camelwebwork.support.SandboxTestSupport;
import io.github.camelwebwork.support.YamlRoutes;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronTrigger;
import org.quartz.Trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * routes/scheduled-export.yaml, loaded as YAML DSL, against the sandbox. The sandbox clock stands on Wednesday
 * 2027-01-13, so its generated time data covers ISO week 2026-W53 (Monday 2026-12-28 to Sunday 2027-01-03): a week
 * whose last three days lie in 2027 while its week-based year is 2026, where a file name built from the calendar
 * year would go wrong. The proofs: the CSVs parse back with Commons CSV, with the expected header and per-user totals
 * equal to the sandbox's own sums; the JSON parses; a re-run replaces; a failed run leaves the previous files; the
 * Quartz trigger has the configured cron and zone.
 */
class ScheduledExportRouteTest extends SandboxTestSupport {

    private static final Instant SANDBOX_NOW = Instant.parse("2027-01-13T10:00:00Z");
    private static final long WORKSPACE = 1;
    private static final LocalDate MONDAY = LocalDate.parse("2026-12-28");
    private static final LocalDate SUNDAY = LocalDate.parse("2027-01-03");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> TRACKED_HOURS_HEADER = List.of("date", "user_id", "user_name", "project_id",
            "project_name", "contract_id", "minutes", "hours", "amount", "currency");
    private static final List<String> TIME_ENTRIES_HEADER = List.of("date", "user_id", "user_name", "entry_id",
            "method", "start_time", "end_time", "duration_minutes", "hours", "project_id", "project_name",
            "contract_id", "task_id", "task_title", "activity_description", "notes");

    @TempDir
    Path exportDir;

    @Override
    protected Clock clock() {
        return Clock.fixed(SANDBOX_NOW, ZoneOffset.UTC);
    }

    @Override
    protected WebworkSandbox.Builder sandboxBuilder() {
        return WebworkSandbox.builder().noRateLimit();
    }

    @Override
    protected void configure(WebworkComponent webwork) {
        webwork.getConfiguration().setRateLimit(100_000);
        webwork.getConfiguration().setRetryInitialBackoff(10);
        webwork.getConfiguration().setRetryMaxBackoff(50);
    }

    private void load(Map<String, String> extra) throws Exception {
        Properties properties = new Properties();
        properties.put("webwork.workspace-id", String.valueOf(WORKSPACE));
        properties.put("export.directory", exportDir.toString());
        properties.putAll(extra);
        context.getPropertiesComponent().setOverrideProperties(properties);
        YamlRoutes.load(context, "scheduled-export.yaml");
    }

    private void export(String week) {
        template.sendBodyAndHeader("direct:scheduled-export", null, "ExportWeek", week);
    }

    @Test
    void exportsTheWeekToCsvAndJsonWhoseTotalsAreTheSandboxsOwnSums() throws Exception {
        load(Map.of("export.time-zone", "Europe/Berlin"));

        export("2027-01-01");                 // a Friday of ISO week 2026-W53

        assertThat(fileNames()).containsExactly("time-entries-2026-W53.csv", "time-entries-2026-W53.json",
                "tracked-hours-2026-W53.csv", "tracked-hours-2026-W53.json");

        // the sandbox's own sums for the week, from its state
        Map<Long, Long> trackedByUser = sandboxMinutes(false);
        Map<Long, Long> allByUser = sandboxMinutes(true);
        long entryCount = sandboxEntries().size();
        assertThat(trackedByUser).as("the seed has tracked time in 2026-W53").hasSizeGreaterThanOrEqualTo(4);
        long tracked = trackedByUser.values().stream().mapToLong(Long::longValue).sum();

        // tracked-hours CSV: header, every row in the week, per-user and overall minutes = the sandbox's
        List<CSVRecord> hours = csv("tracked-hours-2026-W53.csv", TRACKED_HOURS_HEADER);
        assertThat(hours).allSatisfy(r -> assertThat(LocalDate.parse(r.get("date"))).isBetween(MONDAY, SUNDAY));
        assertThat(sumBy(hours, "minutes")).isEqualTo(trackedByUser);
        assertThat(hours).allSatisfy(r -> assertThat(r.get("hours"))
                .isEqualTo(CsvExport.hours(Integer.parseInt(r.get("minutes")))));
        assertThat(hours).anySatisfy(r -> assertThat(r.get("project_name")).isEqualTo("Website Relaunch"));
        assertThat(hours).anySatisfy(r -> assertThat(r.get("user_name")).isEqualTo("Priya Manager"));

        // tracked-hours JSON: the period and the same totals
        JsonNode hoursJson = json("tracked-hours-2026-W53.json");
        assertThat(hoursJson.path("period").asText()).isEqualTo("2026-W53");
        assertThat(hoursJson.path("start_date").asText()).isEqualTo("2026-12-28");
        assertThat(hoursJson.path("end_date").asText()).isEqualTo("2027-01-03");
        assertThat(hoursJson.path("time_zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(hoursJson.path("total_minutes").asLong()).isEqualTo(tracked);
        assertThat(hoursJson.path("report").path("total_minutes").asLong()).isEqualTo(tracked);
        Map<Long, Long> jsonUsers = new TreeMap<>();
        hoursJson.path("users").forEach(u -> jsonUsers.put(u.path("user_id").asLong(), u.path("total_minutes").asLong()));
        assertThat(jsonUsers).isEqualTo(trackedByUser);

        // time-entries CSV: one row per entry of the week (breaks included), sums per user = the sandbox's
        List<CSVRecord> entries = csv("time-entries-2026-W53.csv", TIME_ENTRIES_HEADER);
        assertThat(entries).hasSize((int) entryCount);
        assertThat(sumBy(entries, "duration_minutes")).isEqualTo(allByUser);
        assertThat(sumBy(entries.stream().filter(r -> !"Break".equals(r.get("method"))).toList(), "duration_minutes"))
                .as("time entries without breaks add up to the tracked-hours report").isEqualTo(trackedByUser);
        assertThat(entries).extracting(r -> r.get("entry_id"))
                .containsExactlyInAnyOrderElementsOf(sandboxEntries().stream().map(SandboxTimeEntry::id).toList());

        // time-entries JSON: members (the project viewer skipped) with their entries and totals
        JsonNode entriesJson = json("time-entries-2026-W53.json");
        assertThat(entriesJson.path("period").asText()).isEqualTo("2026-W53");
        assertThat(entriesJson.path("entry_count").asLong()).isEqualTo(entryCount);
        assertThat(entriesJson.path("tracked_minutes").asLong()).isEqualTo(tracked);
        List<Long> memberIds = entriesJson.path("members").findValues("user_id").stream().map(JsonNode::asLong)
                .distinct().toList();
        assertThat(memberIds).contains(100L, 101L, 102L, 103L, 104L, 106L).doesNotContain(105L);
        entriesJson.path("members").forEach(m -> assertThat(m.path("tracked_minutes").asLong())
                .isEqualTo(trackedByUser.getOrDefault(m.path("user_id").asLong(), 0L)));

        // one report, one members list, 7 days x 6 members of time-entries lists
        assertThat(requests()).filteredOn(r -> r.path().endsWith("/time-entries")).hasSize(7 * 6);
        assertThat(requests()).filteredOn(r -> r.path().endsWith("/reports/tracked-hours")).hasSize(1);
    }

    @Test
    void reRunningAWeekReplacesItsFiles() throws Exception {
        load(Map.of());
        export("2026-W53");
        Map<Long, Long> before = sumBy(csv("tracked-hours-2026-W53.csv", TRACKED_HOURS_HEADER), "minutes");
        int entryRows = csv("time-entries-2026-W53.csv", TIME_ENTRIES_HEADER).size();

        // one more hour for Tom (104) on Tuesday 2026-12-29, then the same week again
        Instant start = Instant.parse("2026-12-29T20:00:00Z");
        sandbox.state().addTimeEntry(new SandboxTimeEntry(null, WORKSPACE, 104, 308L, 102L, null, "Late fix",
                null, "Manually added time", LocalDate.parse("2026-12-29"), start, start.plusSeconds(3600), null,
                null, null));
        export("2026-W53");

        assertThat(fileNames()).containsExactly("time-entries-2026-W53.csv", "time-entries-2026-W53.json",
                "tracked-hours-2026-W53.csv", "tracked-hours-2026-W53.json");
        Map<Long, Long> after = sumBy(csv("tracked-hours-2026-W53.csv", TRACKED_HOURS_HEADER), "minutes");
        Map<Long, Long> expected = new TreeMap<>(before);
        expected.merge(104L, 60L, Long::sum);
        assertThat(after).as("replaced, not appended: only Tom's new hour differs").isEqualTo(expected)
                .isEqualTo(sandboxMinutes(false));
        List<CSVRecord> entries = csv("time-entries-2026-W53.csv", TIME_ENTRIES_HEADER);
        assertThat(entries).hasSize(entryRows + 1);
        assertThat(entries).filteredOn(r -> "Late fix".equals(r.get("activity_description"))).hasSize(1);
        assertThat(json("time-entries-2026-W53.json").path("entry_count").asInt()).isEqualTo(entryRows + 1);

        // another week gets its own files; the first stay
        export("2027-W01");
        assertThat(fileNames()).containsExactly("time-entries-2026-W53.csv", "time-entries-2026-W53.json",
                "time-entries-2027-W01.csv", "time-entries-2027-W01.json", "tracked-hours-2026-W53.csv",
                "tracked-hours-2026-W53.json", "tracked-hours-2027-W01.csv", "tracked-hours-2027-W01.json");
        assertThat(json("tracked-hours-2027-W01.json").path("start_date").asText()).isEqualTo("2027-01-04");
    }

    @Test
    void aFailedRunLeavesThePreviousFilesAsTheyWereAndNoTemporaryFiles() throws Exception {
        load(Map.of());
        // transient 503s on a third of the time-entries calls: the component retries (GETs are safe), exact totals
        sandbox.faults(FaultPlan.builder().seed(7).share(0.3).kinds(FaultKind.HTTP_503)
                .onlyPaths("GET /api/v2/time-entries").build());
        export("2026-W53");
        assertThat(sandbox.faultsInjected().getOrDefault(FaultKind.HTTP_503, 0)).isPositive();
        assertThat(sumBy(csv("time-entries-2026-W53.csv", TIME_ENTRIES_HEADER), "duration_minutes"))
                .isEqualTo(sandboxMinutes(true));
        Map<String, byte[]> previous = new TreeMap<>();
        for (String name : fileNames()) {
            previous.put(name, Files.readAllBytes(exportDir.resolve(name)));
        }

        // now every time-entries call fails for good: the run fails after the tracked-hours files were prepared
        sandbox.faults(FaultPlan.builder().seed(7).share(1.0).kinds(FaultKind.HTTP_500)
                .onlyPaths("GET /api/v2/time-entries").build());
        assertThatThrownBy(() -> export("2026-W53")).isInstanceOf(CamelExecutionException.class);

        assertThat(fileNames()).as("no temporary file left behind").isEqualTo(List.copyOf(previous.keySet()));
        for (Map.Entry<String, byte[]> file : previous.entrySet()) {
            assertThat(exportDir.resolve(file.getKey())).as(file.getKey()).hasBinaryContent(file.getValue());
        }
    }

    @Test
    void theQuartzTriggerRunsOnTheConfiguredCronInTheConfiguredZone() throws Exception {
        load(Map.of("export.cron", "0 30 7 ? * MON", "export.time-zone", "America/New_York"));

        CronTrigger trigger = quartzTrigger();
        assertThat(trigger.getCronExpression()).isEqualTo("0 30 7 ? * MON");
        assertThat(trigger.getTimeZone().getID()).isEqualTo("America/New_York");
        ZonedDateTime next = trigger.getNextFireTime().toInstant().atZone(ZoneId.of("America/New_York"));
        assertThat(next.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(next.toLocalTime()).hasToString("07:30");
        assertThat(context.getRouteController().getRouteStatus("scheduled-export-on-startup"))
                .isEqualTo(ServiceStatus.Stopped);
    }

    @Test
    void byDefaultItRunsMondayAtSixUtcAndExportsLastWeek() throws Exception {
        load(Map.of());

        Route route = context.getRoute("scheduled-export-weekly");
        QuartzEndpoint endpoint = (QuartzEndpoint) route.getEndpoint();
        assertThat(endpoint.getCron()).isEqualTo("0 0 6 ? * MON");
        CronTrigger trigger = quartzTrigger();
        assertThat(trigger.getCronExpression()).isEqualTo("0 0 6 ? * MON");
        assertThat(trigger.getTimeZone().getID()).isEqualTo("UTC");
        ZonedDateTime next = trigger.getNextFireTime().toInstant().atZone(ZoneOffset.UTC);
        assertThat(next.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(next.toLocalTime()).hasToString("06:00");

        // what the trigger does: the export without a week, i.e. the last full week before the clock's today
        template.sendBody("direct:scheduled-export", null);
        assertThat(ExportPeriod.lastWeek(clock(), ZoneOffset.UTC).getLabel()).isEqualTo("2027-W01");
        assertThat(fileNames()).containsExactlyInAnyOrder("tracked-hours-2027-W01.csv", "tracked-hours-2027-W01.json",
                "time-entries-2027-W01.csv", "time-entries-2027-W01.json");
    }

    @Test
    void runOnStartupExportsTheConfiguredWeekOnce() throws Exception {
        load(Map.of("export.run-on-startup", "true", "export.run-on-startup-week", "2026-W53"));

        // the files appear under their final names only once complete (hidden temporary files until then)
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> fileNames().stream().noneMatch(
                n -> n.startsWith(".")) && fileNames().size() == 4);
        assertThat(fileNames()).containsExactly("time-entries-2026-W53.csv", "time-entries-2026-W53.json",
                "tracked-hours-2026-W53.csv", "tracked-hours-2026-W53.json");
        assertThat(sumBy(csv("tracked-hours-2026-W53.csv", TRACKED_HOURS_HEADER), "minutes"))
                .isEqualTo(sandboxMinutes(false));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private CronTrigger quartzTrigger() throws Exception {
        QuartzEndpoint endpoint = (QuartzEndpoint) context.getRoute("scheduled-export-weekly").getEndpoint();
        Trigger trigger = context.getComponent("quartz", QuartzComponent.class).getScheduler()
                .getTrigger(endpoint.getTriggerKey());
        assertThat(trigger).isInstanceOf(CronTrigger.class);
        return (CronTrigger) trigger;
    }

    /** The sandbox's time entries of workspace 1 in 2026-W53 (each member's own dates). */
    private List<SandboxTimeEntry> sandboxEntries() {
        return sandbox.state().timeEntries(WORKSPACE).stream()
                .filter(e -> !e.date().isBefore(MONDAY) && !e.date().isAfter(SUNDAY)).toList();
    }

    /** Minutes per user in 2026-W53 from the sandbox state; breaks only when {@code withBreaks}. */
    private Map<Long, Long> sandboxMinutes(boolean withBreaks) {
        Instant now = sandbox.state().now();
        return sandboxEntries().stream().filter(e -> withBreaks || !"Break".equals(e.method()))
                .collect(Collectors.groupingBy(SandboxTimeEntry::userId, TreeMap::new,
                        Collectors.summingLong(e -> e.durationMinutes(now))));
    }

    private static Map<Long, Long> sumBy(List<CSVRecord> rows, String minutesColumn) {
        Map<Long, Long> sums = new TreeMap<>();
        rows.forEach(r -> sums.merge(Long.parseLong(r.get("user_id")), Long.parseLong(r.get(minutesColumn)),
                Long::sum));
        return sums;
    }

    /** Parses an exported CSV back with Commons CSV and checks its header row. */
    private List<CSVRecord> csv(String name, List<String> header) throws Exception {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(exportDir.resolve(name), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
            assertThat(parser.getHeaderNames()).as(name + " header").isEqualTo(header);
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).allSatisfy(r -> assertThat(r.isConsistent()).as("row " + r.getRecordNumber()).isTrue());
            return records;
        }
    }

    private JsonNode json(String name) throws Exception {
        return JSON.readTree(exportDir.resolve(name).toFile());
    }

    private List<String> fileNames() throws Exception {
        try (Stream<Path> files = Files.list(exportDir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
