package io.github.camelwebwork.operations;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.github.camelwebwork.client.WebworkApiException;
import io.github.camelwebwork.client.WebworkNotFoundException;
import io.github.camelwebwork.client.WebworkUnprocessableException;
import io.github.camelwebwork.component.WebworkConstants;
import io.github.camelwebwork.model.Contract;
import io.github.camelwebwork.model.ContractStatus;
import io.github.camelwebwork.model.RateType;
import io.github.camelwebwork.model.ScreenshotMode;
import io.github.camelwebwork.model.TimeEntry;
import io.github.camelwebwork.model.TimeEntryCreation;
import io.github.camelwebwork.model.TimeEntryMethod;
import io.github.camelwebwork.model.TrackerSession;
import io.github.camelwebwork.model.TrackerStatus;
import io.github.camelwebwork.operation.PagedResult;
import io.github.camelwebwork.operation.WebworkValidationException;
import io.github.camelwebwork.sandbox.RecordedRequest;
import io.github.camelwebwork.sandbox.TimeSeed;
import io.github.camelwebwork.support.SandboxTestSupport;
import io.github.camelwebwork.support.Wire;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Contracts (§7.4), the live tracker (§7.7) and time entries (§7.8) against the sandbox. */
class TimeOperationsTest extends SandboxTestSupport {

    private static final String CONTRACTS = "webwork:contracts?workspaceId=1&operation=";
    private static final String TRACKING = "webwork:time-tracking?workspaceId=1&operation=";
    private static final String ENTRIES = "webwork:time-entries?workspaceId=1&operation=";
    /** Olivia Owner (user 100, Europe/London) tracks on contract 300 (project 100, 168 h a week). */
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Ethan Exec (user 101, Europe/Berlin) has contract 301 (project 100, 168 h a week). */
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @SuppressWarnings("unchecked")
    private <T> List<T> list(String uri) {
        return template.requestBody(uri, null, List.class);
    }

    private List<TimeEntry> entries(long userId, LocalDate date) {
        return list(ENTRIES + "list&userId=" + userId + "&date=" + date);
    }

    private <E extends WebworkApiException> E failure(Class<E> type, String uri, Object body) {
        CamelExecutionException e = catchThrowableOfType(CamelExecutionException.class,
                () -> template.requestBody(uri, body));
        assertThat(e).as("expected %s from %s", type.getSimpleName(), uri).isNotNull();
        assertThat(e.getCause()).isInstanceOf(type);
        return type.cast(e.getCause());
    }

    private static LocalTime localTime(String isoTimestamp, ZoneId zone) {
        return Instant.parse(isoTimestamp).atZone(zone).toLocalTime();
    }

    /** Monday of the week before the current one, in the member's timezone. */
    private LocalDate lastWeek(DayOfWeek day) {
        return TimeSeed.lastWeekMonday(clock()).with(TemporalAdjusters.nextOrSame(day));
    }

    /** The contracts list sends its filters in the query and answers typed contracts, rates included for the owner. */
    @Test
    void contractsListFiltersAndTypesTheAnswer() {
        List<Contract> contracts = list(CONTRACTS + "list&projectId=101&status=active");

        Wire.get(onlyRequest(), "/contracts", "workspace_id=1&project_id=101&status=active&page=1&per_page=100");
        assertThat(contracts).extracting(Contract::getId).containsExactlyInAnyOrder(304L, 305L);
        Contract tom = contracts.stream().filter(c -> c.getId() == 305L).findFirst().orElseThrow();
        assertThat(tom.getUserId()).isEqualTo(104L);
        assertThat(tom.getProjectName()).isEqualTo("Mobile App");
        assertThat(tom.getUserEmail()).isEqualTo("tom@acme.example");
        assertThat(tom.getWeeklyHoursLimit()).isEqualTo(40);
        assertThat(tom.getScreenshotsValue()).contains(ScreenshotMode.BLURRED);
        assertThat(tom.getRate()).isEqualByComparingTo("100");
        assertThat(tom.getRateTypeValue()).contains(RateType.CUSTOM_RATE);
        assertThat(tom.getStatusValue()).contains(ContractStatus.ACTIVE);
        sandbox.clearRequests();

        List<Contract> paused = list(CONTRACTS + "list&userId=103&status=paused");
        Wire.get(onlyRequest(), "/contracts", "workspace_id=1&user_id=103&status=paused&page=1&per_page=100");
        assertThat(paused).extracting(Contract::getId).containsExactly(306L);
    }

    /** Create, get, update (pause) and delete a contract, each read back; a duplicate and a deleted one are refused. */
    @Test
    void contractLifecycle() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("rate", 50);
        fields.put("screenshots", "video_full");
        fields.put("weekly_hours_limit", 30);
        Contract created = template.requestBody(CONTRACTS + "create&projectId=101&userId=100", fields, Contract.class);
        Wire.write(onlyRequest(), "POST", "/contracts", "{\"workspace_id\":1,\"project_id\":101,\"user_id\":100,"
                                                      + "\"weekly_hours_limit\":30,\"screenshots\":\"video_full\","
                                                      + "\"rate\":50}");
        assertThat(created.getId()).isNotNull();
        assertThat(created.getProjectId()).isEqualTo(101L);
        assertThat(created.getUserId()).isEqualTo(100L);
        assertThat(created.getWeeklyHoursLimit()).isEqualTo(30);
        assertThat(created.getScreenshotsValue()).contains(ScreenshotMode.VIDEO_FULL);
        assertThat(created.getRate()).isEqualByComparingTo("50");
        assertThat(created.getStatusValue()).contains(ContractStatus.ACTIVE);
        long id = created.getId();
        String one = CONTRACTS + "%s&contractId=" + id;
        sandbox.clearRequests();

        WebworkUnprocessableException duplicate = failure(WebworkUnprocessableException.class,
                CONTRACTS + "create&projectId=101&userId=100", null);
        assertThat(duplicate.getStatusCode()).isEqualTo(422);
        assertThat(duplicate.getFieldErrors()).containsKey("user_id");
        sandbox.clearRequests();

        Contract fetched = template.requestBody(String.format(one, "get"), null, Contract.class);
        Wire.get(onlyRequest(), "/contracts/" + id, "workspace_id=1");
        assertThat(fetched.getUserFirstname()).isEqualTo("Olivia");
        assertThat(fetched.getProjectName()).isEqualTo("Mobile App");
        sandbox.clearRequests();

        template.requestBody(String.format(one, "update") + "&status=paused", Map.of("weekly_hours_limit", 25));
        Wire.write(onlyRequest(), "PUT", "/contracts/" + id, "{\"workspace_id\":1,\"weekly_hours_limit\":25,"
                                                            + "\"status\":\"paused\"}");
        List<Contract> paused = list(CONTRACTS + "list&userId=100&status=paused");
        assertThat(paused).singleElement().satisfies(c -> {
            assertThat(c.getId()).isEqualTo(id);
            assertThat(c.getWeeklyHoursLimit()).isEqualTo(25);
            assertThat(c.getScreenshotsValue()).contains(ScreenshotMode.VIDEO_FULL);
        });
        sandbox.clearRequests();

        template.requestBody(String.format(one, "delete"), (Object) null);
        Wire.write(onlyRequest(), "DELETE", "/contracts/" + id, "{\"workspace_id\":1}");
        WebworkNotFoundException gone = failure(WebworkNotFoundException.class, String.format(one, "get"), null);
        assertThat(gone.getStatusCode()).isEqualTo(404);
        assertThat(list(CONTRACTS + "list&userId=100")).extracting(c -> ((Contract) c).getId())
                .containsExactly(300L);
        assertThat(failure(WebworkNotFoundException.class, String.format(one, "update") + "&status=active", null)
                .getStatusCode()).isEqualTo(404);
    }

    /** Start, current, stop: a second start and a stop while idle are 422, and the stop leaves a Web tracker entry. */
    @Test
    void trackerStartCurrentStop() {
        LocalDate today = LocalDate.now(clock().withZone(LONDON));
        List<TimeEntry> before = entries(100, today);
        sandbox.clearRequests();

        TrackerStatus idle = template.requestBody(TRACKING + "current&userId=100", null, TrackerStatus.class);
        Wire.get(onlyRequest(), "/time-tracking/current-data", "workspace_id=1&user_id=100");
        assertThat(idle.getUserId()).isEqualTo(100L);
        assertThat(idle.getContractId()).isNull();
        assertThat(idle.getDate()).isEqualTo(today.toString());
        assertThat(idle.getTotalMinutes()).isEqualTo(before.stream().mapToInt(TimeEntry::getDurationMinutes).sum());
        sandbox.clearRequests();

        String start = TRACKING + "start&userId=100&contractId=300&taskId=500";
        TrackerSession session = template.requestBody(start, Map.of("activity_description", "Homepage hero"),
                TrackerSession.class);
        Wire.write(onlyRequest(), "POST", "/time-tracking/start", "{\"workspace_id\":1,\"user_id\":100,"
                                                                + "\"contract_id\":300,\"task_id\":500,"
                                                                + "\"activity_description\":\"Homepage hero\"}");
        assertThat(session.getUserId()).isEqualTo(100L);
        assertThat(session.getContractId()).isEqualTo(300L);
        assertThat(session.getProjectId()).isEqualTo(100L);
        assertThat(session.getProjectName()).isEqualTo("Website Relaunch");
        assertThat(session.getTaskId()).isEqualTo(500L);
        assertThat(session.getActivityDescription()).isEqualTo("Homepage hero");
        assertThat(session.getStartTime()).isNotBlank();
        sandbox.clearRequests();

        TrackerStatus running = template.requestBody(TRACKING + "current&userId=100", null, TrackerStatus.class);
        assertThat(running.getContractId()).isEqualTo(300L);
        assertThat(running.getTaskId()).isEqualTo(500L);
        assertThat(running.getTaskTitle()).isEqualTo("Design new homepage");
        assertThat(running.getActivityDescription()).isEqualTo("Homepage hero");

        WebworkUnprocessableException already = failure(WebworkUnprocessableException.class, start, null);
        assertThat(already.getStatusCode()).isEqualTo(422);
        assertThat(already.getFieldErrors()).containsKey("user_id");
        sandbox.clearRequests();

        Exchange stopped = template.request(TRACKING + "stop&userId=100", e -> {
        });
        assertThat(stopped.getException()).isNull();
        Wire.write(onlyRequest(), "POST", "/time-tracking/stop", "{\"workspace_id\":1,\"user_id\":100}");
        assertThat(stopped.getMessage().getHeader(WebworkConstants.MESSAGE))
                .isEqualTo("Time tracking stopped successfully");
        assertThat(template.requestBody(TRACKING + "current&userId=100", null, TrackerStatus.class)
                .getContractId()).isNull();

        WebworkUnprocessableException notRunning = failure(WebworkUnprocessableException.class,
                TRACKING + "stop&userId=100", null);
        assertThat(notRunning.getStatusCode()).isEqualTo(422);
        assertThat(notRunning.getFieldErrors()).containsKey("user_id");

        List<TimeEntry> after = entries(100, today);
        assertThat(after).hasSize(before.size() + 1);
        TimeEntry tracked = after.stream().filter(e -> before.stream().noneMatch(b -> b.getId().equals(e.getId())))
                .findFirst().orElseThrow();
        assertThat(tracked.getMethodValue()).contains(TimeEntryMethod.WEB_TRACKER);
        assertThat(tracked.getContractId()).isEqualTo(300L);
        assertThat(tracked.getTaskId()).isEqualTo(500L);
        assertThat(tracked.getActivityDescription()).isEqualTo("Homepage hero");
        assertThat(tracked.getDate()).isEqualTo(today.toString());
        assertThat(tracked.getStartTime()).isNotNull();
        assertThat(tracked.getEndTime()).as("closed by the stop").isNotNull();
    }

    /** Pausing the contract a tracker runs on stops the tracker (a tracker only runs on an active contract). */
    @Test
    void pausingTheContractStopsItsTracker() {
        template.requestBody(TRACKING + "start&userId=101&contractId=301", (Object) null);
        assertThat(template.requestBody(TRACKING + "current&userId=101", null, TrackerStatus.class)
                .getContractId()).isEqualTo(301L);

        template.requestBody(CONTRACTS + "update&contractId=301&status=paused", (Object) null);

        assertThat(template.requestBody(TRACKING + "current&userId=101", null, TrackerStatus.class)
                .getContractId()).isNull();
        assertThat(failure(WebworkUnprocessableException.class, TRACKING + "start&userId=101&contractId=301", null)
                .getFieldErrors()).containsKey("contract_id");
    }

    /** A one-day list walks its pages lazily at perPage=2, in entry order, with the filters on every page. */
    @Test
    void timeEntriesListIsPagedLazily() {
        LocalDate monday = lastWeek(DayOfWeek.MONDAY);
        List<TimeEntry> all = entries(100, monday);
        Wire.get(onlyRequest(), "/time-entries", "workspace_id=1&user_id=100&date=" + monday + "&page=1&per_page=50");
        assertThat(all).as("seeded entries of last Monday").hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(e -> {
                    assertThat(e.getUserId()).isEqualTo(100L);
                    assertThat(e.getDate()).isEqualTo(monday.toString());
                    assertThat(e.getId()).isNotBlank();
                    assertThat(e.getMethodValue()).isPresent();
                    assertThat(e.getDurationMinutes()).isPositive();
                });
        sandbox.clearRequests();

        Exchange exchange = template.request(ENTRIES + "list&userId=100&date=" + monday + "&projectId=100&perPage=2",
                e -> {
                });
        assertThat(requests()).hasSize(1);
        PagedResult<?> paged = exchange.getMessage().getBody(PagedResult.class);
        List<TimeEntry> walked = new ArrayList<>();
        paged.forEach(e -> walked.add((TimeEntry) e));

        List<TimeEntry> onProject = all.stream().filter(e -> Long.valueOf(100L).equals(e.getProjectId())).toList();
        assertThat(walked).extracting(TimeEntry::getId).containsExactlyElementsOf(
                onProject.stream().map(TimeEntry::getId).toList());
        int pages = (onProject.size() + 1) / 2;
        assertThat(pages).isGreaterThanOrEqualTo(2);
        assertThat(requests()).extracting(RecordedRequest::rawQuery).containsExactlyElementsOf(
                IntStream.rangeClosed(1, pages).mapToObj(p -> "workspace_id=1&user_id=100&date=" + monday
                                                             + "&project_id=100&page=" + p + "&per_page=2").toList());
    }

    /** per_page above 50 is refused before anything is sent (§4: time entries page at most 50). */
    @Test
    void timeEntriesPerPageIsAtMostFifty() {
        CamelExecutionException e = catchThrowableOfType(CamelExecutionException.class,
                () -> template.requestBody(ENTRIES + "list&userId=100&date=2024-01-15&perPage=51", (Object) null));
        assertThat(e.getCause()).isInstanceOf(WebworkValidationException.class);
        assertThat(((WebworkValidationException) e.getCause()).getViolations())
                .containsExactly("per_page: must be between 1 and 50 (got 51)");
        assertThat(requests()).isEmpty();

        template.requestBody(ENTRIES + "list&userId=100&date=2024-01-15&perPage=50", (Object) null);
        Wire.get(onlyRequest(), "/time-entries", "workspace_id=1&user_id=100&date=2024-01-15&page=1&per_page=50");
    }

    /** Manual time: create (saved minutes in a header, a partial save when it overlaps), update one time, delete. */
    @Test
    void manualTimeEntryCreateUpdateDelete() {
        LocalDate saturday = lastWeek(DayOfWeek.SATURDAY);
        assertThat(entries(101, saturday)).isEmpty();
        sandbox.clearRequests();

        String create = ENTRIES + "create&userId=101&contractId=301&date=" + saturday;
        Exchange added = template.request(create, e -> e.getMessage().setBody(
                Map.of("notes", "Release prep", "start_time", "09:00", "end_time", "11:30")));
        assertThat(added.getException()).isNull();
        Wire.write(onlyRequest(), "POST", "/time-entries", "{\"workspace_id\":1,\"user_id\":101,\"contract_id\":301,"
                                                         + "\"notes\":\"Release prep\",\"date\":\"" + saturday + "\","
                                                         + "\"start_time\":\"09:00\",\"end_time\":\"11:30\"}");
        assertThat(added.getMessage().getHeader(WebworkConstants.SAVED_MINUTES)).isEqualTo(150);
        assertThat(added.getMessage().getHeader(WebworkConstants.MESSAGE))
                .isEqualTo("2 hr 30 min successfully added for Ethan Exec.");
        TimeEntryCreation creation = added.getMessage().getBody(TimeEntryCreation.class);
        assertThat(creation.getUserId()).isEqualTo(101L);
        assertThat(creation.getContractId()).isEqualTo(301L);
        assertThat(creation.getProjectId()).isEqualTo(100L);
        assertThat(creation.getProjectName()).isEqualTo("Website Relaunch");
        assertThat(creation.getActivityDescription()).isEqualTo("Release prep");
        assertThat(creation.getMethodValue()).contains(TimeEntryMethod.MANUALLY_ADDED_TIME);
        assertThat(creation.getDurationMinutes()).isEqualTo(150);
        sandbox.clearRequests();

        Exchange overlapping = template.request(create, e -> e.getMessage().setBody(
                Map.of("start_time", "11:00", "end_time", "12:00")));
        assertThat(overlapping.getMessage().getHeader(WebworkConstants.SAVED_MINUTES)).as("half overlaps").isEqualTo(30);
        assertThat((String) overlapping.getMessage().getHeader(WebworkConstants.MESSAGE)).startsWith("Only 30 min of 1 hr");

        List<TimeEntry> day = entries(101, saturday);
        assertThat(day).extracting(TimeEntry::getDurationMinutes).containsExactly(150, 30);
        TimeEntry entry = day.get(0);
        assertThat(localTime(entry.getStartTime(), BERLIN)).isEqualTo(LocalTime.of(9, 0));
        assertThat(localTime(entry.getEndTime(), BERLIN)).isEqualTo(LocalTime.of(11, 30));
        String one = ENTRIES + "%s&timeEntryId=" + entry.getId();
        sandbox.clearRequests();

        TimeEntry updated = template.requestBody(String.format(one, "update"), Map.of("start_time", "08:15"),
                TimeEntry.class);
        Wire.write(onlyRequest(), "PUT", "/time-entries/" + entry.getId(), "{\"workspace_id\":1,\"start_time\":\"08:15\"}");
        assertThat(updated.getId()).isEqualTo(entry.getId());
        TimeEntry reread = entries(101, saturday).get(0);
        assertThat(reread.getId()).isEqualTo(entry.getId());
        assertThat(localTime(reread.getStartTime(), BERLIN)).isEqualTo(LocalTime.of(8, 15));
        assertThat(reread.getEndTime()).as("end time kept").isEqualTo(entry.getEndTime());
        assertThat(reread.getDurationMinutes()).isEqualTo(195);
        assertThat(reread.getActivityDescription()).isEqualTo("Release prep");

        assertThat(failure(WebworkUnprocessableException.class, String.format(one, "update"),
                Map.of("end_time", "08:00")).getFieldErrors()).containsKey("end_time");
        sandbox.clearRequests();

        template.requestBody(String.format(one, "delete"), (Object) null);
        Wire.write(onlyRequest(), "DELETE", "/time-entries/" + entry.getId(), "{\"workspace_id\":1}");
        assertThat(entries(101, saturday)).extracting(TimeEntry::getDurationMinutes).containsExactly(30);
        assertThat(failure(WebworkNotFoundException.class, String.format(one, "delete"), null).getStatusCode())
                .isEqualTo(404);
        assertThat(failure(WebworkNotFoundException.class, String.format(one, "update"),
                Map.of("notes", "back?")).getStatusCode()).isEqualTo(404);
    }
}
