package io.github.camelwebwork.sandbox;

import static io.github.camelwebwork.sandbox.SandboxConventionsTest.assertError;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.assertSuccess;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.fieldNames;
import static io.github.camelwebwork.sandbox.TimelineAndActivityReportsTest.userIds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.sandbox.SandboxClient.Reply;
import io.github.camelwebwork.support.SandboxExtension;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * §7.14 {@code /reports/daily-attendance} over raw HTTP on Tuesday 2024-05-14 (a day that is over at the clock's
 * Wed 15:00 UTC). Workday 09:00-17:00 in each member's timezone, 10 minutes' grace. Tom (UTC) works 09:05-12:30 and
 * 13:15-17:00; Rita (New York) 09:45-12:00 and, after a logged break, 12:30-16:00; Priya is on approved leave; the
 * owner and Ethan track nothing.
 */
class AttendanceReportTest {

    private static final String REPORT = "/reports/daily-attendance?workspace_id=1&date=2024-05-14";

    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(() -> TimeSandbox.start(new TimeSandbox.MovableClock()));
    private final SandboxClient client = new SandboxClient(sandbox);

    @BeforeEach
    void recordTuesday() {
        SandboxState state = sandbox.get().state();
        ReportFixture.clearTime(state);
        tuesday(104, 305L, 101L, "Desktop tracker", "09:05", "12:30", 70);
        tuesday(104, 305L, 101L, "Desktop tracker", "13:15", "17:00", 50);
        tuesday(103, 303L, 100L, "Desktop tracker", "13:45", "16:00", 60);
        tuesday(103, null, null, "Break", "16:00", "16:30", null);
        tuesday(103, 303L, 100L, "Idle time", "16:30", "16:50", null);
        tuesday(103, 303L, 100L, "Desktop tracker", "16:50", "20:00", 80);
        state.addLeave(new SandboxLeave(null, 1, 102, 2, "approved", "Fever", LocalDate.of(2024, 5, 14),
                LocalDate.of(2024, 5, 14), null, null, null, 0, 102, 100L, null, null, null, null));
    }

    @Test
    void judgesEachMembersDay() {
        Reply reply = client.get(REPORT);

        assertSuccess(reply, 200, "Daily attendance report retrieved successfully");
        JsonNode data = reply.data();
        assertThat(data.path("report_type").asText()).isEqualTo("daily_attendance");
        assertThat(data.path("workday").toString()).isEqualTo("{\"start\":\"09:00\",\"end\":\"17:00\","
                + "\"expected_minutes\":480,\"grace_minutes\":10}");
        assertThat(statuses(data)).containsExactly(List.of("Absent"), List.of("Absent"), List.of("On leave"),
                List.of("Present", "Late", "Left early", "Tracked less"), List.of("Present", "Tracked less"));
        JsonNode tom = data.path("users").get(4);
        assertThat(fieldNames(tom)).containsExactly("user_id", "user_name", "statuses", "first_start", "last_end",
                "tracked_minutes", "expected_minutes", "late_minutes", "left_early_minutes", "leave_minutes",
                "break_minutes", "breaks", "activity_level", "idle_minutes");
        assertThat(tom.path("first_start").asInt()).isEqualTo(545); // 09:05, within the grace
        assertThat(tom.path("last_end").asInt()).isEqualTo(1020);
        assertThat(tom.path("tracked_minutes").asInt()).isEqualTo(430);
        assertThat(tom.path("late_minutes").asInt()).isZero();
        assertThat(tom.path("breaks").toString()).isEqualTo("[\"12:30 - 13:15\"]"); // an untracked gap
        assertThat(tom.path("break_minutes").asInt()).isEqualTo(45);
        JsonNode rita = data.path("users").get(3);
        assertThat(rita.path("first_start").asInt()).isEqualTo(585); // 09:45 in New York
        assertThat(rita.path("last_end").asInt()).isEqualTo(960);
        assertThat(rita.path("late_minutes").asInt()).isEqualTo(45);
        assertThat(rita.path("left_early_minutes").asInt()).isEqualTo(60);
        assertThat(rita.path("tracked_minutes").asInt()).isEqualTo(345);
        assertThat(rita.path("breaks").toString()).isEqualTo("[\"12:00 - 12:30\"]"); // the logged break
        assertThat(rita.path("idle_minutes").asInt()).isEqualTo(20);
        // (135 x 60 + 190 x 80) / 325: idle time measures no activity
        assertThat(rita.path("activity_level").asInt()).isEqualTo(72);
        JsonNode priya = data.path("users").get(2);
        assertThat(priya.path("expected_minutes").asInt()).isZero();
        assertThat(priya.path("leave_minutes").asInt()).isEqualTo(480);
        assertThat(priya.get("first_start").isNull()).isTrue();
    }

    @Test
    void aPartialLeaveLowersTheExpectedMinutes() {
        Reply requested = client.send("POST", "/leaves", "{\"workspace_id\":1,\"policy_id\":4,\"user_id\":104,"
                + "\"start\":\"2024-05-14\",\"end\":\"2024-05-14\",\"start_time\":\"07:00\",\"end_time\":\"09:00\"}");
        assertThat(requested.status()).isEqualTo(201);
        assertThat(statuses(client.get(REPORT + "&users=104").data()).get(0))
                .containsExactly("Present", "Tracked less");
        String id = sandbox.get().state().leaves(1).stream().filter(l -> l.userId() == 104 && l.policyId() == 4
                && l.startDate().equals(LocalDate.of(2024, 5, 14))).findFirst().orElseThrow().id();
        assertThat(client.send("PUT", "/leaves/" + id + "/approve", "{\"workspace_id\":1}").status()).isEqualTo(200);

        JsonNode tom = client.get(REPORT + "&users=104").data().path("users").get(0);
        assertThat(tom.path("statuses").toString()).isEqualTo("[\"Present\",\"On leave\"]");
        assertThat(tom.path("expected_minutes").asInt()).isEqualTo(360);
        assertThat(tom.path("leave_minutes").asInt()).isEqualTo(120);
    }

    @Test
    void filtersByStatus() {
        assertThat(userIds(client.get(REPORT + "&status=late").data())).containsExactly(103L);
        assertThat(userIds(client.get(REPORT + "&status=absent,on_leave").data())).containsExactly(100L, 101L, 102L);
        Reply both = client.get(REPORT + "&status[]=late&status[]=tracked_less&per_page=1");
        assertThat(userIds(both.data())).containsExactly(103L);
        assertThat(both.pagination().path("total").asInt()).isEqualTo(2);
        assertThat(userIds(client.get(REPORT + "&status=left_early&users=104").data())).isEmpty();
    }

    @Test
    void weekendsAreHolidaysAndTheFutureIsUnjudged() {
        assertThat(statuses(client.get("/reports/daily-attendance?workspace_id=1&date=2024-05-12").data()))
                .allSatisfy(s -> assertThat(s).containsExactly("Holiday"));
        assertThat(statuses(client.get("/reports/daily-attendance?workspace_id=1&date=2024-05-16").data()))
                .allSatisfy(s -> assertThat(s).isEmpty());
        ReportFixture.add(sandbox.get().state(), 104, 305L, 101L, null, "Live", "Desktop tracker", "2024-05-15",
                "09:00", null, 60);
        JsonNode today = client.get("/reports/daily-attendance?workspace_id=1&date=2024-05-15&users=104,103").data();
        assertThat(statuses(today)).containsExactly(List.of("Absent"), List.of("Present")); // 17:00 not reached yet
        assertThat(today.path("users").get(1).get("last_end").isNull()).isTrue();
        assertThat(today.path("users").get(1).path("tracked_minutes").asInt()).isEqualTo(360);
    }

    @Test
    void seededApprovedLeaveShowsAsOnLeave() {
        try (WebworkSandbox seeded = TimeSandbox.start(new TimeSandbox.MovableClock())) {
            JsonNode day = new SandboxClient(seeded).get("/reports/daily-attendance?workspace_id=1&date=2024-04-02"
                    + "&users=102").data();
            assertThat(statuses(day)).containsExactly(List.of("On leave"));
        }
    }

    @Test
    void validatesTheQuery() {
        Reply reply = client.get("/reports/daily-attendance?workspace_id=1&status=late,sleeping&users=me&per_page=101");
        assertError(reply, 422, "The given data was invalid.");
        assertThat(reply.errors().fieldNames()).toIterable().containsExactlyInAnyOrder("date", "status.1", "users.0",
                "per_page");
        assertThat(reply.errors().path("status.1").get(0).asText()).isEqualTo("The selected status.1 is invalid.");
        assertThat(client.get("/reports/daily-attendance?workspace_id=1&date=2024-5-14").errors().path("date").get(0)
                .asText()).isEqualTo("The date does not match the format Y-m-d.");
        assertError(client.get(REPORT, TimeSandbox.VIEWER), 403, null);
    }

    private void tuesday(long user, Long contract, Long project, String method, String start, String end,
                         Integer activity) {
        ReportFixture.add(sandbox.get().state(), user, contract, project, null, "Work", method, "2024-05-14", start,
                end, activity);
    }

    private static List<List<String>> statuses(JsonNode data) {
        List<List<String>> result = new ArrayList<>();
        data.path("users").forEach(u -> {
            List<String> s = new ArrayList<>();
            u.path("statuses").forEach(x -> s.add(x.asText()));
            result.add(s);
        });
        return result;
    }
}
