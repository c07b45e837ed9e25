package io.github.camelwebwork.operations;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.camelwebwork.model.AttendanceLabel;
import io.github.camelwebwork.model.AttendanceUser;
import io.github.camelwebwork.model.TimeEntry;
import io.github.camelwebwork.model.TimeEntryMethod;
import io.github.camelwebwork.model.TrackedHoursDay;
import io.github.camelwebwork.model.TrackedHoursProject;
import io.github.camelwebwork.model.TrackedHoursReport;
import io.github.camelwebwork.model.TrackedHoursUser;
import org.apache.camel.ProducerTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the reports of the seeded workspace 1 must agree with, whatever the instant the sandbox was seeded at: the
 * members' own time entries. Shared by the report tests at "now" and at the instants where a zone boundary bites.
 */
final class ReportInvariants {

    static final String REPORTS = "webwork:reports?workspaceId=1&operation=";
    /** Active members of workspace 1 that track time (the viewer 105 and Leo 106, who left, do not). */
    static final List<Long> TRACKERS = List.of(100L, 101L, 102L, 103L, 104L);

    private final ProducerTemplate template;

    ReportInvariants(ProducerTemplate template) {
        this.template = template;
    }

    @SuppressWarnings("unchecked")
    <T> List<T> list(String uri) {
        return template.requestBody(uri, null, List.class);
    }

    List<TimeEntry> entries(long user, LocalDate date) {
        return list("webwork:time-entries?operation=list&workspaceId=1&userId=" + user + "&date=" + date);
    }

    static boolean tracked(TimeEntry e) {
        return e.getMethodValue().filter(m -> m == TimeEntryMethod.BREAK).isEmpty();
    }

    static int trackedMinutes(List<TimeEntry> entries) {
        return entries.stream().filter(ReportInvariants::tracked).mapToInt(TimeEntry::getDurationMinutes).sum();
    }

    TrackedHoursReport trackedHours(LocalDate monday) {
        return template.requestBody(REPORTS + "trackedHours&startDate=" + monday + "&endDate=" + monday.plusDays(6),
                null, TrackedHoursReport.class);
    }

    /**
     * The tracked-hours report of the week from {@code monday} holds per day, user and (project, contract) the sums
     * of the members' tracked time entries; every workday of the week has time, the weekend none.
     */
    void trackedHoursEqualTheTimeEntries(TrackedHoursReport report, LocalDate monday) {
        LocalDate sunday = monday.plusDays(6);
        assertThat(report.getStartDate()).isEqualTo(monday.toString());
        assertThat(report.getEndDate()).isEqualTo(sunday.toString());
        Map<String, Map<Long, Map<String, Integer>>> expected = new TreeMap<>();
        int total = 0;
        for (LocalDate day = monday; !day.isAfter(sunday); day = day.plusDays(1)) {
            for (long user : TRACKERS) {
                for (TimeEntry e : entries(user, day)) {
                    if (tracked(e)) {
                        expected.computeIfAbsent(day.toString(), d -> new TreeMap<>())
                                .computeIfAbsent(user, u -> new TreeMap<>())
                                .merge(e.getProjectId() + "/" + e.getContractId(), e.getDurationMinutes(), Integer::sum);
                        total += e.getDurationMinutes();
                    }
                }
            }
        }
        assertThat(expected.keySet()).as("last week's workdays have generated time, its weekend none")
                .containsExactlyElementsOf(monday.datesUntil(monday.plusDays(5)).map(LocalDate::toString).toList());
        assertThat(report.getDays().keySet()).containsExactlyElementsOf(expected.keySet());
        for (Map.Entry<String, TrackedHoursDay> day : report.getDays().entrySet()) {
            Map<Long, Map<String, Integer>> users = expected.get(day.getKey());
            assertThat(day.getValue().getUsers()).extracting(TrackedHoursUser::getUserId)
                    .containsExactlyInAnyOrderElementsOf(users.keySet());
            for (TrackedHoursUser user : day.getValue().getUsers()) {
                Map<String, Integer> rows = new TreeMap<>();
                for (TrackedHoursProject p : user.getProjects()) {
                    rows.merge(p.getProjectId() + "/" + p.getContractId(), p.getTotalMinutes(), Integer::sum);
                }
                assertThat(rows).as(day.getKey() + " user " + user.getUserId()).isEqualTo(users.get(user.getUserId()));
                assertThat(user.getTotalMinutes())
                        .isEqualTo(rows.values().stream().mapToInt(Integer::intValue).sum());
            }
        }
        assertThat(report.getTotalMinutes()).isEqualTo(total);
    }

    /** On a workday of a past week every tracker is present with typed statuses that match the tracked minutes. */
    void attendanceIsTyped(List<AttendanceUser> all, LocalDate workday) {
        assertThat(all).extracting(AttendanceUser::getUserId).containsExactlyElementsOf(TRACKERS);
        for (AttendanceUser user : all) {
            assertThat(user.getStatusValues()).as("every label is known").hasSameSizeAs(user.getStatuses())
                    .contains(AttendanceLabel.PRESENT);
            assertThat(user.getTrackedMinutes()).isEqualTo(trackedMinutes(entries(user.getUserId(), workday)));
            assertThat(user.hasStatus(AttendanceLabel.LATE)).isEqualTo(user.getLateMinutes() > 0);
            assertThat(user.hasStatus(AttendanceLabel.TRACKED_LESS))
                    .isEqualTo(user.getTrackedMinutes() < user.getExpectedMinutes());
        }
    }

    /** A weekend day of a past week is a holiday for everyone. */
    void weekendIsAHoliday(LocalDate weekendDay) {
        List<AttendanceUser> weekend = list(REPORTS + "dailyAttendance&date=" + weekendDay);
        assertThat(weekend).isNotEmpty().allSatisfy(u -> assertThat(u.getStatusValues())
                .containsExactly(AttendanceLabel.HOLIDAY));
    }
}
