package io.github.camelwebwork.model;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.client.WebworkJson;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every model against a realistic sample written from the reference (snake_case, with an unknown field and an unknown
 * enum value): typed fields, enum convenience getters, and a write-back that keeps every field the API sent.
 */
class ModelJsonTest {

    private static final ObjectMapper MAPPER = WebworkJson.newMapper();

    /** The unknown field every sample carries; it must survive a read and a write. */
    private static final String FUTURE = "\"future_field\": {\"nested\": [1, \"two\", null], \"flag\": true}";

    private static <T> T read(String json, Class<T> type) throws Exception {
        return MAPPER.readValue(json, type);
    }

    private static JsonNode written(Object model) throws Exception {
        return MAPPER.readTree(MAPPER.writeValueAsString(model));
    }

    /**
     * Writes the model back and checks that every key of the sample, at every depth, comes back with the same value
     * (numbers compared as written, so 25.50 and 25.5 match), except the top-level keys the model is documented to
     * normalise. Keys the sample did not have may only come back as null (declared fields are always written).
     */
    private static JsonNode assertRoundTrip(String json, Object model, String... normalised) throws Exception {
        JsonNode original = MAPPER.readTree(json);
        JsonNode out = written(model);
        List<String> skip = List.of(normalised);
        Iterator<Map.Entry<String, JsonNode>> it = original.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!skip.contains(e.getKey())) {
                assertSame("/" + e.getKey(), e.getValue(), out.get(e.getKey()));
            }
        }
        assertThat(out.get("future_field")).isEqualTo(original.get("future_field"));
        assertThat(out.has("additional_properties")).isFalse();
        return out;
    }

    private static void assertSame(String path, JsonNode expected, JsonNode actual) {
        assertThat(actual).as("written back: %s", path).isNotNull();
        if (expected.isObject()) {
            assertThat(actual.isObject()).as("object at %s", path).isTrue();
            expected.fields().forEachRemaining(e -> assertSame(path + "/" + e.getKey(), e.getValue(),
                    actual.get(e.getKey())));
            actual.fields().forEachRemaining(e -> {
                if (!expected.has(e.getKey())) {
                    assertThat(e.getValue().isNull()).as("only nulls added: %s/%s", path, e.getKey()).isTrue();
                }
            });
        } else if (expected.isArray()) {
            assertThat(actual.size()).as("size at %s", path).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertSame(path + "/" + i, expected.get(i), actual.get(i));
            }
        } else {
            assertThat(actual).as("written back: %s", path).isEqualTo(expected);
        }
    }

    /** No convenience getter leaks into the JSON. */
    private static void assertNoConvenienceProperties(JsonNode out) {
        out.fieldNames().forEachRemaining(name -> assertThat(name).doesNotEndWith("_value").doesNotEndWith("_values"));
    }

    @Nested
    class Enumerations {

        @Test
        void wireValuesMatchExactlyOrByConstantName() {
            assertThat(MemberRole.fromWire("Regular User")).contains(MemberRole.REGULAR_USER);
            assertThat(MemberRole.fromWire("regular_user")).contains(MemberRole.REGULAR_USER);
            assertThat(MemberRole.fromWire("REGULAR_USER")).contains(MemberRole.REGULAR_USER);
            assertThat(MemberRole.fromWire("Client")).contains(MemberRole.CLIENT);
            assertThat(MemberRole.fromWire("regular user")).isEmpty();
            assertThat(MemberRole.fromWire("Galactic overlord")).isEmpty();
            assertThat(MemberRole.fromWire(null)).isEmpty();
            assertThat(WebhookEvent.fromWire("tracker.started")).contains(WebhookEvent.TRACKER_STARTED);
            assertThat(WebhookEvent.fromWire("TRACKER.STARTED")).isEmpty();
            assertThat(WebhookEvent.fromWire("tracker_started")).contains(WebhookEvent.TRACKER_STARTED);
            assertThat(WireValues.fromWire(ScreenshotMode.class, "video_blurred_silent"))
                    .contains(ScreenshotMode.VIDEO_BLURRED_SILENT);
            assertThat(AttendanceLabel.fromWire("Left early")).contains(AttendanceLabel.LEFT_EARLY);
            assertThat(TimeEntryMethod.fromWire("Manually added time")).contains(TimeEntryMethod.MANUALLY_ADDED_TIME);
        }

        @Test
        void wireValuesAreSpelledAsTheReference() {
            assertThat(WireValues.describe(MemberRole.values())).isEqualTo(
                    "Owner, Project viewer, Executive manager, Team manager, Project manager, Regular User, Client");
            assertThat(WireValues.describe(MemberStatus.class)).isEqualTo("active, inactive, left, unknown");
            assertThat(WireValues.describe(ScreenshotMode.values())).isEqualTo("full, blurred, no_preview, "
                    + "no_screenshot, background_blurred, video_full, video_blurred, video_full_silent, "
                    + "video_blurred_silent");
            assertThat(WireValues.describe(ContractStatus.values())).isEqualTo("active, paused");
            assertThat(WireValues.describe(TimesheetStatus.values())).isEqualTo("pending, submitted, approved, rejected");
            assertThat(WireValues.describe(TimeRequestStatus.values())).isEqualTo("pending, approved, rejected");
            assertThat(WireValues.describe(LeaveStatus.values())).isEqualTo("pending, approved, rejected");
            assertThat(WireValues.describe(AttendanceStatus.values()))
                    .isEqualTo("late, left_early, tracked_less, absent, on_leave");
            assertThat(WireValues.describe(AttendanceLabel.values()))
                    .isEqualTo("Present, Late, Left early, Tracked less, Absent, On leave, Holiday");
            assertThat(WireValues.describe(TimeEntryMethod.values())).isEqualTo("Desktop tracker, Mobile tracker, "
                    + "Manually added time, Extension tracker, Web tracker, Idle time, Paid leave, Break, Paid holiday");
            assertThat(WireValues.describe(WebhookEvent.values())).isEqualTo("tracker.started, tracker.stopped, "
                    + "member.invited, member.updated, member.deleted, member.activated, member.archived, "
                    + "project.created, project.updated, project.deleted, task.updated");
            assertThat(WireValues.describe(PaidFilter.values())).isEqualTo("yes, no");
            assertThat(AttendanceStatus.LEFT_EARLY.label()).isEqualTo(AttendanceLabel.LEFT_EARLY);
        }

        @Test
        void codedEnumerations() {
            assertThat(Codes.describe(LeavePeriod.values())).isEqualTo("0 (Full day), 1 (First half), 2 (Second half)");
            assertThat(Codes.describe(RateStatus.values())).isEqualTo("0 (Hidden), 1 (Visible)");
            assertThat(Codes.describe(RateType.values()))
                    .isEqualTo("1 (Custom Rate), 2 (Member Rate), 3 (Project Rate)");
            assertThat(Codes.parse(RateType.values(), "member rate")).contains(RateType.MEMBER_RATE);
            assertThat(Codes.parse(LeavePeriod.values(), "2")).contains(LeavePeriod.SECOND_HALF);
            assertThat(LeavePeriod.fromCode(7)).isEmpty();
        }

        @Test
        void enumsSerialiseAsTheirWireValue() throws Exception {
            assertThat(MAPPER.writeValueAsString(List.of(MemberRole.PROJECT_VIEWER, WebhookEvent.TASK_UPDATED)))
                    .isEqualTo("[\"Project viewer\",\"task.updated\"]");
        }
    }

    @Nested
    class Directory {

        @Test
        void workspace() throws Exception {
            String json = """
                    {"id": 1, "owner_id": 10, "user_id": 100, "workspace_name": "Acme", "role": "Owner",
                     "status": "suspended", "created_at": "2025-02-19T19:24:55.000000Z",
                     "activated_at": "2025-02-19 19:24:55", %s}""".formatted(FUTURE);
            Workspace ws = read(json, Workspace.class);
            assertThat(ws.getId()).isEqualTo(1L);
            assertThat(ws.getOwnerId()).isEqualTo(10L);
            assertThat(ws.getWorkspaceName()).isEqualTo("Acme");
            assertThat(ws.getRoleValue()).contains(MemberRole.OWNER);
            assertThat(ws.getStatus()).isEqualTo("suspended");
            assertThat(ws.getStatusValue()).isEmpty();
            assertThat(ws.getActivatedAt()).isEqualTo("2025-02-19 19:24:55");
            assertThat(ws.toString()).contains("id=1", "Acme");
            assertNoConvenienceProperties(assertRoundTrip(json, ws));
        }

        @Test
        void member() throws Exception {
            String json = """
                    {"id": 100, "email": "john@example.com", "firstname": "John", "lastname": "Doe",
                     "avatar": null, "current_role": "Chief of vibes", "timezone": "Europe/Berlin",
                     "status": "active", "team_name": "Core", "title": "Developer", "rate": 25.50,
                     "rate_status": 1, "rate_type": 9, "screenshots": "blurred", "weekly_hours_limit": 40,
                     "is_blocked": false, "created_at": "2024-01-01T00:00:00.000000Z", "updated_at": null,
                     "deleted_at": null, %s}""".formatted(FUTURE);
            Member m = read(json, Member.class);
            assertThat(m.getId()).isEqualTo(100L);
            assertThat(m.getEmail()).isEqualTo("john@example.com");
            assertThat(m.getCurrentRole()).isEqualTo("Chief of vibes");
            assertThat(m.getCurrentRoleValue()).isEmpty();
            assertThat(m.getStatusValue()).contains(MemberStatus.ACTIVE);
            assertThat(m.getRate()).isEqualByComparingTo("25.5");
            assertThat(m.getRateStatusValue()).contains(RateStatus.VISIBLE);
            assertThat(m.getRateType()).isEqualTo(9);
            assertThat(m.getRateTypeValue()).isEmpty();
            assertThat(m.getScreenshotsValue()).contains(ScreenshotMode.BLURRED);
            assertThat(m.getWeeklyHoursLimit()).isEqualTo(40);
            assertThat(m.getIsBlocked()).isFalse();
            assertNoConvenienceProperties(assertRoundTrip(json, m));
        }

        @Test
        void memberReadsNumericFlagsAndIdsLeniently() throws Exception {
            Member m = read("{\"id\": \"100\", \"is_blocked\": 1, \"rate\": \"12.5\"}", Member.class);
            assertThat(m.getId()).isEqualTo(100L);
            assertThat(m.getIsBlocked()).isTrue();
            assertThat(m.getRate()).isEqualByComparingTo("12.5");
        }

        @Test
        void memberAsUpdateBody() throws Exception {
            Member m = new Member();
            m.setRoleValue(MemberRole.TEAM_MANAGER);
            m.setRateStatusValue(RateStatus.HIDDEN);
            JsonNode out = written(m);
            assertThat(out.get("role").asText()).isEqualTo("Team manager");
            assertThat(out.get("rate_status").asInt()).isZero();
            assertNoConvenienceProperties(out);
        }

        @Test
        void memberInvitation() throws Exception {
            String json = """
                    {"user_id": 101, "invitation_link": "https://webwork-tracker.com/invite/abc", %s}"""
                    .formatted(FUTURE);
            MemberInvitation inv = read(json, MemberInvitation.class);
            assertThat(inv.getUserId()).isEqualTo(101L);
            assertThat(inv.getInvitationLink()).endsWith("/abc");
            assertRoundTrip(json, inv);
        }

        @Test
        void project() throws Exception {
            String json = """
                    {"id": 200, "name": "Website", "owner_id": 10, "start_date": "2024-01-01", "deadline": null,
                     "estimation": 120.5, "budget_estimation": 5000, "notes": "n", "icon": null, "is_billable": true,
                     "rate": 30, "weekly_hours_limit": 168, "screenshots": "blur",
                     "tags": [{"id": 1, "name": "web", "color": "#ff0000", "shade": "dark"},
                              {"id": 2, "name": "client", "color": null}],
                     "contracts_count": 3, "status": 1, "created_at": "2024-01-01 10:00:00", %s}"""
                    .formatted(FUTURE);
            Project p = read(json, Project.class);
            assertThat(p.getId()).isEqualTo(200L);
            assertThat(p.getEstimation()).isEqualByComparingTo("120.5");
            assertThat(p.getBudgetEstimation()).isEqualByComparingTo("5000");
            assertThat(p.getIsBillable()).isTrue();
            assertThat(p.getScreenshots()).isEqualTo("blur");
            assertThat(p.getTags()).extracting(ProjectTag::getName).containsExactly("web", "client");
            assertThat(p.getTags().get(0).getAdditionalProperties()).containsEntry("shade", "dark");
            assertThat(p.getTags().get(1).getColor()).isNull();
            assertThat(p.getContractsCount()).isEqualTo(3);
            assertThat(p.getStatus()).isEqualTo(1);
            assertRoundTrip(json, p);
            assertThat(Project.named("X").getName()).isEqualTo("X");
        }

        @Test
        void projectViewer() throws Exception {
            String json = """
                    {"id": 300, "email": "client@example.com", "firstname": "Ann", "lastname": "Lee",
                     "status": "pending_invite", "member_since": "Jan 15, 2024",
                     "projects": [{"project_id": 200, "project_name": "Website", "since": "2024-01-15"}], %s}"""
                    .formatted(FUTURE);
            ProjectViewer v = read(json, ProjectViewer.class);
            assertThat(v.getId()).isEqualTo(300L);
            assertThat(v.getStatusValue()).isEmpty();
            assertThat(v.getProjects()).singleElement().satisfies(vp -> {
                assertThat(vp.getProjectId()).isEqualTo(200L);
                assertThat(vp.getProjectName()).isEqualTo("Website");
                assertThat(vp.getAdditionalProperties()).containsKey("since");
            });
            assertRoundTrip(json, v);
        }

        @Test
        void projectViewerWithNullStatusAndProjects() throws Exception {
            ProjectViewer v = read("{\"id\": 1, \"status\": null, \"projects\": null}", ProjectViewer.class);
            assertThat(v.getStatusValue()).isEmpty();
            assertThat(v.getProjects()).isEmpty();
        }
    }

    @Nested
    class Time {

        @Test
        void contract() throws Exception {
            String json = """
                    {"id": 20, "project_id": 200, "project_name": "Website", "project_icon": null, "user_id": 100,
                     "user_firstname": "John", "user_lastname": "Doe", "user_email": "john@example.com",
                     "user_role": "Client", "weekly_hours_limit": 168, "screenshots": "video_hologram",
                     "screenshots_label": "Screenshot on", "rate": 25, "rate_type": 3, "status": "archived",
                     "currency": "USD", "contract_name": "Website - John", %s}""".formatted(FUTURE);
            Contract c = read(json, Contract.class);
            assertThat(c.getId()).isEqualTo(20L);
            assertThat(c.getUserRoleValue()).contains(MemberRole.CLIENT);
            assertThat(c.getScreenshots()).isEqualTo("video_hologram");
            assertThat(c.getScreenshotsValue()).isEmpty();
            assertThat(c.getRateTypeValue()).contains(RateType.PROJECT_RATE);
            assertThat(c.getStatus()).isEqualTo("archived");
            assertThat(c.getStatusValue()).isEmpty();
            assertThat(c.getRate()).isEqualByComparingTo("25");
            assertNoConvenienceProperties(assertRoundTrip(json, c));

            Contract update = new Contract();
            update.setStatusValue(ContractStatus.PAUSED);
            update.setScreenshotsValue(ScreenshotMode.NO_SCREENSHOT);
            assertThat(update.getStatus()).isEqualTo("paused");
            assertThat(update.getScreenshots()).isEqualTo("no_screenshot");
        }

        @Test
        void contractScreenshotsCodeIsReadAsText() throws Exception {
            assertThat(read("{\"screenshots\": 1}", Contract.class).getScreenshots()).isEqualTo("1");
        }

        @Test
        void trackerSession() throws Exception {
            String json = """
                    {"start_time": "2024-01-15T09:00:00+00:00", "contract_id": 20, "project_id": 200,
                     "task_id": 500, "activity_description": "Coding", "user_id": 100, "user_name": "John Doe",
                     "user_email": "john@example.com", "project_name": "Website",
                     "message": "John Doe started tracking on Website", %s}""".formatted(FUTURE);
            TrackerSession s = read(json, TrackerSession.class);
            assertThat(s.getStartTime()).isEqualTo("2024-01-15T09:00:00+00:00");
            assertThat(s.getContractId()).isEqualTo(20L);
            assertThat(s.getTaskId()).isEqualTo(500L);
            assertThat(s.getUserName()).isEqualTo("John Doe");
            assertThat(s.getMessage()).startsWith("John Doe started");
            assertRoundTrip(json, s);
        }

        @Test
        void trackerStatus() throws Exception {
            String json = """
                    {"contract_id": null, "user_id": 100, "activity_description": "Research", "task_id": null,
                     "task_title": null, "total_seconds": 42, "total_minutes": 185, "date": "2024-01-15", %s}"""
                    .formatted(FUTURE);
            TrackerStatus s = read(json, TrackerStatus.class);
            assertThat(s.getContractId()).isNull();
            assertThat(s.getUserId()).isEqualTo(100L);
            assertThat(s.getTotalSeconds()).isEqualTo(42);
            assertThat(s.getTotalMinutes()).isEqualTo(185);
            assertThat(s.getDate()).isEqualTo("2024-01-15");
            assertRoundTrip(json, s);
        }

        @Test
        void timeEntry() throws Exception {
            String json = """
                    {"id": "eyJpdiI6IjEyMyJ9", "user_id": 100, "contract_id": 20, "project_id": 200,
                     "project_name": "Website", "task_id": 500, "task_title": "Login page",
                     "activity_description": "Coding", "method": "Teleport tracker", "date": "2024-01-15",
                     "start_time": "2024-01-15T09:00:00+01:00", "end_time": null, "duration_minutes": 90, %s}"""
                    .formatted(FUTURE);
            TimeEntry e = read(json, TimeEntry.class);
            assertThat(e.getId()).isEqualTo("eyJpdiI6IjEyMyJ9");
            assertThat(e.getMethod()).isEqualTo("Teleport tracker");
            assertThat(e.getMethodValue()).isEmpty();
            assertThat(e.getEndTime()).isNull();
            assertThat(e.getDurationMinutes()).isEqualTo(90);
            assertNoConvenienceProperties(assertRoundTrip(json, e));

            e.setMethodValue(TimeEntryMethod.WEB_TRACKER);
            assertThat(e.getMethod()).isEqualTo("Web tracker");
            assertThat(e.getMethodValue()).contains(TimeEntryMethod.WEB_TRACKER);
        }

        @Test
        void timeEntryCreation() throws Exception {
            String json = """
                    {"user_id": 100, "contract_id": 20, "project_id": 200, "project_name": "Website",
                     "task_id": null, "task_title": null, "activity_description": "Meeting",
                     "method": "Manually added time", "date": "2024-01-15",
                     "start_time": "2024-01-15T09:00:00+00:00", "end_time": "2024-01-15T17:00:00+00:00",
                     "duration_minutes": 480, %s}""".formatted(FUTURE);
            TimeEntryCreation c = read(json, TimeEntryCreation.class);
            assertThat(c.getMethodValue()).contains(TimeEntryMethod.MANUALLY_ADDED_TIME);
            assertThat(c.getProjectName()).isEqualTo("Website");
            assertThat(c.getDurationMinutes()).isEqualTo(480);
            assertRoundTrip(json, c);
        }

        @Test
        void timesheetG3() throws Exception {
            String json = """
                    {"id": "ts_enc_1", "user_id": 100, "member": {"id": 100, "name": "John Doe"},
                     "date_from": "2024-01-15", "date_to": "2024-01-21", "total_minutes": 2400,
                     "submitted_at": "2024-01-22T08:00:00Z", "status": "escalated",
                     "total_amount": {"USD": 1000.5},
                     "daily_breakdown": {
                       "2024-01-15": [{"project_id": 200, "project_name": "Website", "contract_id": 20,
                                       "total_minutes": 300, "total_amount": {"USD": 125}, "billable": true},
                                      {"project_id": 201, "project_name": "App", "contract_id": 21,
                                       "total_minutes": 180}],
                       "2024-01-16": []},
                     %s}""".formatted(FUTURE);
            Timesheet t = read(json, Timesheet.class);
            assertThat(t.getId()).isEqualTo("ts_enc_1");
            assertThat(t.getMember().get("name").asText()).isEqualTo("John Doe");
            assertThat(t.getTotalMinutes()).isEqualTo(2400);
            assertThat(t.getStatus()).isEqualTo("escalated");
            assertThat(t.getStatusValue()).isEmpty();
            assertThat(t.getTotalAmount().get("USD").decimalValue()).isEqualByComparingTo("1000.5");
            assertThat(t.getDailyBreakdown()).containsOnlyKeys("2024-01-15", "2024-01-16");
            List<TimesheetDayEntry> day = t.getDailyBreakdown().get("2024-01-15");
            assertThat(day).extracting(TimesheetDayEntry::getProjectId).containsExactly(200L, 201L);
            assertThat(day.get(0).getTotalAmount().get("USD").asInt()).isEqualTo(125);
            assertThat(day.get(0).getAdditionalProperties()).containsEntry("billable", true);
            assertThat(day.get(1).getTotalAmount()).isNull();
            assertNoConvenienceProperties(assertRoundTrip(json, t));
        }

        @Test
        void timesheetG2() throws Exception {
            String json = """
                    {"id": "9b1deb4d", "user_id": 100, "member": "John Doe", "date_from": "2024-01-15",
                     "date_to": "2024-01-21", "total_hours": 40.25, "submitted_on": "Jan 22, 2024",
                     "reject_reason": null, "status": "submitted", %s}""".formatted(FUTURE);
            Timesheet t = read(json, Timesheet.class);
            assertThat(t.getMember().asText()).isEqualTo("John Doe");
            assertThat(t.getTotalHours()).isEqualByComparingTo("40.25");
            assertThat(t.getSubmittedOn()).isEqualTo("Jan 22, 2024");
            assertThat(t.getStatusValue()).contains(TimesheetStatus.SUBMITTED);
            assertThat(t.getDailyBreakdown()).isEmpty();
            assertRoundTrip(json, t);
            assertThat(read("{\"status\": \"open\"}", Timesheet.class).getStatusValue()).isEmpty();
        }

        @Test
        void timeRequest() throws Exception {
            String json = """
                    {"id": "5f0c6f7e-1b7a-4c2e-9a55-1f1d7d1c2b3a", "user_id": 100, "contract_id": 20,
                     "project_id": 200, "task_id": null, "start": "2024-01-15T09:00:00Z",
                     "end": "2024-01-15T11:00:00Z", "status": "withdrawn", "activity_description": "Offline work",
                     "notes": "Offline work", "comment": null, "updated_by": 10,
                     "created_at": "2024-01-15T12:00:00Z", "updated_at": "2024-01-15T12:00:00Z", %s}"""
                    .formatted(FUTURE);
            TimeRequest r = read(json, TimeRequest.class);
            assertThat(r.getId()).startsWith("5f0c6f7e");
            assertThat(r.getStart()).isEqualTo("2024-01-15T09:00:00Z");
            assertThat(r.getEnd()).isEqualTo("2024-01-15T11:00:00Z");
            assertThat(r.getStatusValue()).isEmpty();
            assertThat(r.getActivityDescription()).isEqualTo("Offline work");
            assertThat(r.getNotes()).isEqualTo("Offline work");
            assertThat(r.getUpdatedBy().asLong()).isEqualTo(10L);
            assertRoundTrip(json, r);

            r.setStatusValue(TimeRequestStatus.APPROVED);
            assertThat(r.getStatus()).isEqualTo("approved");
        }

        @Test
        void timeRequestCreation() throws Exception {
            String json = "{\"id\": \"eyJlbmMiOjF9\", \"status\": \"pending\", %s}".formatted(FUTURE);
            TimeRequestCreation c = read(json, TimeRequestCreation.class);
            assertThat(c.getId()).isEqualTo("eyJlbmMiOjF9");
            assertThat(c.getStatusValue()).contains(TimeRequestStatus.PENDING);
            assertRoundTrip(json, c);
        }
    }

    @Nested
    class LeavesExpensesWebhooks {

        @Test
        void leave() throws Exception {
            String json = """
                    {"id": "0d9c1c1e-7f6b-4b8e-8f7e-2c1d3e4f5a6b", "user_id": 100, "status": "cancelled",
                     "note": "Family trip", "is_paid": "yes", "created_by": 100, "approved_by": null,
                     "rejected_by": "Jane Roe", "reject_reason": null, "start_date": "2024-02-01",
                     "end_date": "2024-02-03", "created_on": "Jan 20, 2024",
                     "total": {"days": 2.5, "hours": 20, "unit": "days"}, "leave_period": 1, %s}"""
                    .formatted(FUTURE);
            Leave l = read(json, Leave.class);
            assertThat(l.getId()).startsWith("0d9c1c1e");
            assertThat(l.getStatusValue()).isEmpty();
            assertThat(l.getIsPaidValue()).contains(PaidFilter.YES);
            assertThat(l.getCreatedBy().asLong()).isEqualTo(100L);
            assertThat(l.getRejectedBy().asText()).isEqualTo("Jane Roe");
            assertThat(l.getTotal().getDays()).isEqualByComparingTo("2.5");
            assertThat(l.getTotal().getHours()).isEqualByComparingTo("20");
            assertThat(l.getTotal().getAdditionalProperties()).containsEntry("unit", "days");
            assertThat(l.getLeavePeriodValue()).contains(LeavePeriod.FIRST_HALF);
            assertNoConvenienceProperties(assertRoundTrip(json, l));

            l.setStatusValue(LeaveStatus.APPROVED);
            l.setLeavePeriodValue(LeavePeriod.FULL_DAY);
            assertThat(l.getStatus()).isEqualTo("approved");
            assertThat(l.getLeavePeriod()).isZero();
        }

        @Test
        void leaveBalance() throws Exception {
            String json = """
                    {"user_id": 100, "user_name": "John Doe",
                     "leave_information": [{"leave_type": "Vacation", "balance": "10 days", "policy_id": 4},
                                           {"leave_type": "Sick", "balance": "16 hours"}],
                     "total_balance": null, %s}""".formatted(FUTURE);
            LeaveBalance b = read(json, LeaveBalance.class);
            assertThat(b.getUserId()).isEqualTo(100L);
            assertThat(b.getLeaveInformation()).extracting(LeaveBalanceItem::getLeaveType, LeaveBalanceItem::getBalance)
                    .containsExactly(tuple("Vacation", "10 days"),
                            tuple("Sick", "16 hours"));
            assertThat(b.getLeaveInformation().get(0).getAdditionalProperties()).containsEntry("policy_id", 4);
            assertThat(b.getTotalBalance()).isNull();
            assertRoundTrip(json, b);
        }

        @Test
        void leavePolicyWithBooleanOrTextPaidFlag() throws Exception {
            String json = """
                    {"id": 4, "name": "Vacation", "is_paid": true, "unit": "days", "allowance": 20,
                     "accrual": "monthly", %s}""".formatted(FUTURE);
            LeavePolicy p = read(json, LeavePolicy.class);
            assertThat(p.getId()).isEqualTo(4L);
            assertThat(p.getIsPaidValue()).contains(true);
            assertThat(p.getAllowance().asInt()).isEqualTo(20);
            assertThat(p.getAdditionalProperties()).containsEntry("accrual", "monthly");
            assertNoConvenienceProperties(assertRoundTrip(json, p));

            LeavePolicy q = read("{\"id\": 5, \"is_paid\": \"no\", \"allowance\": \"16 hours\"}", LeavePolicy.class);
            assertThat(q.getIsPaidValue()).contains(false);
            assertThat(q.getAllowance().asText()).isEqualTo("16 hours");
            assertThat(read("{\"is_paid\": \"maybe\"}", LeavePolicy.class).getIsPaidValue()).isEmpty();
            assertThat(read("{}", LeavePolicy.class).getIsPaidValue()).isEmpty();
        }

        @Test
        void expense() throws Exception {
            String json = """
                    {"id": "c2a3b4d5-0000-4000-8000-000000000001", "member": "John Doe",
                     "expense_date": "Jan 15, 2024", "expense_name": "Train ticket", "project": null,
                     "category": "Travel", "amount": 49.90, "note": null, "type": "non-billable",
                     "added_dte": "Jan 16, 2024", %s}""".formatted(FUTURE);
            Expense e = read(json, Expense.class);
            assertThat(e.getId()).endsWith("0001");
            assertThat(e.getMember()).isEqualTo("John Doe");
            assertThat(e.getAmount()).isEqualByComparingTo("49.9");
            assertThat(e.getType()).isEqualTo("non-billable");
            assertThat(e.getAddedDte()).isEqualTo("Jan 16, 2024");
            assertRoundTrip(json, e);
        }

        @Test
        void expenseCategory() throws Exception {
            String json = "{\"id\": \"7a1e\", \"name\": \"Travel\", %s}".formatted(FUTURE);
            ExpenseCategory c = read(json, ExpenseCategory.class);
            assertThat(c.getId()).isEqualTo("7a1e");
            assertThat(c.getName()).isEqualTo("Travel");
            assertRoundTrip(json, c);
        }

        @Test
        void webhookHidesItsToken() throws Exception {
            String json = """
                    {"id": "wh_enc_1", "url": "https://example.com/hooks/webwork",
                     "events": ["tracker.started", "invoice.paid", "task.updated"],
                     "token": "whsec_1234567890abcdef", %s}""".formatted(FUTURE);
            Webhook w = read(json, Webhook.class);
            assertThat(w.getId()).isEqualTo("wh_enc_1");
            assertThat(w.getEvents()).containsExactly("tracker.started", "invoice.paid", "task.updated");
            assertThat(w.getEventValues()).containsExactly(WebhookEvent.TRACKER_STARTED, WebhookEvent.TASK_UPDATED);
            assertThat(w.getToken()).isEqualTo("whsec_1234567890abcdef");
            assertThat(w.toString()).contains("wh_enc_1", "https://example.com/hooks/webwork")
                    .doesNotContain("whsec").doesNotContain("1234567890abcdef");
            assertNoConvenienceProperties(assertRoundTrip(json, w));

            Webhook created = new Webhook();
            created.setEventValues(List.of(WebhookEvent.MEMBER_INVITED, WebhookEvent.PROJECT_DELETED));
            assertThat(created.getEvents()).containsExactly("member.invited", "project.deleted");
            assertThat(created.toString()).contains("token=none");
        }
    }

    @Nested
    class Reports {

        private static final String TRACKED_HOURS = """
                {"report_type": "tracked_hours", "start_date": "2024-01-15", "end_date": "2024-01-21",
                 "total_minutes": 960, "total_amount": {"USD": 400, "EUR": 12.5}, "total_users": 2,
                 "2024-01-16": {"users": [
                    {"user_id": 101, "user_name": "Ann Lee", "total_minutes": 480,
                     "projects": [{"project_id": 201, "project_name": "App", "contract_id": 21,
                                   "total_minutes": 480, "total_amount": {"EUR": 12.5}}]}]},
                 "2024-01-15": {"users": [
                    {"user_id": 100, "user_name": "John Doe", "total_minutes": 480,
                     "total_amount": {"USD": 400}, "team": "Core",
                     "projects": [{"project_id": 200, "project_name": "Website", "contract_id": 20,
                                   "total_minutes": 300, "total_amount": {"USD": 250}},
                                  {"project_id": 202, "project_name": "Ops", "contract_id": 22,
                                   "total_minutes": 180, "total_amount": {"USD": 150}}]}],
                    "day_note": "holiday eve"},
                 %s}""".formatted(FUTURE);

        @Test
        void trackedHoursWalksDaysUsersProjectsWithoutCasts() throws Exception {
            TrackedHoursReport r = read(TRACKED_HOURS, TrackedHoursReport.class);
            assertThat(r.getReportType()).isEqualTo("tracked_hours");
            assertThat(r.getStartDate()).isEqualTo("2024-01-15");
            assertThat(r.getTotalMinutes()).isEqualTo(960);
            assertThat(r.getTotalAmount().get("EUR").decimalValue()).isEqualByComparingTo("12.5");
            assertThat(r.getDays()).containsOnlyKeys("2024-01-15", "2024-01-16");
            assertThat(new ArrayList<>(r.getDays().keySet())).containsExactly("2024-01-15", "2024-01-16");
            assertThat(r.getAdditionalProperties()).containsOnlyKeys("total_users", "future_field");

            int minutes = 0;
            List<String> seen = new ArrayList<>();
            for (Map.Entry<String, TrackedHoursDay> day : r.getDays().entrySet()) {
                for (TrackedHoursUser user : day.getValue().getUsers()) {
                    for (TrackedHoursProject project : user.getProjects()) {
                        minutes += project.getTotalMinutes();
                        seen.add(day.getKey() + "/" + user.getUserName() + "/" + project.getProjectName());
                    }
                }
            }
            assertThat(minutes).isEqualTo(960);
            assertThat(seen).containsExactly("2024-01-15/John Doe/Website", "2024-01-15/John Doe/Ops",
                    "2024-01-16/Ann Lee/App");
            TrackedHoursUser john = r.getDay("2024-01-15").getUsers().get(0);
            assertThat(john.getUserId()).isEqualTo(100L);
            assertThat(john.getTotalAmount().get("USD").asInt()).isEqualTo(400);
            assertThat(john.getAdditionalProperties()).containsEntry("team", "Core");
            assertThat(r.getDay("2024-01-15").getAdditionalProperties()).containsEntry("day_note", "holiday eve");
            assertThat(r.getDay("2024-01-16").getUsers().get(0).getTotalAmount()).isNull();
            assertThat(r.getAllUsers()).extracting(TrackedHoursUser::getUserId).containsExactly(100L, 101L);
            assertThat(r.toString()).contains("2024-01-15", "2024-01-16");
        }

        @Test
        void trackedHoursWritesTheDateKeysBack() throws Exception {
            TrackedHoursReport r = read(TRACKED_HOURS, TrackedHoursReport.class);
            JsonNode out = assertRoundTrip(TRACKED_HOURS, r);
            List<String> keys = new ArrayList<>();
            out.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).contains("2024-01-15", "2024-01-16", "total_users").doesNotContain("days", "all_users");
            assertThat(keys.indexOf("2024-01-15")).isLessThan(keys.indexOf("2024-01-16"));
            assertThat(out.at("/2024-01-15/users/0/projects/1/project_name").asText()).isEqualTo("Ops");

            TrackedHoursReport again = read(MAPPER.writeValueAsString(r), TrackedHoursReport.class);
            assertThat(again.getDays()).containsOnlyKeys("2024-01-15", "2024-01-16");
            assertThat(again.getAdditionalProperties()).containsOnlyKeys("total_users", "future_field");
        }

        @Test
        void trackedHoursKeepsAnOddDateValueAsIs() throws Exception {
            TrackedHoursReport r = read("{\"2024-01-15\": \"n/a\", \"2024-01-16\": [{\"user_id\": 7}]}",
                    TrackedHoursReport.class);
            assertThat(r.getDays()).containsOnlyKeys("2024-01-16");
            assertThat(r.getDay("2024-01-16").getUsers().get(0).getUserId()).isEqualTo(7L);
            assertThat(r.getAdditionalProperties()).containsEntry("2024-01-15", "n/a");
            assertThat(written(r).get("2024-01-15").asText()).isEqualTo("n/a");
        }

        @Test
        void dailyTimelineUser() throws Exception {
            String json = """
                    {"user_id": 100, "user_name": "John Doe", "date": "2024-01-15", "activity_level": 62,
                     "total_minutes": 150, "total_amount": 62.5, "currency": "USD",
                     "entries": [
                       {"start": "2024-01-15T09:00:00+02:00", "end": "2024-01-15T10:30:00+02:00",
                        "project_id": 200, "project_name": "Website", "task_id": 500, "task_title": "Login",
                        "activity_description": "Coding", "method": "Desktop tracker", "activity_level": "71%%",
                        "duration_minutes": 90, "keyboard": 1200},
                       {"start_time": "2024-01-15T11:00:00+02:00", "end_time": "2024-01-15T12:00:00+02:00",
                        "project_id": 201, "method": "Holo tracker", "activity_level": 55.5,
                        "duration_minutes": 60}],
                     %s}""".formatted(FUTURE);
            DailyTimelineUser u = read(json, DailyTimelineUser.class);
            assertThat(u.getUserId()).isEqualTo(100L);
            assertThat(u.getActivityLevel()).isEqualByComparingTo("62");
            assertThat(u.getTotalAmount().decimalValue()).isEqualByComparingTo("62.5");
            assertThat(u.getCurrency()).isEqualTo("USD");
            assertThat(u.getEntries()).hasSize(2);
            TimelineEntry first = u.getEntries().get(0);
            assertThat(first.getStartValue()).isEqualTo("2024-01-15T09:00:00+02:00");
            assertThat(first.getMethodValue()).contains(TimeEntryMethod.DESKTOP_TRACKER);
            assertThat(first.getActivityLevel()).isEqualByComparingTo("71");
            assertThat(first.getAdditionalProperties()).containsEntry("keyboard", 1200);
            TimelineEntry second = u.getEntries().get(1);
            assertThat(second.getStartValue()).isEqualTo("2024-01-15T11:00:00+02:00");
            assertThat(second.getEndValue()).isEqualTo("2024-01-15T12:00:00+02:00");
            assertThat(second.getMethodValue()).isEmpty();
            assertThat(second.getActivityLevel()).isEqualByComparingTo("55.5");
            // "71%" is normalised to 71 on write-back; everything else comes back as sent
            JsonNode out = assertRoundTrip(json, u, "entries");
            assertThat(out.at("/entries/0/activity_level").decimalValue()).isEqualByComparingTo("71");
            assertThat(out.at("/entries/0/keyboard").asInt()).isEqualTo(1200);
            assertThat(out.at("/entries/1/method").asText()).isEqualTo("Holo tracker");
            assertNoConvenienceProperties(out.at("/entries/0"));
        }

        @Test
        void lenientDecimalNeverFailsTheAnswer() throws Exception {
            ActivityLevelDay d = read("{\"activity_level\": \"high\"}", ActivityLevelDay.class);
            assertThat(d.getActivityLevel()).isNull();
            assertThat(read("{\"activity_level\": {\"avg\": 3}}", ActivityLevelDay.class).getActivityLevel()).isNull();
            assertThat(read("{\"activity_level\": \" 40 %\"}", ActivityLevelDay.class)
                    .getActivityLevel()).isEqualByComparingTo("40");
            assertThat(read("{\"activity_level\": null}", ActivityLevelDay.class).getActivityLevel()).isNull();
        }

        @Test
        void activityLevelUser() throws Exception {
            String json = """
                    {"user_id": 100, "user_name": "John Doe", "activity_level": 58.25,
                     "days": [{"date": "2024-01-15", "activity_level": 60, "total_minutes": 420, "idle": 3},
                              {"date": "2024-01-16", "activity_level": null, "total_minutes": 0}],
                     %s}""".formatted(FUTURE);
            ActivityLevelUser u = read(json, ActivityLevelUser.class);
            assertThat(u.getActivityLevel()).isEqualByComparingTo("58.25");
            assertThat(u.getDays()).extracting(ActivityLevelDay::getDate).containsExactly("2024-01-15", "2024-01-16");
            assertThat(u.getDays().get(0).getActivityLevel()).isEqualByComparingTo("60");
            assertThat(u.getDays().get(0).getTotalMinutes()).isEqualTo(420);
            assertThat(u.getDays().get(1).getActivityLevel()).isNull();
            assertRoundTrip(json, u);

            ActivityLevelUser alias = read("{\"user_id\": 1, \"average_activity_level\": 40}", ActivityLevelUser.class);
            assertThat(alias.getActivityLevel()).isEqualByComparingTo("40");
        }

        @Test
        void taskReportUserWithDailyBreakdownArray() throws Exception {
            String json = """
                    {"user_id": 100, "user_name": "John Doe", "total_minutes": 300,
                     "tasks_breakdown": [
                       {"task_id": 500, "task_title": "Login", "project_id": 200, "project_name": "Website",
                        "total_minutes": 240},
                       {"task_id": null, "task_title": "No task", "project_id": 200, "project_name": "Website",
                        "total_minutes": 60}],
                     "daily_breakdown": [
                       {"date": "2024-01-15", "total_minutes": 300,
                        "tasks": [{"task_id": 500, "total_minutes": 240}, {"task_id": null, "total_minutes": 60}]}],
                     %s}""".formatted(FUTURE);
            TaskReportUser u = read(json, TaskReportUser.class);
            assertThat(u.getTotalMinutes()).isEqualTo(300);
            assertThat(u.getTasksBreakdown()).extracting(TaskReportTask::getTaskId).containsExactly(500L, null);
            assertThat(u.getDailyBreakdown()).singleElement().satisfies(d -> {
                assertThat(d.getDate()).isEqualTo("2024-01-15");
                assertThat(d.getTotalMinutes()).isEqualTo(300);
                assertThat(d.getTasks()).extracting(TaskReportTask::getTotalMinutes).containsExactly(240, 60);
            });
            assertRoundTrip(json, u);
        }

        @Test
        void taskReportUserWithDateKeyedDailyBreakdown() throws Exception {
            String json = """
                    {"user_id": 100, "total_minutes": 400,
                     "daily_breakdown": {
                       "2024-01-15": {"total_minutes": 300, "tasks": [{"task_id": 500, "total_minutes": 300}]},
                       "2024-01-16": [{"task_id": 500, "total_minutes": 40}, {"task_id": 501, "total_minutes": 20}],
                       "2024-01-17": 40}}""";
            TaskReportUser u = read(json, TaskReportUser.class);
            assertThat(u.getDailyBreakdown()).extracting(TaskReportDay::getDate, TaskReportDay::getTotalMinutes)
                    .containsExactly(tuple("2024-01-15", 300),
                            tuple("2024-01-16", 60),
                            tuple("2024-01-17", 40));
            assertThat(u.getDailyBreakdown().get(1).getTasks()).extracting(TaskReportTask::getTaskId)
                    .containsExactly(500L, 501L);
            JsonNode out = written(u);
            assertThat(out.get("daily_breakdown").isArray()).isTrue();
            assertThat(out.at("/daily_breakdown/0/date").asText()).isEqualTo("2024-01-15");
            assertThat(read("{\"daily_breakdown\": null}", TaskReportUser.class).getDailyBreakdown()).isEmpty();
        }

        @Test
        void attendanceUser() throws Exception {
            String json = """
                    {"user_id": 100, "user_name": "John Doe", "date": "2024-12-22",
                     "statuses": ["Late", "Left early", "Teleported"], "first_start": 555, "last_end": 990,
                     "tracked_minutes": 303, "expected_minutes": 480, "late_minutes": 15, "left_early_minutes": 30,
                     "breaks": ["14:30 - 15:25", "16:00 - 16:15"],
                     "productivity": {"productive_minutes": 200, "unproductive_minutes": 40},
                     "idle_minutes": 12, %s}""".formatted(FUTURE);
            AttendanceUser u = read(json, AttendanceUser.class);
            assertThat(u.getUserId()).isEqualTo(100L);
            assertThat(u.getStatuses()).containsExactly("Late", "Left early", "Teleported");
            assertThat(u.getStatusValues()).containsExactly(AttendanceLabel.LATE, AttendanceLabel.LEFT_EARLY);
            assertThat(u.hasStatus(AttendanceLabel.LEFT_EARLY)).isTrue();
            assertThat(u.hasStatus(AttendanceLabel.ABSENT)).isFalse();
            assertThat(u.getFirstStart()).isEqualTo(555);
            assertThat(u.getLastEnd()).isEqualTo(990);
            assertThat(u.getTrackedMinutes()).isEqualTo(303);
            assertThat(u.getLateMinutes()).isEqualTo(15);
            assertThat(u.getBreaks()).containsExactly("14:30 - 15:25", "16:00 - 16:15");
            assertThat(u.getProductivity().get("productive_minutes").asInt()).isEqualTo(200);
            assertThat(u.getIdleMinutes()).isEqualTo(12);
            assertNoConvenienceProperties(assertRoundTrip(json, u));

            AttendanceUser alias = read("{\"start_minutes\": 540, \"end\": 1020, \"productivity\": 87}",
                    AttendanceUser.class);
            assertThat(alias.getFirstStart()).isEqualTo(540);
            assertThat(alias.getLastEnd()).isEqualTo(1020);
            assertThat(alias.getProductivity().asInt()).isEqualTo(87);
            assertThat(alias.getStatusValues()).isEmpty();
        }

        @Test
        void activityDescriptionsUser() throws Exception {
            String json = """
                    {"user_id": 100, "user_name": "John Doe",
                     "descriptions": [
                       {"activity_description": "Coding", "total_minutes": 240, "entries_count": 3, "share": 0.8},
                       {"activity_description": null, "total_minutes": 60, "entries_count": 1}],
                     %s}""".formatted(FUTURE);
            ActivityDescriptionsUser u = read(json, ActivityDescriptionsUser.class);
            assertThat(u.getDescriptions()).extracting(ActivityDescription::getActivityDescription)
                    .containsExactly("Coding", null);
            assertThat(u.getDescriptions().get(0).getEntriesCount()).isEqualTo(3);
            assertThat(u.getDescriptions().get(0).getAdditionalProperties()).containsKey("share");
            assertRoundTrip(json, u);
        }
    }

    @Test
    void everyModelHasAReadableToString() throws Exception {
        List<Object> models = List.of(new Workspace(), new Member(), new MemberInvitation(), new Project(),
                new ProjectTag(), new ProjectViewer(), new ViewerProject(), new Contract(), new TrackerSession(),
                new TrackerStatus(), new TimeEntry(), new TimeEntryCreation(), new Timesheet(), new TimesheetDayEntry(),
                new TimeRequest(), new TimeRequestCreation(), new Leave(), new LeaveTotal(), new LeaveBalance(),
                new LeaveBalanceItem(), new LeavePolicy(), new Expense(), new ExpenseCategory(), new Webhook(),
                new TrackedHoursReport(), new TrackedHoursDay(), new TrackedHoursUser(), new TrackedHoursProject(),
                new DailyTimelineUser(), new TimelineEntry(), new ActivityLevelUser(), new ActivityLevelDay(),
                new TaskReportUser(), new TaskReportTask(), new TaskReportDay(), new AttendanceUser(),
                new ActivityDescriptionsUser(), new ActivityDescription());
        for (Object m : models) {
            assertThat(m.toString()).startsWith(m.getClass().getSimpleName() + "[");
            assertThat(m).isInstanceOf(WebworkModel.class);
            JsonNode out = written(m);
            assertThat(out.isObject()).isTrue();
            assertNoConvenienceProperties(out);
            assertThat(read(MAPPER.writeValueAsString(m), m.getClass())).isNotNull();
        }
    }
}
