package io.github.camelwebwork.routes.digest;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.camelwebwork.component.WebworkConstants;
import io.github.camelwebwork.model.AttendanceUser;
import io.github.camelwebwork.model.Timesheet;
import io.github.camelwebwork.model.TrackedHoursDay;
import io.github.camelwebwork.model.TrackedHoursReport;
import io.github.camelwebwork.model.TrackedHoursUser;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The digest beans on their own: escaping, numbers, bars, empty digests, periods. */
class DigestRendererTest {

    private static final String URL = "https://webwork-tracker.com/app";
    private final DigestRenderer renderer = new DigestRenderer();

    private static Timesheet sheet(Object member, Long userId, Integer minutes, BigDecimal hours) {
        Timesheet t = new Timesheet();
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (member instanceof String s) {
            t.setMember(f.textNode(s));
        } else if (member instanceof Map<?, ?> m) {
            t.setMember(f.objectNode().put("firstname", (String) m.get("firstname"))
                    .put("lastname", (String) m.get("lastname")));
        }
        t.setUserId(userId);
        t.setDateFrom("2026-11-16");
        t.setDateTo("2026-11-22");
        t.setTotalMinutes(minutes);
        t.setTotalHours(hours);
        t.setSubmittedAt("2026-11-23T07:15:00Z");
        return t;
    }

    private static TrackedHoursUser user(long id, String name, int minutes) {
        TrackedHoursUser u = new TrackedHoursUser();
        u.setUserId(id);
        u.setUserName(name);
        u.setTotalMinutes(minutes);
        return u;
    }

    private static AttendanceUser attendance(long id, String name, String... statuses) {
        AttendanceUser u = new AttendanceUser();
        u.setUserId(id);
        u.setUserName(name);
        u.setStatuses(List.of(statuses));
        return u;
    }

    @Test
    void escapesEverythingFromWebwork() {
        assertThat(DigestRenderer.esc("<a href=\"x\">Tom & 'Jerry'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
        MailDigest d = renderer.approvals(List.of(sheet("<img src=x onerror=alert(1)>", 7L, 60, null)),
                "javascript:alert(1)");
        assertThat(d.getHtml()).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;")
                .as("a link that is not http(s) is left out").doesNotContain("javascript:");
        assertThat(d.getText()).contains("<img src=x onerror=alert(1)>").doesNotContain("javascript:");
    }

    @Test
    void hoursAndBars() {
        assertThat(DigestRenderer.hours(2250)).isEqualTo("37.50");
        assertThat(DigestRenderer.hours(1)).isEqualTo("0.02");
        assertThat(DigestRenderer.hours(0)).isEqualTo("0.00");
        assertThat(DigestRenderer.barPercent(50, 200)).isEqualTo(25);
        assertThat(DigestRenderer.barPercent(1, 100_000)).as("any time shows").isEqualTo(1);
        assertThat(DigestRenderer.barPercent(0, 100)).isZero();
        assertThat(DigestRenderer.barPercent(200, 200)).isEqualTo(100);
    }

    @Test
    void timesheetMemberAndMinutesInEitherShape() {
        assertThat(DigestRenderer.memberName(sheet("Rita Reyes", 103L, 60, null))).isEqualTo("Rita Reyes");
        assertThat(DigestRenderer.memberName(sheet(Map.of("firstname", "Tom", "lastname", "Lead"), 104L, 60, null)))
                .isEqualTo("Tom Lead");
        assertThat(DigestRenderer.memberName(sheet(null, 105L, 60, null))).isEqualTo("User #105");
        assertThat(DigestRenderer.minutes(sheet("x", 1L, null, new BigDecimal("7.75")))).isEqualTo(465);
        assertThat(DigestRenderer.minutes(sheet("x", 1L, 90, new BigDecimal("9")))).as("minutes win").isEqualTo(90);
    }

    @Test
    void approvalsAreSortedAndTotalled() {
        MailDigest d = renderer.approvals(List.of(sheet("Zoe", 2L, 600, null), sheet("Adam", 1L, 2250, null)), URL);
        assertThat(d.getItemCount()).isEqualTo(2);
        assertThat(d.getSubject()).isEqualTo("WebWork: 2 timesheets awaiting approval");
        assertThat(d.getHtml().indexOf("Adam")).isLessThan(d.getHtml().indexOf("Zoe"));
        assertThat(d.getHtml()).contains(">37.50<", ">10.00<", ">47.50<", "2026-11-16 to 2026-11-22", "2026-11-23",
                "href=\"" + URL + "\"");
        assertThat(d.getText()).contains("Adam    2026-11-16 to 2026-11-22  37.50  2026-11-23", "Total: 47.50 h", URL);
        assertThat(renderer.approvals(List.of(), URL).isEmpty()).isTrue();
        assertThat(renderer.approvals(null, URL).isEmpty()).isTrue();
    }

    @Test
    void weeklyHoursSumsDaysPerMemberAndDrawsBars() {
        TrackedHoursReport report = new TrackedHoursReport();
        report.setStartDate("2026-11-16");
        report.setEndDate("2026-11-22");
        TrackedHoursDay monday = new TrackedHoursDay();
        monday.setUsers(List.of(user(1, "Ann", 480), user(2, "Bob", 120)));
        TrackedHoursDay tuesday = new TrackedHoursDay();
        tuesday.setUsers(List.of(user(1, "Ann", 480)));
        report.setDays(Map.of("2026-11-16", monday, "2026-11-17", tuesday));

        MailDigest d = renderer.weeklyHours(report, URL);

        assertThat(d.getItemCount()).isEqualTo(2);
        assertThat(d.getSubject()).isEqualTo("WebWork: tracked hours 2026-W47 (2026-11-16 to 2026-11-22)");
        String html = d.getHtml();
        assertThat(html).contains("data-chart=\"bar\"", "class=\"bar\" width=\"100%\"", "class=\"bar\" width=\"13%\"",
                ">16.00 h<", ">2.00 h<", "Mon 16", "Sun 22", ">8.00<");
        assertThat(html.indexOf(">Ann<")).as("most hours first").isLessThan(html.indexOf(">Bob<"));
        assertThat(d.getText()).containsPattern("Ann +#{30} +16.00 h").containsPattern("Bob +#{4} +2.00 h");

        TrackedHoursReport empty = new TrackedHoursReport();
        empty.setStartDate("2026-11-16");
        empty.setEndDate("2026-11-22");
        MailDigest none = renderer.weeklyHours(empty, URL);
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.getHtml()).contains("No time was tracked").doesNotContain("data-chart");
    }

    @Test
    void attendanceKeepsOnlyAbsentLateAndLeftEarly() {
        AttendanceUser late = attendance(3, "Lena", "Present", "Late", "Left early");
        late.setFirstStart(585);
        late.setLateMinutes(35);
        late.setLastEnd(960);
        late.setLeftEarlyMinutes(50);
        MailDigest d = renderer.attendance(List.of(attendance(1, "Abe", "Absent"), attendance(2, "Pia", "On leave"),
                attendance(4, "Pat", "Present"), late), "2026-11-18", URL);

        assertThat(d.getItemCount()).isEqualTo(2);
        assertThat(d.getSubject()).isEqualTo("WebWork attendance 2026-11-18: 1 absent, 1 late, 1 left early");
        assertThat(d.getHtml()).contains(">Absent (1)</h2>", ">Late (1)</h2>", ">Left early (1)</h2>", ">Abe<",
                ">Lena<", ">09:45<", ">35<", ">16:00<", ">50<", "Wednesday 2026-11-18").doesNotContain("Pia", "Pat");
        assertThat(renderer.attendance(List.of(attendance(2, "Pia", "On leave")), "2026-11-18", URL).isEmpty())
                .isTrue();
    }

    @Test
    void periodsInTheDigestZone() {
        assertThat(DigestDates.lastWeekMonday(LocalDate.of(2026, 11, 23))).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(DigestDates.lastWeekMonday(LocalDate.of(2026, 11, 29))).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(DigestDates.previousWorkday(LocalDate.of(2026, 11, 23))).as("Monday -> Friday")
                .isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(DigestDates.previousWorkday(LocalDate.of(2026, 11, 25))).isEqualTo(LocalDate.of(2026, 11, 24));

        // Monday 2026-11-23 00:30 UTC is still Sunday in New York: last week there is 11-09..11-15
        DigestDates dates = new DigestDates(Clock.fixed(Instant.parse("2026-11-23T00:30:00Z"), ZoneOffset.UTC));
        Exchange e = new DefaultExchange(new DefaultCamelContext());
        dates.lastWeek(e, "America/New_York");
        assertThat(e.getMessage().getHeader(WebworkConstants.START_DATE)).isEqualTo("2026-11-09");
        assertThat(e.getMessage().getHeader(WebworkConstants.END_DATE)).isEqualTo("2026-11-15");
        Exchange utc = new DefaultExchange(new DefaultCamelContext());
        dates.lastWeek(utc, "UTC");
        assertThat(utc.getMessage().getHeader(WebworkConstants.START_DATE)).isEqualTo("2026-11-16");

        Exchange given = new DefaultExchange(new DefaultCamelContext());
        given.getMessage().setHeader(WebworkConstants.START_DATE, "2026-10-05");
        dates.lastWeek(given, "UTC");
        assertThat(given.getMessage().getHeader(WebworkConstants.END_DATE)).as("on demand").isEqualTo("2026-10-11");

        Exchange day = new DefaultExchange(new DefaultCamelContext());
        dates.previousWorkday(day, "UTC");
        assertThat(day.getMessage().getHeader(WebworkConstants.DATE)).isEqualTo("2026-11-20");
        day.getMessage().setHeader(WebworkConstants.DATE, "2026-11-11");
        dates.previousWorkday(day, "UTC");
        assertThat(day.getMessage().getHeader(WebworkConstants.DATE)).isEqualTo("2026-11-11");
    }
}
