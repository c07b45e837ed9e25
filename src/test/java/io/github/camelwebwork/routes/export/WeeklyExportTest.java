package io.github.camelwebwork.routes.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.model.Member;
import io.github.camelwebwork.model.TimeEntry;
import io.github.camelwebwork.model.TrackedHoursReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class WeeklyExportTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T06:00:00Z"), ZoneOffset.UTC);
    private static final ExportPeriod W47 = ExportPeriod.resolve("2026-W47", "UTC");

    @TempDir
    Path dir;

    @Test
    void nothingIsVisibleUnderTheFinalNamesBeforeCommit() throws Exception {
        WeeklyExport export = WeeklyExport.open(W47, dir, CLOCK);
        export.writeTrackedHours(new TrackedHoursReport());
        export.beginMember(member(103, "Rita", "Regular"));
        export.addTimeEntries(List.of(entry("a", 90, "Desktop tracker"), entry("b", 30, "Break")));

        assertThat(names()).hasSize(4).allMatch(n -> n.startsWith(".") && n.endsWith(".tmp"));

        List<Path> written = export.commit();

        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly("tracked-hours-2026-W47.csv",
                "tracked-hours-2026-W47.json", "time-entries-2026-W47.csv", "time-entries-2026-W47.json");
        assertThat(names()).containsExactly("time-entries-2026-W47.csv", "time-entries-2026-W47.json",
                "tracked-hours-2026-W47.csv", "tracked-hours-2026-W47.json");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("time-entries-2026-W47.json").toFile());
        assertThat(json.path("entry_count").asInt()).isEqualTo(2);
        assertThat(json.path("tracked_minutes").asInt()).isEqualTo(90);
        assertThat(json.path("members").get(0).path("break_minutes").asInt()).isEqualTo(30);
        assertThat(json.path("generated_at").asText()).isEqualTo("2026-11-23T06:00:00Z");
        if (Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null) {
            assertThat(Files.getPosixFilePermissions(dir.resolve("time-entries-2026-W47.csv")))
                    .as("not the owner-only permissions of a JDK temp file").contains(PosixFilePermission.OWNER_READ)
                    .isEqualTo(Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain"))));
        }
    }

    @Test
    void abortKeepsThePreviousFilesAndDeletesTheTemporaryOnes() throws Exception {
        WeeklyExport first = WeeklyExport.open(W47, dir, CLOCK);
        first.writeTrackedHours(new TrackedHoursReport());
        first.beginMember(member(103, "Rita", "Regular"));
        first.addTimeEntries(List.of(entry("a", 90, "Desktop tracker")));
        first.commit();
        byte[] csv = Files.readAllBytes(dir.resolve("time-entries-2026-W47.csv"));

        WeeklyExport second = WeeklyExport.open(W47, dir, CLOCK);
        second.writeTrackedHours(new TrackedHoursReport());
        second.beginMember(member(104, "Tom", "Teamlead"));
        second.addTimeEntries(List.of(entry("z", 10, "Desktop tracker")));
        second.abort();
        second.abort();

        assertThat(names()).containsExactly("time-entries-2026-W47.csv", "time-entries-2026-W47.json",
                "tracked-hours-2026-W47.csv", "tracked-hours-2026-W47.json");
        assertThat(dir.resolve("time-entries-2026-W47.csv")).hasBinaryContent(csv);
    }

    @Test
    void aSecondCommitOfTheWeekReplacesTheFiles() throws Exception {
        for (int run = 1; run <= 2; run++) {
            WeeklyExport export = WeeklyExport.open(W47, dir, CLOCK);
            export.beginMember(member(103, "Rita", "Regular"));
            export.addTimeEntries(List.of(entry("run" + run, 60, "Desktop tracker")));
            export.commit();
        }
        List<String> lines = Files.readAllLines(dir.resolve("time-entries-2026-W47.csv"));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains(",run2,");
    }

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Member member(long id, String first, String last) {
        Member m = new Member();
        m.setId(id);
        m.setFirstname(first);
        m.setLastname(last);
        m.setStatus("active");
        return m;
    }

    private static TimeEntry entry(String id, int minutes, String method) {
        TimeEntry e = new TimeEntry();
        e.setId(id);
        e.setUserId(103L);
        e.setDate("2026-11-16");
        e.setMethod(method);
        e.setDurationMinutes(minutes);
        return e;
    }
}
