package io.github.camelwebwork.operations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.model.AttendanceUser;
import io.github.camelwebwork.operation.WebworkValidationException;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxTimesheet;
import io.github.camelwebwork.sandbox.TimeSeed;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The seed and the reports' invariants at the instants where the members' zones (Europe/London, Europe/Berlin,
 * Asia/Kolkata, America/New_York, UTC) disagree about the day or the week, or a zone changes its offset: "last week"
 * on the sandbox clock in the seed's week zone is a full generated week for every member, and the reports agree with
 * the time entries.
 */
class ReportsAtZoneBoundariesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "2026-12-06T20:00:00Z",     // Sunday evening UTC: Monday already in Asia/Kolkata
        "2026-12-07T00:30:00Z",     // Monday early UTC: still Sunday in America/New_York
        "2026-12-31T23:30:00Z",     // New Year's Eve UTC: 2027 in Europe/Berlin and Asia/Kolkata
        "2026-03-08T07:30:00Z",     // America/New_York springs forward (07:00Z)
        "2026-11-01T06:30:00Z",     // America/New_York falls back (06:00Z)
        "2026-03-29T01:30:00Z",     // Europe springs forward (01:00Z)
        "2026-10-25T01:30:00Z",     // Europe falls back (01:00Z)
        "2026-03-30T00:30:00Z"      // Monday after the European change: last week holds it
    })
    void reportsAgreeWithTheSeedAt(String at) throws Exception {
        Instant now = Instant.parse(at);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        LocalDate monday = TimeSeed.lastWeekMonday(clock);
        try (WebworkSandbox sandbox = WebworkSandbox.builder().clock(clock).noRateLimit().build().start();
             CamelContext context = new DefaultCamelContext()) {
            seedIsOver(sandbox.state(), now, monday);
            WebworkComponent webwork = new WebworkComponent();
            webwork.getConfiguration().setBaseUrl(sandbox.baseUrl());
            webwork.getConfiguration().setAccessToken(sandbox.token());
            webwork.getConfiguration().setRateLimit(100_000);         // the sandbox has no limit either: no waits
            webwork.setClock(clock);
            context.addComponent("webwork", webwork);
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            ReportInvariants reports = new ReportInvariants(template);

            reports.trackedHoursEqualTheTimeEntries(reports.trackedHours(monday), monday);
            for (LocalDate day = monday; day.isBefore(monday.plusDays(5)); day = day.plusDays(1)) {
                List<AttendanceUser> all = reports.list(ReportInvariants.REPORTS + "dailyAttendance&date=" + day);
                reports.attendanceIsTyped(all, day);
            }
            reports.weekendIsAHoliday(monday.plusDays(5));
            reports.weekendIsAHoliday(monday.plusDays(6));

            // the component's "within a year of today" is its clock's today, not the machine's
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            assertThat(reports.list(ReportInvariants.REPORTS + "dailyTimeline&date=" + today.minusYears(1))).isNotNull();
            assertThatThrownBy(() -> reports.list(ReportInvariants.REPORTS + "dailyTimeline&date="
                                                  + today.minusYears(1).minusDays(1)))
                    .hasRootCauseInstanceOf(WebworkValidationException.class)
                    .hasStackTraceContaining("date: must be within a year of today");
        }
    }

    /** Nothing of the seed lies after its clock; last week has every tracker's timesheet. */
    private static void seedIsOver(SandboxState state, Instant now, LocalDate monday) {
        assertThat(state.timeEntries(1)).isNotEmpty().allSatisfy(e -> assertThat(e.end()).isBeforeOrEqualTo(now));
        assertThat(state.timesheets(1)).filteredOn(t -> t.dateFrom().equals(monday))
                .extracting(SandboxTimesheet::userId).containsExactlyInAnyOrderElementsOf(ReportInvariants.TRACKERS);
    }
}
