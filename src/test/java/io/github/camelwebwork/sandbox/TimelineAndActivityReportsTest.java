package io.github.camelwebwork.sandbox;

import static io.github.camelwebwork.sandbox.SandboxConventionsTest.assertError;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.assertSuccess;
import static io.github.camelwebwork.sandbox.TasksWireExamplesTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.sandbox.SandboxClient.Reply;
import io.github.camelwebwork.support.SandboxExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * §7.14 {@code /reports/daily-timeline}, {@code /reports/activity-level} and H8 {@code /reports/activity-descriptions}
 * over raw HTTP, computed from {@link ReportFixture}'s entries; paginated by users (default 30, max 100).
 */
class TimelineAndActivityReportsTest {

    private static final String TIMELINE = "/reports/daily-timeline?workspace_id=1&date=2024-05-13";
    private static final String ACTIVITY = "/reports/activity-level?workspace_id=1&start_date=2024-05-13"
            + "&end_date=2024-05-14";
    private static final String DESCRIPTIONS = "/reports/activity-descriptions?workspace_id=1&start_date=2024-05-13"
            + "&end_date=2024-05-14";

    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(ReportFixture::startWithWeek);
    private final SandboxClient client = new SandboxClient(sandbox);

    @Test
    void timelineListsEveryMembersDay() {
        Reply reply = client.get(TIMELINE);

        assertSuccess(reply, 200, "Daily timeline report retrieved successfully");
        JsonNode data = reply.data();
        assertThat(fieldNames(data)).containsExactly("report_type", "date", "timezone", "users");
        assertThat(data.path("report_type").asText()).isEqualTo("daily_timeline");
        assertThat(data.path("timezone").asText()).isEqualTo("Europe/London");
        assertThat(userIds(data)).containsExactly(100L, 101L, 102L, 103L, 104L); // active members who track
        assertThat(reply.pagination().toString())
                .isEqualTo("{\"total\":5,\"per_page\":30,\"current_page\":1,\"last_page\":1,\"from\":1,\"to\":5}");
        assertThat(data.path("users").get(0).path("time_entries")).isEmpty();
        assertThat(data.path("users").get(0).get("activity_level").isNull()).isTrue();
        JsonNode tom = data.path("users").get(4);
        assertThat(fieldNames(tom)).containsExactly("user_id", "user_name", "total_minutes", "activity_level",
                "total_amount", "currency", "time_entries");
        assertThat(tom.path("total_minutes").asLong()).isEqualTo(165);
        assertThat(tom.path("activity_level").asInt()).isEqualTo(75); // (120 x 80 + 45 x 60) / 165
        assertThat(tom.path("total_amount").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(tom.path("currency").asText()).isEqualTo("USD");
        JsonNode entries = tom.path("time_entries");
        assertThat(entries).hasSize(3);
        JsonNode first = entries.get(0);
        assertThat(fieldNames(first)).containsExactly("id", "start", "end", "duration_minutes", "project_id",
                "project_name", "task_id", "task_title", "activity_description", "method", "activity_level");
        assertThat(first.path("start").asText()).isEqualTo("2024-05-13T10:00:00+01:00"); // owner's offset
        assertThat(first.path("end").asText()).isEqualTo("2024-05-13T12:00:00+01:00");
        assertThat(first.path("task_title").asText()).isEqualTo("App onboarding flow");
        assertThat(first.path("activity_level").asInt()).isEqualTo(80);
        assertThat(entries.get(2).path("method").asText()).isEqualTo("Break");
        assertThat(entries.get(2).get("project_id").isNull()).isTrue();
    }

    @Test
    void timelineFiltersAndPagesUsers() {
        assertThat(userIds(client.get(TIMELINE + "&user_ids=104,103").data())).containsExactly(103L, 104L);
        assertThat(userIds(client.get(TIMELINE + "&user_ids[]=104").data())).containsExactly(104L);
        Reply page = client.get(TIMELINE + "&per_page=2&page=3");
        assertThat(userIds(page.data())).containsExactly(104L);
        assertThat(page.pagination().path("last_page").asInt()).isEqualTo(3);
        ReportFixture.add(sandbox.get().state(), 104, 305L, 101L, null, "Live", "Desktop tracker", "2024-05-15",
                "14:00", null, 40);
        JsonNode live = client.get("/reports/daily-timeline?workspace_id=1&date=2024-05-15&user_ids=104").data()
                .path("users").get(0).path("time_entries").get(0);
        assertThat(live.get("end").isNull()).isTrue();
        assertThat(live.path("duration_minutes").asLong()).isEqualTo(60);
    }

    @Test
    void timelineDateMustBeWithinAYear() {
        Reply old = client.get("/reports/daily-timeline?workspace_id=1&date=2023-05-14");
        assertError(old, 422, "The given data was invalid.");
        assertThat(old.errors().path("date").get(0).asText())
                .isEqualTo("The date must be a date after or equal to 2023-05-15.");
        Reply ahead = client.get("/reports/daily-timeline?workspace_id=1&date=2025-05-16");
        assertThat(ahead.errors().path("date").get(0).asText())
                .isEqualTo("The date must be a date before or equal to 2025-05-15.");
        assertThat(client.get("/reports/daily-timeline?workspace_id=1&date=2023-05-15").status()).isEqualTo(200);
        Reply missing = client.get("/reports/daily-timeline?workspace_id=1&per_page=101&user_ids=a");
        assertThat(missing.errors().fieldNames()).toIterable().containsExactlyInAnyOrder("date", "per_page",
                "user_ids.0");
        assertThat(missing.errors().path("per_page").get(0).asText())
                .isEqualTo("The per page must be between 1 and 100.");
        assertError(client.get(TIMELINE, TimeSandbox.TEAM_MANAGER), 403, null);
    }

    @Test
    void activityLevelPerUserPerDayAndOverall() {
        Reply reply = client.get(ACTIVITY);

        assertSuccess(reply, 200, "Activity level report retrieved successfully");
        JsonNode data = reply.data();
        assertThat(fieldNames(data)).containsExactly("report_type", "start_date", "end_date", "overall", "users");
        assertThat(data.path("overall").toString())
                .isEqualTo("{\"users_count\":5,\"tracked_minutes\":675,\"activity_level\":69}");
        JsonNode tom = data.path("users").get(4);
        assertThat(fieldNames(tom))
                .containsExactly("user_id", "user_name", "tracked_minutes", "activity_level", "daily");
        assertThat(tom.path("tracked_minutes").asLong()).isEqualTo(255);
        assertThat(tom.path("activity_level").asInt()).isEqualTo(75); // manual time has no activity
        assertThat(tom.path("daily").toString()).isEqualTo("[{\"date\":\"2024-05-13\",\"tracked_minutes\":165,"
                + "\"activity_level\":75},{\"date\":\"2024-05-14\",\"tracked_minutes\":90,\"activity_level\":null}]");
        JsonNode olivia = data.path("users").get(0);
        assertThat(olivia.path("tracked_minutes").asLong()).isZero();
        assertThat(olivia.get("activity_level").isNull()).isTrue();

        JsonNode onContract = client.get(ACTIVITY + "&contract_id=305&user_ids=104").data();
        assertThat(onContract.path("overall").toString())
                .isEqualTo("{\"users_count\":1,\"tracked_minutes\":210,\"activity_level\":80}");
        Reply paged = client.get(ACTIVITY + "&per_page=1&page=2");
        assertThat(userIds(paged.data())).containsExactly(101L);
        assertThat(paged.data().path("overall").path("users_count").asInt()).isEqualTo(5); // over all pages
    }

    @Test
    void activityLevelValidatesItsRange() {
        Reply tooLong = client.get("/reports/activity-level?workspace_id=1&start_date=2024-01-01&end_date=2024-02-01");
        assertError(tooLong, 422, null);
        assertThat(tooLong.errors().path("end_date").get(0).asText())
                .isEqualTo("The date range may not be longer than 31 days.");
        assertThat(client.get("/reports/activity-level?workspace_id=1&start_date=2024-01-01&end_date=2024-01-31")
                .status()).isEqualTo(200);
        Reply missing = client.get("/reports/activity-level?workspace_id=1&contract_id=x");
        assertThat(missing.errors().fieldNames()).toIterable()
                .containsExactlyInAnyOrder("start_date", "end_date", "contract_id");
        Reply unknown = client.get(ACTIVITY + "&contract_id=320"); // workspace 2's
        assertThat(unknown.errors().path("contract_id").get(0).asText())
                .isEqualTo("The selected contract id is invalid.");
        assertError(client.get(ACTIVITY, TimeSandbox.REGULAR), 403, null);
    }

    @Test
    void activityDescriptionsPerUser() {
        Reply reply = client.get(DESCRIPTIONS);

        assertSuccess(reply, 200, "Activity descriptions report retrieved successfully");
        JsonNode data = reply.data();
        assertThat(data.path("report_type").asText()).isEqualTo("activity_descriptions");
        JsonNode tom = data.path("users").get(4);
        assertThat(fieldNames(tom)).containsExactly("user_id", "user_name", "total_minutes", "activity_descriptions");
        assertThat(tom.path("total_minutes").asLong()).isEqualTo(255);
        assertThat(tom.path("activity_descriptions").toString()).isEqualTo("[{\"activity_description\":\"Onboarding\","
                + "\"total_minutes\":210,\"entries_count\":2},{\"activity_description\":\"Tooling\","
                + "\"total_minutes\":45,"
                + "\"entries_count\":1}]");
        JsonNode priya = data.path("users").get(2);
        assertThat(priya.path("activity_descriptions").get(1).get("activity_description").isNull()).isTrue();
        assertThat(priya.path("total_minutes").asLong()).isEqualTo(180);
        assertThat(userIds(client.get(DESCRIPTIONS + "&users=103").data())).containsExactly(103L);
        Reply tooLong = client.get("/reports/activity-descriptions?workspace_id=1&start_date=2024-04-01"
                + "&end_date=2024-05-14");
        assertThat(tooLong.errors().path("end_date").get(0).asText())
                .isEqualTo("The date range may not be longer than 31 days.");
        assertError(client.get(DESCRIPTIONS + "&per_page=0"), 422, null);
    }

    @Test
    void archivedMembersWithTimeStillAppear() {
        ReportFixture.add(sandbox.get().state(), 106, null, null, null, "Handover", "Manually added time", "2024-05-13",
                "09:00", "10:00", null);
        assertThat(userIds(client.get(DESCRIPTIONS).data())).containsExactly(100L, 101L, 102L, 103L, 104L, 106L);
        assertThat(userIds(client.get(ACTIVITY.replace("2024-05-13", "2024-05-14")).data()))
                .doesNotContain(106L);
    }

    static List<Long> userIds(JsonNode data) {
        List<Long> ids = new ArrayList<>();
        data.path("users").forEach(u -> ids.add(u.path("user_id").asLong()));
        return ids;
    }
}
