package io.github.camelwebwork.routes.jira;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.model.TimeEntry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JiraWorklogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CamelContext context = new DefaultCamelContext();

    private static JiraWorklogs worklogs() {
        JiraWorklogs worklogs = new JiraWorklogs();
        worklogs.setSync(new JiraSync());
        return worklogs;
    }

    private static TimeEntry entry(String id, Long taskId, String start, String end, Integer minutes) {
        TimeEntry entry = new TimeEntry();
        entry.setId(id);
        entry.setUserId(3L);
        entry.setTaskId(taskId);
        entry.setStartTime(start);
        entry.setEndTime(end);
        entry.setDurationMinutes(minutes);
        return entry;
    }

    private Exchange exchange(Object body) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        return exchange;
    }

    private Exchange begun(JiraWorklogs worklogs, TimeEntry entry) {
        Exchange exchange = exchange(entry);
        worklogs.begin(exchange);
        return exchange;
    }

    // ---------------------------------------------------------------- mapping

    @Test
    void startedIsWrittenInUtcWithMillisAndANumericOffset() {
        JiraWorklogs worklogs = worklogs();
        assertThat(worklogs.started(entry("1", 7L, "2026-11-27T15:00:00.000000Z", null, 60)))
                .isEqualTo("2026-11-27T15:00:00.000+0000");
        assertThat(worklogs.started(entry("1", 7L, "2026-11-27T10:00:00-05:00", null, 60)))
                .isEqualTo("2026-11-27T15:00:00.000+0000");
        assertThat(worklogs.started(entry("1", 7L, "2026-11-27T15:00:00.123456Z", null, 60)))
                .isEqualTo("2026-11-27T15:00:00.123+0000");
    }

    @Test
    void aLocalStartIsReadInTheConfiguredZone() {
        JiraWorklogs worklogs = worklogs();
        assertThat(worklogs.started(entry("1", 7L, "2026-11-27T15:00:00", null, 60)))
                .as("UTC by default").isEqualTo("2026-11-27T15:00:00.000+0000");
        worklogs.setTimeZone("Europe/Berlin");
        assertThat(worklogs.started(entry("1", 7L, "2026-11-27T16:00:00", null, 60)))
                .isEqualTo("2026-11-27T15:00:00.000+0000");
        TimeEntry bare = entry("1", 7L, "16:30:00", null, 60);
        bare.setDate("2026-11-27");
        assertThat(worklogs.started(bare)).as("a bare time on the date").isEqualTo("2026-11-27T15:30:00.000+0000");
    }

    @Test
    void secondsComeFromTheMinutesElseFromEndMinusStart() {
        JiraWorklogs worklogs = worklogs();
        assertThat(worklogs.seconds(entry("1", 7L, "2026-11-27T15:00:00Z", "2026-11-27T15:10:00Z", 45)))
                .isEqualTo(2700);
        assertThat(worklogs.seconds(entry("1", 7L, "2026-11-27T15:00:00Z", "2026-11-27T15:10:30Z", null)))
                .isEqualTo(630);
        assertThat(worklogs.seconds(entry("1", 7L, "2026-11-27T10:00:00-05:00", "2026-11-27T15:20:00Z", 0)))
                .isEqualTo(1200);
        assertThat(worklogs.seconds(entry("1", 7L, "2026-11-27T15:00:00Z", null, null))).isZero();
        assertThat(worklogs.seconds(entry("1", 7L, "2026-11-27T15:10:00Z", "2026-11-27T15:00:00Z", null)))
                .as("never negative").isZero();
    }

    @Test
    void onlyEndedEntriesOnATaskAndDeletedEntriesApply() {
        JiraWorklogs worklogs = worklogs();
        assertThat(worklogs.applies(exchange(entry("1", null, "2026-11-27T15:00:00Z", "2026-11-27T16:00:00Z", 60))))
                .as("no task").isFalse();
        assertThat(worklogs.applies(exchange(entry("1", 7L, "2026-11-27T15:00:00Z", null, null))))
                .as("running").isFalse();
        assertThat(worklogs.applies(exchange(entry("1", 7L, "2026-11-27T15:00:00Z", "2026-11-27T15:00:00Z", 0))))
                .as("no duration").isFalse();
        assertThat(worklogs.applies(exchange(entry("1", 7L, "2026-11-27T15:00:00Z", "2026-11-27T16:00:00Z", 60))))
                .isTrue();
        assertThat(worklogs.applies(exchange(null))).isFalse();

        Exchange deleted = exchange(entry("1", 7L, "2026-11-27T15:00:00Z", null, null));
        deleted.getMessage().setHeader("CamelWebworkChangeType", "DELETED");
        assertThat(worklogs.applies(deleted)).as("a deleted entry, even a running one").isTrue();
        Exchange deletedWithoutTask = exchange(entry("1", null, "2026-11-27T15:00:00Z", null, null));
        deletedWithoutTask.getMessage().setHeader("CamelWebworkChangeType", "DELETED");
        assertThat(worklogs.applies(deletedWithoutTask)).isFalse();

        Map<String, Object> asMap = Map.of("id", "2", "task_id", 7, "start_time", "2026-11-27T15:00:00Z",
                "end_time", "2026-11-27T15:30:00Z");
        assertThat(worklogs.applies(exchange(asMap))).as("a map body is read as an entry").isTrue();
    }

    // ---------------------------------------------------------------- the look-up by property

    private static String worklog(String id, String timeEntryId) {
        return "{\"id\":\"" + id + "\",\"timeSpentSeconds\":60,\"properties\":[{\"key\":\"other\",\"value\":"
               + "{\"timeEntryId\":\"" + timeEntryId + "\"}},{\"key\":\"" + JiraWorklogs.PROPERTY_KEY + "\","
               + "\"value\":{\"timeEntryId\":\"" + timeEntryId + "\"}}]}";
    }

    @Test
    void theWorklogIsFoundByItsPropertyPageByPageAndRemembered() {
        JiraWorklogs worklogs = worklogs();
        worklogs.setPageSize(2);
        Exchange exchange = begun(worklogs, entry("e-9", 7L, "2026-11-27T15:00:00Z", null, 30));
        assertThat(worklogs.needsWorklogLookup(exchange)).isTrue();
        worklogs.pageQuery(exchange);
        assertThat(exchange.getProperty(JiraHttp.QUERY)).isEqualTo("startAt=0&maxResults=2&expand=properties");

        exchange.getMessage().setBody("{\"startAt\":0,\"maxResults\":2,\"total\":3,\"worklogs\":["
                + worklog("100", "e-1") + ",{\"id\":\"101\",\"properties\":[{\"key\":\"other\",\"value\":"
                + "{\"timeEntryId\":\"e-9\"}}]}]}");
        worklogs.page(exchange);
        assertThat(exchange.getProperty(JiraWorklogs.WORKLOG_ID)).isNull();
        assertThat(exchange.getProperty(JiraWorklogs.MORE_PAGES, Boolean.class)).isTrue();
        worklogs.pageQuery(exchange);
        assertThat(exchange.getProperty(JiraHttp.QUERY)).isEqualTo("startAt=2&maxResults=2&expand=properties");

        exchange.getMessage().setBody("{\"startAt\":2,\"maxResults\":2,\"total\":3,\"worklogs\":["
                + worklog("102", "e-9") + "]}");
        worklogs.page(exchange);
        assertThat(exchange.getProperty(JiraWorklogs.WORKLOG_ID)).isEqualTo("102");
        assertThat(exchange.getProperty(JiraWorklogs.MORE_PAGES, Boolean.class)).isFalse();

        Exchange again = begun(worklogs, entry("e-9", 7L, "2026-11-27T15:00:00Z", null, 30));
        assertThat(again.getProperty(JiraWorklogs.WORKLOG_ID)).isNull();
        assertThat(worklogs.cachedWorklog(again)).isTrue();
        assertThat(again.getProperty(JiraWorklogs.WORKLOG_ID)).isEqualTo("102");

        worklogs.deleted(again);
        assertThat(worklogs.cachedWorklog(begun(worklogs, entry("e-9", 7L, "2026-11-27T15:00:00Z", null, 30))))
                .isFalse();
    }

    @Test
    void theLookUpStopsWhenFoundOrAtTheEnd() {
        JiraWorklogs worklogs = worklogs();
        Exchange found = begun(worklogs, entry("e-1", 7L, "2026-11-27T15:00:00Z", null, 30));
        worklogs.cachedWorklog(found);
        found.getMessage().setBody("{\"startAt\":0,\"maxResults\":1,\"total\":5,\"worklogs\":["
                + worklog("100", "e-1") + "]}");
        worklogs.page(found);
        assertThat(found.getProperty(JiraWorklogs.WORKLOG_ID)).isEqualTo("100");
        assertThat(found.getProperty(JiraWorklogs.MORE_PAGES, Boolean.class)).as("found").isFalse();

        Exchange missing = begun(worklogs, entry("e-2", 7L, "2026-11-27T15:00:00Z", null, 30));
        worklogs.cachedWorklog(missing);
        missing.getMessage().setBody("{\"startAt\":0,\"maxResults\":1,\"total\":1,\"worklogs\":["
                + worklog("100", "e-1") + "]}");
        worklogs.page(missing);
        assertThat(missing.getProperty(JiraWorklogs.WORKLOG_ID)).isNull();
        assertThat(missing.getProperty(JiraWorklogs.MORE_PAGES, Boolean.class)).as("total reached").isFalse();

        missing.getMessage().setBody("{\"startAt\":0,\"maxResults\":1,\"total\":4,\"worklogs\":[]}");
        worklogs.page(missing);
        assertThat(missing.getProperty(JiraWorklogs.MORE_PAGES, Boolean.class)).as("empty page").isFalse();
    }

    @Test
    void theIssueKeyIsTakenFromTheSyncWhenKnown() {
        JiraSync sync = new JiraSync();
        JiraWorklogs worklogs = new JiraWorklogs();
        worklogs.setSync(sync);
        Exchange unknown = begun(worklogs, entry("e-1", 7L, "2026-11-27T15:00:00Z", null, 30));
        assertThat(unknown.getProperty(JiraSync.ISSUE_KEY)).isNull();
        assertThat(unknown.getProperty(JiraSync.TASK_ID)).isEqualTo(7L);
        Assertions.assertThatThrownBy(() -> worklogs.requireIssue(unknown))
                .isInstanceOf(JiraException.class).hasMessageContaining("Task 7").hasMessageContaining("e-1");
        sync.issueStatusSeen(7, "WW-3", "To Do", false);
        Exchange known = begun(worklogs, entry("e-1", 7L, "2026-11-27T15:00:00Z", null, 30));
        assertThat(known.getProperty(JiraSync.ISSUE_KEY)).isEqualTo("WW-3");
        worklogs.requireIssue(known);
    }

    // ---------------------------------------------------------------- the request

    @Test
    void theWorklogRequestIsExactAndLeavesTheEstimate() throws Exception {
        JiraWorklogs worklogs = worklogs();
        TimeEntry entry = entry("e-5", 7L, "2026-11-27T10:00:00-05:00", "2026-11-27T11:30:00-05:00", 90);
        entry.setActivityDescription("Fixing the build");
        Exchange exchange = begun(worklogs, entry);
        String body = worklogs.worklogRequest(exchange);
        assertThat(JSON.readTree(body)).isEqualTo(JSON.readTree("{\"started\":\"2026-11-27T15:00:00.000+0000\","
                + "\"timeSpentSeconds\":5400,\"comment\":{\"type\":\"doc\",\"version\":1,\"content\":["
                + "{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"Fixing the build\"},"
                + "{\"type\":\"hardBreak\"},{\"type\":\"text\",\"text\":\"WebWork time entry of user 3\"}]}]},"
                + "\"properties\":[{\"key\":\"io.github.camelwebwork.time-entry\",\"value\":"
                + "{\"timeEntryId\":\"e-5\"}}]}"));
        assertThat(body).startsWith("{\"started\":");
        assertThat(exchange.getProperty(JiraHttp.QUERY)).isEqualTo("adjustEstimate=leave&notifyUsers=false");

        worklogs.deleteQuery(exchange);
        assertThat(exchange.getProperty(JiraHttp.QUERY)).isEqualTo("adjustEstimate=leave");
    }

    @Test
    void aCreatedWorklogsIdIsRemembered() {
        JiraWorklogs worklogs = worklogs();
        Exchange exchange = begun(worklogs, entry("e-6", 7L, "2026-11-27T15:00:00Z", null, 30));
        exchange.getMessage().setBody("{\"id\":\"20000\",\"issueId\":\"10000\"}");
        worklogs.created(exchange);
        assertThat(exchange.getProperty(JiraWorklogs.WORKLOG_ID)).isEqualTo("20000");
        assertThat(worklogs.cachedWorklog(begun(worklogs, entry("e-6", 7L, "2026-11-27T15:00:00Z", null, 30))))
                .isTrue();
        Exchange noId = begun(worklogs, entry("e-7", 7L, "2026-11-27T15:00:00Z", null, 30));
        noId.getMessage().setBody("{}");
        Assertions.assertThatThrownBy(() -> worklogs.created(noId))
                .isInstanceOf(JiraException.class);
    }
}
