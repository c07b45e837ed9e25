package io.github.camelwebwork.routes.jira;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.model.Task;
import io.github.camelwebwork.routes.jira.JiraStatusPoll.StatusChange;
import io.github.camelwebwork.state.InvalidStateException;
import io.github.camelwebwork.state.StateFile;
import io.github.camelwebwork.support.Damage;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JiraStatusPollTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CamelContext context = new DefaultCamelContext();

    @TempDir
    Path dir;

    private static JiraSync sync() {
        JiraSync sync = new JiraSync();
        sync.setProjectKey("WW");
        sync.setSyncLabel("webwork-sync");
        return sync;
    }

    private static JiraStatusPoll poll(JiraSync sync) {
        JiraStatusPoll poll = new JiraStatusPoll();
        poll.setSync(sync);
        return poll;
    }

    private Exchange exchange() {
        return new DefaultExchange(context);
    }

    private Exchange decided(JiraStatusPoll poll, StatusChange change) {
        Exchange exchange = exchange();
        exchange.getMessage().setBody(change);
        poll.decide(exchange);
        return exchange;
    }

    // ---------------------------------------------------------------- status mapping

    @Test
    void theStatusMapComesFirstCaseInsensitivelyThenTheCategory() {
        JiraStatusPoll poll = poll(sync());
        poll.setStatusMap("In Review=10, Blocked = 0 ,Closed=30");
        assertThat(poll.taskStatus("in review", "indeterminate")).isEqualTo(10);
        assertThat(poll.taskStatus("BLOCKED", "indeterminate")).isEqualTo(0);
        assertThat(poll.taskStatus("Closed", "done")).isEqualTo(30);
        assertThat(poll.taskStatus("To Do", "new")).isEqualTo(0);
        assertThat(poll.taskStatus("In Progress", "indeterminate")).isEqualTo(10);
        assertThat(poll.taskStatus("Done", "done")).isEqualTo(20);
        assertThat(poll.taskStatus("Weird", "undefined")).isNull();
        assertThat(poll.taskStatus("Weird", null)).isNull();
        assertThat(poll.taskStatus(null, "done")).isEqualTo(20);
    }

    @Test
    void aStatusMapCodeThatIsNoTaskStatusIsRefused() {
        JiraStatusPoll poll = poll(sync());
        assertThatThrownBy(() -> poll.setStatusMap("In Review=15")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("15").hasMessageContaining("jira.status-map");
        poll.setStatusMap(null);
        assertThat(poll.taskStatus("In Review", "indeterminate")).isEqualTo(10);
    }

    // ---------------------------------------------------------------- the search

    @Test
    void theSearchRequestIsBoundedAndPagesWithTheTokenOnlyWhenSet() throws Exception {
        JiraStatusPoll poll = poll(sync());
        poll.setPageSize(50);
        Exchange exchange = exchange();
        exchange.setProperty(JiraStatusPoll.SINCE, 1_780_000_000_000L);
        JsonNode first = JSON.readTree(poll.searchRequest(exchange));
        assertThat(first.path("jql").asText()).isEqualTo("project = \"WW\" AND labels = \"webwork-sync\" AND "
                + "updated >= 1780000000000 ORDER BY updated ASC");
        assertThat(first.path("fields").toString()).isEqualTo("[\"status\",\"labels\",\"updated\"]");
        assertThat(first.path("maxResults").asInt()).isEqualTo(50);
        assertThat(first.has("nextPageToken")).isFalse();

        exchange.setProperty(JiraStatusPoll.NEXT_PAGE, "tok-2");
        JsonNode second = JSON.readTree(poll.searchRequest(exchange));
        assertThat(second.path("nextPageToken").asText()).isEqualTo("tok-2");
        assertThat(second.path("jql").asText()).isEqualTo(first.path("jql").asText());
    }

    @Test
    void beginStartsFromNowMinusTheOverlapWithoutAStateFile() throws Exception {
        JiraStatusPoll poll = poll(sync());
        poll.setStateFile(dir.resolve("jira-status.json").toString());
        poll.setOverlapMillis(5_000);
        Exchange exchange = exchange();
        exchange.setProperty(JiraStatusPoll.NEXT_PAGE, "stale");
        Instant now = Instant.parse("2026-12-06T20:00:00Z");
        poll.setClock(Clock.fixed(now, ZoneOffset.UTC));
        poll.begin(exchange);
        long start = exchange.getProperty(JiraStatusPoll.POLL_START, Long.class);
        assertThat(start).isEqualTo(now.toEpochMilli());
        assertThat(exchange.getProperty(JiraStatusPoll.SINCE, Long.class)).isEqualTo(start - 5_000);
        assertThat(exchange.getProperty(JiraStatusPoll.NEXT_PAGE)).isNull();
        assertThat(exchange.getProperty(JiraStatusPoll.MORE_PAGES, Boolean.class)).isTrue();
    }

    private static String issue(String key, String status, String category, String... labels) {
        StringBuilder l = new StringBuilder();
        for (String label : labels) {
            l.append(l.length() == 0 ? "" : ",").append('"').append(label).append('"');
        }
        return "{\"id\":\"1\",\"key\":\"" + key + "\",\"fields\":{\"labels\":[" + l + "],\"status\":{\"name\":\""
               + status + "\",\"statusCategory\":{\"key\":\"" + category + "\"}},\"updated\":\"x\"}}";
    }

    @Test
    void aPageKeepsTheSyncedIssuesAndSaysWhetherMoreFollow() {
        JiraStatusPoll poll = poll(sync());
        Exchange exchange = exchange();
        exchange.getMessage().setBody("{\"issues\":[" + issue("WW-1", "In Progress", "indeterminate",
                "webwork-sync", "webwork-task-7") + "," + issue("WW-2", "Done", "done", "webwork-sync") + ","
                + issue("WW-3", "Done", "done", "webwork-task-x", "my-webwork-task-9") + ","
                + "{\"key\":\"WW-4\",\"fields\":{\"labels\":[\"webwork-task-4\"]}}],"
                + "\"nextPageToken\":\"next\",\"isLast\":false}");
        List<StatusChange> changes = poll.page(exchange);
        assertThat(changes).containsExactly(new StatusChange("WW-1", 7, "In Progress", "indeterminate"));
        assertThat(exchange.getProperty(JiraStatusPoll.MORE_PAGES, Boolean.class)).isTrue();
        assertThat(exchange.getProperty(JiraStatusPoll.NEXT_PAGE)).isEqualTo("next");

        exchange.getMessage().setBody("{\"issues\":[" + issue("WW-5", "To Do", "new", "webwork-task-5")
                + "],\"nextPageToken\":\"more\",\"isLast\":true}");
        assertThat(poll.page(exchange)).extracting(StatusChange::taskId).containsExactly(5L);
        assertThat(exchange.getProperty(JiraStatusPoll.MORE_PAGES, Boolean.class)).as("isLast").isFalse();

        exchange.getMessage().setBody("{\"issues\":[" + issue("WW-6", "To Do", "new", "webwork-task-6") + "]}");
        assertThat(poll.page(exchange)).hasSize(1);
        assertThat(exchange.getProperty(JiraStatusPoll.MORE_PAGES, Boolean.class)).as("no token").isFalse();
        assertThat(exchange.getProperty(JiraStatusPoll.NEXT_PAGE)).isNull();

        exchange.getMessage().setBody("{\"issues\":[],\"nextPageToken\":\"loop\",\"isLast\":false}");
        assertThat(poll.page(exchange)).isEmpty();
        assertThat(exchange.getProperty(JiraStatusPoll.MORE_PAGES, Boolean.class)).as("empty page").isFalse();
    }

    // ---------------------------------------------------------------- decide and compare

    @Test
    void theFirstSightOfAnIssueIsItsBaseline() {
        JiraSync sync = sync();
        JiraStatusPoll poll = poll(sync);
        Exchange exchange = decided(poll, new StatusChange("WW-1", 7, "In Progress", "indeterminate"));
        assertThat(exchange.getProperty(JiraStatusPoll.CHECK, Boolean.class)).isFalse();
        assertThat(sync.lastIssueStatus("WW-1")).isEqualTo("In Progress");
        assertThat(sync.knownIssueKey(7)).isEqualTo("WW-1");

        Exchange again = decided(poll, new StatusChange("WW-1", 7, "In Progress", "indeterminate"));
        assertThat(again.getProperty(JiraStatusPoll.CHECK, Boolean.class)).as("same status").isFalse();
        assertThat(again.getMessage().getHeader("CamelWebworkTaskId")).isNull();
    }

    @Test
    void anIssueTheSyncCreatedIsABaselineWhileNewAndACheckOnceDone() {
        JiraSync sync = sync();
        JiraStatusPoll poll = poll(sync);
        sync.issueStatuses().put("WW-1", JiraSync.CREATED);
        Exchange fresh = decided(poll, new StatusChange("WW-1", 7, "To Do", "new"));
        assertThat(fresh.getProperty(JiraStatusPoll.CHECK, Boolean.class)).isFalse();
        assertThat(sync.lastIssueStatus("WW-1")).isEqualTo("To Do");

        sync.issueStatuses().put("WW-2", JiraSync.CREATED);
        Exchange done = decided(poll, new StatusChange("WW-2", 8, "Done", "done"));
        assertThat(done.getProperty(JiraStatusPoll.CHECK, Boolean.class)).isTrue();
        assertThat(done.getMessage().getHeader("CamelWebworkTaskId")).isEqualTo(8L);
        assertThat(sync.lastIssueStatus("WW-2")).as("recorded only once applied").isEqualTo(JiraSync.CREATED);
    }

    @Test
    void aChangedStatusIsCheckedAndAnUnmappedOneRecorded() {
        JiraSync sync = sync();
        JiraStatusPoll poll = poll(sync);
        sync.issueStatusSeen(7, "WW-1", "To Do", false);
        Exchange exchange = decided(poll, new StatusChange("WW-1", 7, "In Progress", "indeterminate"));
        assertThat(exchange.getProperty(JiraStatusPoll.CHECK, Boolean.class)).isTrue();
        assertThat(exchange.getMessage().getHeader("CamelWebworkTaskId")).isEqualTo(7L);
        assertThat(exchange.getMessage().getBody()).isNull();
        assertThat(exchange.getProperty(JiraStatusPoll.CHANGE))
                .isEqualTo(new StatusChange("WW-1", 7, "In Progress", "indeterminate"));

        poll.applied(exchange);
        assertThat(sync.lastIssueStatus("WW-1")).isEqualTo("In Progress");

        Exchange unmapped = decided(poll, new StatusChange("WW-1", 7, "Limbo", "undefined"));
        assertThat(unmapped.getProperty(JiraStatusPoll.CHECK, Boolean.class)).isFalse();
        assertThat(sync.lastIssueStatus("WW-1")).isEqualTo("Limbo");
    }

    private Exchange compared(JiraStatusPoll poll, StatusChange change, Integer taskStatus) {
        Exchange exchange = exchange();
        exchange.setProperty(JiraStatusPoll.CHANGE, change);
        Task task = new Task();
        task.setId(change.taskId());
        task.setStatus(taskStatus);
        exchange.getMessage().setBody(task);
        poll.compare(exchange);
        return exchange;
    }

    @Test
    void compareWritesOnlyADifferentStatusAndDoneEqualsCompleted() {
        JiraStatusPoll poll = poll(sync());
        StatusChange done = new StatusChange("WW-1", 7, "Done", "done");
        assertThat(compared(poll, done, 30).getProperty(JiraStatusPoll.WRITE, Boolean.class))
                .as("Completed counts as done").isFalse();
        assertThat(compared(poll, done, 20).getProperty(JiraStatusPoll.WRITE, Boolean.class)).isFalse();

        Exchange write = compared(poll, done, 10);
        assertThat(write.getProperty(JiraStatusPoll.WRITE, Boolean.class)).isTrue();
        assertThat(write.getMessage().getBody()).isEqualTo(Map.of("status", 20));

        Exchange reopen = compared(poll, new StatusChange("WW-1", 7, "To Do", "new"), 30);
        assertThat(reopen.getProperty(JiraStatusPoll.WRITE, Boolean.class)).isTrue();
        assertThat(reopen.getMessage().getBody()).isEqualTo(Map.of("status", 0));

        assertThat(compared(poll, new StatusChange("WW-1", 7, "In Progress", "indeterminate"), null)
                .getProperty(JiraStatusPoll.WRITE, Boolean.class)).as("no status on the task").isTrue();
    }

    // ---------------------------------------------------------------- the state file

    @Test
    void theCommittedCursorAndStatusesComeBackAfterARestart() throws Exception {
        Path file = dir.resolve("state").resolve("jira-status.json");
        JiraSync sync = sync();
        JiraStatusPoll poll = poll(sync);
        poll.setStateFile(file.toString());
        poll.setOverlapMillis(1_000);
        sync.issueStatusSeen(7, "WW-1", "In Progress", false);
        sync.issueStatusSeen(8, "WW-2", "Done", true);
        Exchange exchange = exchange();
        exchange.setProperty(JiraStatusPoll.SINCE, 5_000L);
        exchange.setProperty(JiraStatusPoll.POLL_START, 100_000L);
        poll.commit(exchange);

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("# camel-webwork state v1 jira-status ");
        JsonNode state = JSON.readTree(stateFile(file).read().orElseThrow().entries().get(0));
        assertThat(state.path("cursor").asLong()).isEqualTo(99_000L);
        assertThat(state.path("statuses").path("WW-2").asText()).isEqualTo("Done");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file is left").containsExactly(file);
        }

        JiraSync restartedSync = sync();
        JiraStatusPoll restarted = poll(restartedSync);
        restarted.setStateFile(file.toString());
        assertThat(restarted.readCursor(42L)).isEqualTo(99_000L);
        assertThat(restartedSync.issueStatuses()).containsExactlyInAnyOrderEntriesOf(
                Map.of("WW-1", "In Progress", "WW-2", "Done"));
        Exchange next = exchange();
        restarted.begin(next);
        assertThat(next.getProperty(JiraStatusPoll.SINCE, Long.class)).isEqualTo(99_000L);

        // the cursor never goes back: a poll that started before the committed cursor keeps it
        exchange.setProperty(JiraStatusPoll.SINCE, 99_000L);
        exchange.setProperty(JiraStatusPoll.POLL_START, 50_000L);
        poll.commit(exchange);
        assertThat(restarted.readCursor(42L)).isEqualTo(99_000L);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    private static StateFile stateFile(Path file) {
        return StateFile.of(file, "jira-status", "Jira status poll");
    }

    /** A poll that committed cursor 99,000 and a status to {@code file}. */
    private static void committed(Path file) throws Exception {
        JiraSync sync = sync();
        sync.issueStatusSeen(7, "WW-1", "In Progress", false);
        JiraStatusPoll poll = poll(sync);
        poll.setStateFile(file.toString());
        poll.setOverlapMillis(1_000);
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(JiraStatusPoll.SINCE, 5_000L);
        exchange.setProperty(JiraStatusPoll.POLL_START, 100_000L);
        poll.commit(exchange);
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void aDamagedStateFileStopsTheStartWithTheFileAndTheWayOut(Damage damage) throws Exception {
        Path file = dir.resolve("jira-status.json");
        committed(file);
        damage.apply(file);
        JiraSync sync = sync();
        JiraStatusPoll poll = poll(sync);
        poll.setStateFile(file.toString());

        assertThatThrownBy(poll::checkState).isInstanceOf(InvalidStateException.class)
                .hasMessageStartingWith("The Jira status poll state file " + file + " is damaged: ")
                .hasMessageContaining("jira.on-invalid-state=now").hasMessageContaining("delete the file");
        assertThatThrownBy(() -> poll.begin(exchange())).as("and every poll").isInstanceOf(InvalidStateException.class);
        assertThat(sync.issueStatuses()).isEmpty();
    }

    @Test
    void whatIsNotACursorDocumentIsRefusedToo() throws Exception {
        Path file = dir.resolve("jira-status.json");
        JiraStatusPoll poll = poll(sync());
        poll.setStateFile(file.toString());
        for (String content : List.of("{not json", "{\"statuses\":{}}", "{\"cursor\":\"soon\"}", "")) {
            Files.writeString(file, content, StandardCharsets.UTF_8);
            assertThatThrownBy(() -> poll.readCursor(1L)).as(content).isInstanceOf(InvalidStateException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining("delete the file");
        }
        stateFile(file).write(List.of("{\"statuses\":{}}"));
        assertThatThrownBy(() -> poll.readCursor(1L)).hasMessageContaining("does not hold one {cursor, statuses} document");
    }

    @Test
    void onInvalidStateNowMovesTheFileAsideAndStartsFromNow() throws Exception {
        Path file = dir.resolve("jira-status.json");
        committed(file);
        Damage.FLIPPED_BYTE.apply(file);
        JiraSync sync = sync();
        JiraStatusPoll poll = poll(sync);
        poll.setStateFile(file.toString());
        poll.setOnInvalidState("now");

        assertThat(poll.readCursor(42L)).isEqualTo(42L);
        assertThat(sync.issueStatuses()).isEmpty();
        assertThat(dir.resolve("jira-status.json.invalid")).exists();
        assertThatThrownBy(() -> poll.setOnInvalidState("snapshot"))
                .hasMessage("jira.on-invalid-state is fail or now, not 'snapshot'");
    }

    @Test
    void theJsonFileOfAnEarlierVersionIsReadOnceAndRewritten() throws Exception {
        Path file = dir.resolve("jira-status.json");
        Files.writeString(file, "{\"cursor\":99000,\"statuses\":{\"WW-2\":\"Done\"}}", StandardCharsets.UTF_8);
        JiraSync sync = sync();
        JiraStatusPoll poll = poll(sync);
        poll.setStateFile(file.toString());

        assertThat(poll.readCursor(1L)).isEqualTo(99_000L);
        assertThat(sync.issueStatuses()).containsExactlyEntriesOf(Map.of("WW-2", "Done"));
        assertThat(Files.readString(file)).startsWith("# camel-webwork state v1 jira-status lines=1 ");
    }
}
