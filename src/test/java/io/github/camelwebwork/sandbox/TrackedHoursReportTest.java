package io.github.camelwebwork.sandbox;

import static io.github.camelwebwork.sandbox.SandboxConventionsTest.assertError;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.assertSuccess;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.sandbox.SandboxClient.Reply;
import io.github.camelwebwork.support.SandboxExtension;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** §7.14 {@code /reports/tracked-hours} over raw HTTP, computed from {@link ReportFixture}'s entries. */
class TrackedHoursReportTest {

    private static final String REPORT = "/reports/tracked-hours?workspace_id=1";

    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(ReportFixture::startWithWeek);
    private final SandboxClient client = new SandboxClient(sandbox);

    @Test
    void sumsTheCurrentWeekByDateUserAndProject() {
        Reply reply = client.get(REPORT);

        assertSuccess(reply, 200, "Tracked hours report retrieved successfully");
        JsonNode data = reply.data();
        assertThat(fieldNames(data)).containsExactly("report_type", "start_date", "end_date", "total_minutes",
                "total_amount", "2024-05-13", "2024-05-14");
        assertThat(data.path("report_type").asText()).isEqualTo("tracked_hours");
        assertThat(data.path("start_date").asText()).isEqualTo("2024-05-13");
        assertThat(data.path("end_date").asText()).isEqualTo("2024-05-19");
        assertThat(data.path("total_minutes").asLong()).isEqualTo(675);
        assertThat(data.path("total_amount").path("USD").decimalValue()).isEqualByComparingTo("965.00");
        JsonNode monday = data.path("2024-05-13").path("users");
        assertThat(monday).hasSize(2);
        JsonNode tom = monday.get(1);
        assertThat(fieldNames(tom))
                .containsExactly("user_id", "user_name", "total_minutes", "total_amount", "projects");
        assertThat(tom.path("user_id").asLong()).isEqualTo(104);
        assertThat(tom.path("user_name").asText()).isEqualTo("Tom Teamlead");
        assertThat(tom.path("total_minutes").asLong()).isEqualTo(165); // the lunch break is not tracked time
        assertThat(tom.path("total_amount").path("USD").decimalValue()).isEqualByComparingTo("200.00");
        JsonNode mobile = tom.path("projects").get(0);
        assertThat(fieldNames(mobile)).containsExactly("project_id", "project_name", "contract_id", "total_minutes",
                "total_amount");
        assertThat(mobile.path("project_name").asText()).isEqualTo("Mobile App");
        assertThat(mobile.path("contract_id").asLong()).isEqualTo(305);
        assertThat(mobile.path("total_minutes").asLong()).isEqualTo(120);
        JsonNode internal = tom.path("projects").get(1);
        assertThat(internal.path("project_id").asLong()).isEqualTo(102);
        assertThat(internal.path("total_amount").isEmpty()).isTrue(); // not billable: no currency
        JsonNode priya = data.path("2024-05-14").path("users").get(0);
        assertThat(priya.path("user_id").asLong()).isEqualTo(102);
        assertThat(priya.path("projects")).hasSize(2);
        assertThat(priya.path("total_amount").path("USD").decimalValue()).isEqualByComparingTo("275.00");
    }

    @Test
    void appliesListFiltersAsCsvOrArrays() {
        assertThat(total(REPORT + "&users=103,104")).isEqualTo(495);
        assertThat(total(REPORT + "&users[]=103&users[]=104")).isEqualTo(495);
        assertThat(total(REPORT + "&users%5B%5D=102")).isEqualTo(180);
        assertThat(total(REPORT + "&projects=101")).isEqualTo(270);
        assertThat(total(REPORT + "&projects[]=100&users=102")).isEqualTo(120);
        assertThat(total(REPORT + "&teams=Mobile")).isEqualTo(255);
        assertThat(total(REPORT + "&titles=Frontend%20Developer")).isEqualTo(240);
        assertThat(total(REPORT + "&currencies=USD")).isEqualTo(630); // billed time only
        assertThat(total(REPORT + "&currencies=EUR")).isZero();
        assertThat(total(REPORT + "&user_id=104")).isEqualTo(255);
        assertThat(fieldNames(client.get(REPORT + "&users=101").data())).containsExactly("report_type", "start_date",
                "end_date", "total_minutes", "total_amount");
    }

    @Test
    void takesAPeriod() {
        JsonNode lastWeek = client.get(REPORT + "&start_date=2024-05-06").data();
        assertThat(lastWeek.path("end_date").asText()).isEqualTo("2024-05-12");
        assertThat(lastWeek.path("total_minutes").asLong()).isEqualTo(60);
        assertThat(total(REPORT + "&start_date=2024-05-01&end_date=2024-05-13")).isEqualTo(60 + 165 + 240);
        // no cap without user_id
        assertThat(total(REPORT + "&start_date=2024-01-01&end_date=2024-12-31")).isEqualTo(735);
    }

    @Test
    void countsARunningEntryUpToNow() {
        ReportFixture.add(sandbox.get().state(), 104, 305L, 101L, null, "Live", "Desktop tracker", "2024-05-15",
                "14:00", null, 75);
        assertThat(client.get(REPORT + "&users=104").data().path("2024-05-15").path("users").get(0)
                .path("total_minutes").asLong()).isEqualTo(60);
    }

    @Test
    void validatesThePeriod() {
        Reply tooLong = client.get(REPORT + "&user_id=104&start_date=2024-05-01&end_date=2024-06-01");
        assertError(tooLong, 422, "The given data was invalid.");
        assertThat(tooLong.errors().path("end_date").get(0).asText())
                .isEqualTo("The date range may not be longer than 31 days.");
        assertThat(client.get(REPORT + "&user_id=104&start_date=2024-05-01&end_date=2024-05-31").status())
                .isEqualTo(200);
        Reply wrong = client.get(REPORT + "&start_date=13.05.2024&end_date=2024-05-01&users=x&projects=1,y");
        assertThat(wrong.errors().fieldNames()).toIterable()
                .containsExactlyInAnyOrder("start_date", "users.0", "projects.1");
        assertThat(wrong.errors().path("users.0").get(0).asText()).isEqualTo("The users.0 must be an integer.");
        Reply reversed = client.get(REPORT + "&start_date=2024-05-13&end_date=2024-05-12");
        assertThat(reversed.errors().path("end_date").get(0).asText())
                .isEqualTo("The end date must be a date after or equal to start date.");
    }

    @Test
    void isForOwnersAndExecutiveManagersOnly() {
        assertThat(client.get(REPORT, TimeSandbox.EXEC).status()).isEqualTo(200);
        assertError(client.get(REPORT, TimeSandbox.PM), 403, "This action is unauthorized.");
        assertError(client.get(REPORT + "&start_date=bad", TimeSandbox.REGULAR), 403, null); // role before fields
        assertError(client.get("/reports/tracked-hours"), 422, null);
        assertError(client.get("/reports/tracked-hours?workspace_id=9"), 404, "Workspace not found.");
    }

    @Test
    void hidesAmountsFromCallersWhoDoNotSeeRates() {
        SandboxMember ethan = sandbox.get().state().member(1, 101).orElseThrow();
        sandbox.get().state().saveMember(ethan.withSettings(0, ethan.weeklyHoursLimit(), TimeSandbox.NOW));
        JsonNode data = client.get(REPORT, TimeSandbox.EXEC).data();
        assertThat(data.has("total_amount")).isFalse();
        JsonNode tom = data.path("2024-05-13").path("users").get(1);
        assertThat(tom.has("total_amount")).isFalse();
        assertThat(tom.path("projects").get(0).has("total_amount")).isFalse();
        assertThat(total(REPORT + "&currencies=EUR")).isZero(); // the owner still sees rates
    }

    @Test
    void addsUpTheSeededTimeData() {
        try (WebworkSandbox seeded = TimeSandbox.start(new TimeSandbox.MovableClock())) {
            SandboxClient seededClient = new SandboxClient(seeded);
            long expected = seeded.state().timeEntries(1).stream()
                    .filter(e -> !"Break".equals(e.method()))
                    .filter(e -> !e.date().isBefore(LocalDate.of(2024, 5, 6)))
                    .filter(e -> !e.date().isAfter(LocalDate.of(2024, 5, 12)))
                    .mapToLong(e -> e.durationMinutes(TimeSandbox.NOW)).sum();
            JsonNode lastWeek = seededClient.get(REPORT + "&start_date=2024-05-06&end_date=2024-05-12").data();
            assertThat(expected).isPositive();
            assertThat(lastWeek.path("total_minutes").asLong()).isEqualTo(expected);
        }
    }

    private long total(String pathAndQuery) {
        Reply reply = client.get(pathAndQuery);
        assertThat(reply.status()).as(reply.json().toString()).isEqualTo(200);
        return reply.data().path("total_minutes").asLong();
    }
}
