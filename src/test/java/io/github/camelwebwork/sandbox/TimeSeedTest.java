package io.github.camelwebwork.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated time data of the default seed (contracts from default-seed.json, the rest from {@link TimeSeed}). */
class TimeSeedTest {

    private static final Instant WEDNESDAY = TimeSandbox.NOW;
    private static final List<Long> TRACKERS = List.of(100L, 101L, 102L, 103L, 104L);

    private static SandboxState state(Instant now) {
        return SandboxState.of(Seed.defaultWorkspace(), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void readsTheContractsOfTheSeedFile() {
        SandboxState state = state(WEDNESDAY);

        assertThat(state.contracts(1)).extracting(SandboxContract::id)
                .containsExactly(300L, 301L, 302L, 303L, 304L, 305L, 306L, 307L, 308L, 309L);
        assertThat(state.contract(306).orElseThrow().status()).isEqualTo("paused");
        assertThat(state.contract(310).orElseThrow().isDeleted()).isTrue();
        assertThat(state.contract(302).orElseThrow().rateType()).isEqualTo(1);
        assertThat(state.contracts(2)).extracting(SandboxContract::userId).containsExactly(110L);
    }

    @Test
    void everyTrackerHasEveryWorkingDayOfTheLastFourWeeks() {
        SandboxState state = state(WEDNESDAY);
        Map<Long, Map<LocalDate, Long>> minutes = workMinutesByUserAndDay(state);

        assertThat(minutes.keySet()).containsExactlyInAnyOrderElementsOf(TRACKERS);
        for (long user : TRACKERS) {
            for (LocalDate day = LocalDate.of(2024, 4, 15); day.isBefore(LocalDate.of(2024, 5, 15));
                    day = day.plusDays(1)) {
                boolean weekend = day.getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue();
                long total = minutes.get(user).getOrDefault(day, 0L);
                if (weekend) {
                    continue; // only approved time requests fall on weekends
                }
                assertThat(total).as("user %d on %s", user, day).isBetween(60L, 8 * 60L);
            }
        }
        long fullDays = minutes.values().stream().flatMap(m -> m.values().stream()).filter(m -> m >= 5 * 60).count();
        long days = minutes.values().stream().mapToLong(Map::size).sum();
        assertThat(fullDays).isGreaterThan(days * 3 / 4);
    }

    @Test
    void entriesAreBelievable() {
        SandboxState state = state(WEDNESDAY);
        List<SandboxTimeEntry> entries = state.timeEntries(1);

        assertThat(entries).extracting(SandboxTimeEntry::method).contains("Desktop tracker", "Manually added time",
                "Mobile tracker", "Break");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.end()).isNotNull().isBeforeOrEqualTo(WEDNESDAY).isAfter(e.start());
            assertThat(e.id()).matches("[0-9a-f-]{36}");
            if (e.method().endsWith("tracker")) {
                assertThat(e.activityLevel()).isBetween(30, 95);
            } else {
                assertThat(e.activityLevel()).isNull();
            }
            if (e.taskId() != null) {
                assertThat(state.task(e.taskId()).orElseThrow().projectId()).isEqualTo(e.projectId());
            }
            if (e.contractId() != null) {
                SandboxContract c = state.contract(e.contractId()).orElseThrow();
                assertThat(c.userId()).isEqualTo(e.userId());
                assertThat(c.isActive()).isTrue();
                assertThat(c.projectId()).isEqualTo(e.projectId());
            }
            LocalDate local = SandboxTime.localDate(e.start(), state.user(e.userId()).orElseThrow());
            assertThat(e.date()).isEqualTo(local);
        });
        for (long user : TRACKERS) {
            List<SandboxTimeEntry> own = entries.stream().filter(e -> e.userId() == user).toList();
            for (int i = 1; i < own.size(); i++) {
                assertThat(own.get(i).start()).as("no overlaps").isAfterOrEqualTo(own.get(i - 1).end());
            }
        }
        assertThat(state.timeEntries(1, 103, LocalDate.of(2024, 5, 15))).isNotEmpty(); // the current week so far
    }

    @Test
    void respectsTheContractsWeeklyLimits() {
        SandboxState state = state(WEDNESDAY);

        Map<String, Long> byContractWeek = state.timeEntries(1).stream().filter(e -> e.contractId() != null)
                .collect(Collectors.groupingBy(e -> e.contractId() + "@" + SandboxTime.weekStart(e.date()),
                        Collectors.summingLong(e -> e.durationMinutes(e.end()))));
        byContractWeek.forEach((key, minutes) -> {
            long contract = Long.parseLong(key.substring(0, key.indexOf('@')));
            assertThat(minutes).as(key).isLessThanOrEqualTo(state.contract(contract).orElseThrow()
                    .weeklyHoursLimit() * 60L);
        });
    }

    @Test
    void seedsTimesheetsAndTimeRequests() {
        SandboxState state = state(WEDNESDAY);

        List<SandboxTimesheet> sheets = state.timesheets(1);
        assertThat(sheets).hasSize(25);
        assertThat(sheets).filteredOn(t -> t.dateFrom().equals(LocalDate.of(2024, 5, 13)))
                .extracting(SandboxTimesheet::status).containsOnly("pending");
        assertThat(sheets).filteredOn(t -> t.dateFrom().isBefore(LocalDate.of(2024, 4, 29)))
                .extracting(SandboxTimesheet::status).containsOnly("approved");
        assertThat(sheets).filteredOn(t -> t.status().equals("submitted")).extracting(SandboxTimesheet::userId)
                .containsExactlyInAnyOrder(101L, 103L);
        assertThat(sheets).allSatisfy(t -> {
            assertThat(t.dateFrom().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(t.createdAt()).isBeforeOrEqualTo(WEDNESDAY);
            if (t.submittedAt() != null) {
                assertThat(t.submittedAt()).isBefore(WEDNESDAY);
            }
            if (t.reviewedAt() != null) {
                assertThat(t.reviewedAt()).isAfter(t.submittedAt()).isBefore(WEDNESDAY);
            }
        });

        List<SandboxTimeRequest> requests = state.timeRequests(1);
        assertThat(requests).extracting(SandboxTimeRequest::status)
                .containsExactlyInAnyOrder("pending", "pending", "approved", "rejected");
        SandboxTimeRequest approved = requests.stream().filter(r -> r.status().equals("approved")).findFirst()
                .orElseThrow();
        assertThat(state.timeEntries(1)).anySatisfy(e -> {
            assertThat(e.userId()).isEqualTo(approved.userId());
            assertThat(e.start()).isEqualTo(approved.start());
            assertThat(e.method()).isEqualTo("Manually added time");
        });
        assertThat(requests).allSatisfy(r -> assertThat(r.createdAt()).isBefore(WEDNESDAY).isAfter(r.end()));
    }

    @Test
    void isDeterministicForAGivenDay() {
        List<String> first = state(WEDNESDAY).timeEntries(1).stream().map(e -> e.id() + e.start()).toList();
        List<String> second = state(WEDNESDAY.plusSeconds(60)).timeEntries(1).stream()
                .map(e -> e.id() + e.start()).toList();

        assertThat(second).isEqualTo(first);
        assertThat(state(WEDNESDAY).timesheets(1)).extracting(SandboxTimesheet::id)
                .isEqualTo(state(WEDNESDAY).timesheets(1).stream().map(SandboxTimesheet::id).toList());
    }

    @Test
    void worksOnAnyDayOfTheWeek() {
        for (int day = 0; day < 7; day++) {
            Instant now = Instant.parse("2024-06-03T00:30:00Z").plusSeconds(day * 86_400L);
            SandboxState state = state(now);
            LocalDate lastMonday = LocalDate.of(2024, 5, 27); // for New York, Monday 00:30 UTC is still Sunday
            assertThat(state.timeEntries(1)).allSatisfy(e -> assertThat(e.end()).isBeforeOrEqualTo(now));
            assertThat(state.timesheets(1)).filteredOn(t -> t.dateFrom().equals(lastMonday))
                    .as("last week, clock at %s", now).hasSize(5);
        }
    }

    @Test
    void seedsWithoutTimeDataStayEmpty(@TempDir Path dir) throws IOException {
        try (WebworkSandbox sandbox = WebworkSandbox.builder().seed(Seed.empty()).build().start()) {
            assertThat(sandbox.state().workspaces()).isEmpty();
        }
        Path file = dir.resolve("seed.json");
        Files.writeString(file, """
                {"users": [{"id": 7, "firstname": "Kim", "lastname": "Kay", "email": "kim@k.example"}],
                 "workspaces": [{"id": 3, "workspace_name": "Kay Co", "owner_id": 7}],
                 "projects": [{"id": 30, "workspace_id": 3, "name": "Only"}],
                 "contracts": [{"id": 5, "workspace_id": 3, "project_id": 30, "user_id": 7}]}
                """);
        try (WebworkSandbox sandbox = WebworkSandbox.builder().seedFile(file).token("kim").build().start()) {
            SandboxState state = sandbox.state();
            assertThat(state.contract(5).orElseThrow().weeklyHoursLimit()).isEqualTo(168);
            assertThat(state.timeEntries(3)).isEmpty();
            assertThat(state.timesheets(3)).isEmpty();
            SandboxClient client = new SandboxClient(sandbox);
            assertThat(client.get("/contracts?workspace_id=3", "kim").data()).hasSize(1);
            assertThat(client.get("/timesheets?workspace_id=3", "kim").data()).isEmpty();
        }
        Files.writeString(file, Files.readString(file).replace("\"contracts\"",
                "\"time_data\": {\"workspace_id\": 3, \"weeks\": 1}, \"contracts\""));
        SandboxState generated = SandboxState.of(Seed.fromJson(file), Clock.fixed(WEDNESDAY, ZoneOffset.UTC));
        assertThat(generated.timeEntries(3)).extracting(SandboxTimeEntry::userId).containsOnly(7L).isNotEmpty();
        assertThat(generated.timesheets(3)).hasSize(2);
    }

    private static Map<Long, Map<LocalDate, Long>> workMinutesByUserAndDay(SandboxState state) {
        List<SandboxTimeEntry> work = new ArrayList<>(state.timeEntries(1));
        work.removeIf(e -> e.method().equals("Break"));
        return work.stream().collect(Collectors.groupingBy(SandboxTimeEntry::userId,
                Collectors.groupingBy(SandboxTimeEntry::date,
                        Collectors.summingLong(e -> e.durationMinutes(e.end())))));
    }
}
