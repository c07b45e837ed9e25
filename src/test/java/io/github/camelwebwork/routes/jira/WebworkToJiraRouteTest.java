package io.github.camelwebwork.routes.jira;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.jira.JiraEmulator;
import io.github.camelwebwork.model.Task;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import io.github.camelwebwork.state.InvalidStateException;
import io.github.camelwebwork.state.StateFile;
import io.github.camelwebwork.support.SandboxTestSupport;
import io.github.camelwebwork.support.YamlRoutes;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.master.MasterEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * routes/webwork-to-jira.yaml, loaded as YAML DSL, against the WebWork sandbox and the Jira Cloud emulator (which
 * refuses requests outside Jira's published REST v3 contract and checks its own answers against it).
 */
class WebworkToJiraRouteTest extends SandboxTestSupport {

    private static final String TOKEN = "ATATT-test-token-7f3c";
    private static final String TASKS = "webwork:tasks?workspaceId=1&projectId=100&operation=";
    private static final Clock MONDAY = Clock.fixed(Instant.parse("2026-11-30T15:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path stateDir;

    private JiraEmulator jira;

    /**
     * A Monday afternoon: the tests book their time "yesterday", a Sunday, on which the seed tracks nothing (on any
     * other day the seed's tracked time could overlap it, and WebWork refuses time already tracked).
     */
    @Override
    protected Clock clock() {
        return MONDAY;
    }

    @Override
    protected WebworkSandbox.Builder sandboxBuilder() {
        return WebworkSandbox.builder().rateLimit(6_000, Duration.ofMinutes(1));
    }

    @Override
    protected void configure(WebworkComponent webwork) {
        webwork.getConfiguration().setRateLimit(6_000);
    }

    /** Jira closes after the routes have stopped: a poll still running would meet a closed port and log its trace. */
    @Override
    protected void doPostTearDown() throws Exception {
        super.doPostTearDown();
        if (jira != null) {
            jira.close();
        }
    }

    private void startRoute(boolean snapshot) throws Exception {
        startRoute(snapshot, Map.of("jira.worklogs", "false", "jira.initial-delay", "600000"));
    }

    /** Loads the YAML with these properties on top of the defaults below (flows 2 and 3 off unless asked for). */
    private void startRoute(boolean snapshot, Map<String, String> extra) throws Exception {
        if (jira == null) {
            jira = new JiraEmulator("sync@example.com", TOKEN, "WW").start();
        }
        Properties properties = new Properties();
        properties.put("webwork.workspace-id", "1");
        properties.put("webwork.project-id", "100");
        properties.put("webwork.poll-delay", "100");
        properties.put("webwork.initial-delay", "0");
        properties.put("webwork.snapshot", String.valueOf(snapshot));
        properties.put("webwork.state-dir", stateDir.toString());
        properties.put("webwork.task-url", "https://app.example.test/tasks/");
        properties.put("jira.base-url", jira.baseUrl());
        properties.put("jira.project-key", "WW");
        properties.put("jira.email", "sync@example.com");
        properties.put("jira.api-token", TOKEN);
        properties.put("jira.max-retry-after-ms", "3000");
        properties.put("jira.poll-delay", "150");
        properties.put("jira.initial-delay", "0");
        properties.put("jira.poll-overlap-ms", "2000");
        properties.put("webwork.lookback-days", "3");
        properties.putAll(extra);
        context.getPropertiesComponent().setOverrideProperties(properties);
        long scansBefore = taskScans();
        YamlRoutes.load(context, "webwork-to-jira.yaml");
        if (!snapshot) {     // the first scan is the silent starting point: wait for the second
            await().atMost(Duration.ofSeconds(20)).until(() -> taskScans() >= scansBefore + 2);
        }
    }

    /** Stops and removes every route of the file and its beans (as a restart would lose them). */
    private void unloadRoutes() throws Exception {
        for (String id : List.of("webwork-tasks-to-jira", "webwork-task-to-jira-issue", "webwork-task-to-jira-issue-sync",
                "jira-issue-status-to-webwork", "jira-issue-status-to-webwork-task", "webwork-time-entries-to-jira",
                "webwork-time-entry-to-jira-worklog", "jira-find-task-issue", "jira-call")) {
            context.getRouteController().stopRoute(id);
            context.removeRoute(id);
        }
        for (String bean : List.of("jiraSync", "jiraHttp", "jiraStatus", "jiraWorklogs")) {
            context.getRegistry().unbind(bean);
        }
    }

    /** Scans of the time-entries consumer so far (each one lists the members first). */
    private long memberLists() {
        return requests().stream().filter(r -> r.method().equals("GET") && r.path().equals("/api/v2/members")).count();
    }

    private long taskScans() {
        return requests().stream().filter(r -> r.method().equals("GET") && r.path().equals("/api/v2/tasks")).count();
    }

    private Task createTask(Map<String, Object> body) {
        return template.requestBody(TASKS + "create", body, Task.class);
    }

    private JiraEmulator.Issue onlyIssueOf(Task task) {
        List<JiraEmulator.Issue> issues = jira.issuesLabelled("webwork-task-" + task.getId());
        assertThat(issues).as("issues of task " + task.getId()).hasSize(1);
        return issues.get(0);
    }

    private void awaitIssue(Task task) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !jira.issuesLabelled("webwork-task-" + task.getId()).isEmpty()
                             && !jira.issuesLabelled("webwork-task-" + task.getId()).get(0).remoteLinks.isEmpty());
    }

    @Test
    void aNewTaskBecomesOneIssueAnEditUpdatesItDoneTransitionsIt() throws Exception {
        startRoute(false);
        Task task = createTask(Map.of("title", "Ship the Jira sync", "priority", 20, "end_date", "2026-12-11",
                "description", "First line\nsecond line\n\nA second paragraph"));
        awaitIssue(task);

        JiraEmulator.Issue issue = onlyIssueOf(task);
        assertThat(issue.summary()).isEqualTo("Ship the Jira sync");
        assertThat(issue.fields.path("duedate").asText()).isEqualTo("2026-12-11");
        assertThat(issue.fields.path("priority").path("name").asText()).isEqualTo("High");
        assertThat(issue.status()).isEqualTo("To Do");
        JsonNode description = issue.fields.path("description");
        assertThat(description.path("type").asText()).isEqualTo("doc");
        assertThat(description.path("content").get(0).path("content")).extracting(n -> n.path("type").asText())
                .containsExactly("text", "hardBreak", "text");
        assertThat(description.path("content").get(1).path("content").get(0).path("text").asText())
                .isEqualTo("A second paragraph");
        JsonNode link = issue.remoteLinks.get("webwork:task:" + task.getId());
        assertThat(link).as("remote link by globalId").isNotNull();
        assertThat(link.path("object").path("url").asText()).isEqualTo("https://app.example.test/tasks/" + task.getId());

        // an edit updates the same issue
        template.requestBody(TASKS + "update&taskId=" + task.getId(), Map.of("title", "Ship the Jira sync v2",
                "priority", 10));
        await().atMost(Duration.ofSeconds(20)).until(() -> "Ship the Jira sync v2".equals(onlyIssueOf(task).summary()));
        assertThat(onlyIssueOf(task).fields.path("priority").path("name").asText()).isEqualTo("Highest");
        assertThat(jira.requests("PUT", "/rest/api/3/issue/" + issue.key)).isNotEmpty();

        // Done transitions it, with the transition looked up by name once
        template.requestBody(TASKS + "update&taskId=" + task.getId(), Map.of("status", 20));
        await().atMost(Duration.ofSeconds(20)).until(() -> "Done".equals(onlyIssueOf(task).status()));
        assertThat(jira.requests("POST", ".*/transitions").get(0).json().path("transition").path("id").asText())
                .isEqualTo("31");

        // a second task created Completed: transitioned with the cached id, no second lookup
        Task other = createTask(Map.of("title", "Already finished", "status", 30));
        awaitIssue(other);
        await().atMost(Duration.ofSeconds(20)).until(() -> "Done".equals(onlyIssueOf(other).status()));
        assertThat(jira.requests("GET", ".*/transitions")).hasSize(1);
        assertThat(onlyIssueOf(other).fields.has("priority")).isTrue();   // the sandbox's default priority, mapped

        assertThat(jira.issues()).hasSize(2);
        assertThat(jira.requests()).allSatisfy(r -> assertThat(r.body()).doesNotContain(TOKEN));
        assertThat(jira.contractChecked()).isTrue();
        assertThat(jira.contractViolations()).isEmpty();
    }

    @Test
    void aRedeliveryOrARestartWithAFreshStateMakesNoSecondIssue() throws Exception {
        startRoute(false);
        Task task = createTask(Map.of("title", "Only once", "priority", 30));
        awaitIssue(task);

        // the same change delivered again (e.g. the consumer's commit was lost)
        Task again = template.requestBody(TASKS + "get&taskId=" + task.getId(), null, Task.class);
        template.sendBodyAndHeader("direct:webwork-task-to-jira-issue", again, "CamelWebworkChangeType", "CREATED");
        template.sendBodyAndHeader("direct:webwork-task-to-jira-issue", again, "CamelWebworkChangeType", "CREATED");
        assertThat(jira.issuesLabelled("webwork-task-" + task.getId())).hasSize(1);

        // a restart that lost its state (and the in-memory cache): every task of the project comes again as CREATED
        unloadRoutes();
        Files.deleteIfExists(stateDir.resolve("tasks-to-jira.state"));
        int searchesBefore = jira.requests("POST", ".*/search/jql").size();
        startRoute(true);
        int seeded = template.requestBody(TASKS + "list", null, List.class).size();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jira.requests("POST", ".*/search/jql").size() >= searchesBefore + seeded
                             && jira.issues().size() >= seeded);
        // a straggler (there should be none) would show up within the next polls
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(30)).until(() -> jira.issues().size() == seeded);

        assertThat(jira.issuesLabelled("webwork-task-" + task.getId())).hasSize(1);
        Map<String, Long> perLabel = jira.issues().stream()
                .collect(Collectors.groupingBy(i -> i.labels().get(0), Collectors.counting()));
        assertThat(perLabel.values()).as("one issue per task").allMatch(n -> n == 1);
        assertThat(jira.issues()).hasSize(seeded);
        assertThat(jira.contractChecked()).isTrue();
        assertThat(jira.contractViolations()).isEmpty();
    }

    @Test
    void a429IsWaitedOutAsRetryAfterSays() throws Exception {
        startRoute(false);
        jira.throttleNext(2, "1");
        Task task = createTask(Map.of("title", "Throttled", "priority", 40));
        awaitIssue(task);

        List<JiraEmulator.Request> sent = jira.requests();
        assertThat(sent.get(0).path()).isEqualTo("/rest/api/3/search/jql");
        assertThat(sent.get(2).path()).isEqualTo("/rest/api/3/search/jql");
        assertThat(Duration.ofNanos(sent.get(1).nanoTime() - sent.get(0).nanoTime()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(Duration.ofNanos(sent.get(2).nanoTime() - sent.get(1).nanoTime()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(onlyIssueOf(task).fields.path("priority").path("name").asText()).isEqualTo("Low");
    }

    // ------------------------------------------------------------------------------------------------ flow 2: status

    private int taskStatus(Task task) {
        return sandbox.state().tasks(1, 100).stream().filter(t -> t.id() == task.getId()).findFirst().orElseThrow()
                .status();
    }

    /** The WebWork writes to a task (PUT /tasks/{id}), as the sandbox received them. */
    private List<String> taskWrites(Task task) {
        return requests().stream().filter(r -> r.method().equals("PUT")
                                               && r.path().equals("/api/v2/tasks/" + task.getId()))
                .map(r -> r.body()).toList();
    }

    /** The Jira writes to an issue (anything but a GET on its paths). */
    private long issueWrites(String key) {
        return jira.requests().stream().filter(r -> !r.method().equals("GET")
                                                    && r.path().startsWith("/rest/api/3/issue/" + key)).count();
    }

    private List<JiraEmulator.Request> statusPolls() {
        return jira.requests("POST", ".*/search/jql").stream()
                .filter(r -> r.json().path("jql").asText().contains("updated >=")).toList();
    }

    /** Waits for {@code n} more status polls than now (each one a whole search). */
    private void awaitStatusPolls(int n) {
        int before = statusPolls().size();
        await().atMost(Duration.ofSeconds(20)).until(() -> statusPolls().size() >= before + n);
    }

    private JsonNode statusState() throws Exception {
        String document = StateFile.of(stateDir.resolve("jira-status.json"), "jira-status", "Jira status poll").read()
                .orElseThrow().entries().get(0);
        return new ObjectMapper().readTree(document);
    }

    @Test
    void aDamagedStatusStateStopsTheStartAndNothingIsCalled() throws Exception {
        Path file = stateDir.resolve("jira-status.json");
        Files.writeString(file, "");

        Throwable failure = catchThrowable(() -> startRoute(true, Map.of("jira.worklogs", "false")));

        Throwable cause = failure;
        while (cause != null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertThat(cause).isInstanceOf(InvalidStateException.class)
                .hasMessageStartingWith("The Jira status poll state file " + file + " is damaged: it is empty")
                .hasMessageContaining("jira.on-invalid-state=now");
        assertThat(context.getRoute("jira-issue-status-to-webwork")).isNull();
        assertThat(jira.requests()).as("no Jira call").isEmpty();
        assertThat(requests()).as("no WebWork call").isEmpty();
    }

    @Test
    void onInvalidStateNowMovesTheStatusStateAsideAndPollsFromNow() throws Exception {
        Path file = stateDir.resolve("jira-status.json");
        Files.writeString(file, "{\"cursor\": 17, \"stat");

        long before = System.currentTimeMillis();       // Jira's clock: the emulator's and the poll's
        startRoute(false, Map.of("jira.worklogs", "false", "jira.on-invalid-state", "now"));
        awaitStatusPolls(2);

        assertThat(stateDir.resolve("jira-status.json.invalid")).hasContent("{\"cursor\": 17, \"stat");
        assertThat(statusState().path("cursor").asLong()).as("from now, not from 17")
                .isGreaterThanOrEqualTo(before - 2_000);          // a poll's start minus the overlap (2 s here)
    }

    @Test
    void anIssueStatusChangeUpdatesItsTaskOnceAndNothingEchoesBack() throws Exception {
        startRoute(false, Map.of("jira.worklogs", "false"));
        Task task = createTask(Map.of("title", "Two-way status", "priority", 30));
        awaitIssue(task);
        String key = onlyIssueOf(task).key;
        awaitStatusPolls(3);                       // the new issue's first status is its baseline: nothing written
        assertThat(taskWrites(task)).isEmpty();

        // a Jira user starts the issue: the task becomes Doing, once; the task change goes nowhere
        jira.setStatus(key, "In Progress");
        await().atMost(Duration.ofSeconds(20)).until(() -> taskStatus(task) == 10);
        long issueWrites = issueWrites(key);
        awaitStatusPolls(4);
        assertThat(taskWrites(task)).hasSize(1);
        assertThat(new ObjectMapper().readTree(taskWrites(task).get(0)).path("status")
                .asInt()).isEqualTo(10);
        assertThat(issueWrites(key)).as("the status written to the task is not sent back to Jira").isEqualTo(issueWrites);

        // Done in WebWork: the issue is transitioned, and the poll does not write that back to the task
        template.requestBody(TASKS + "update&taskId=" + task.getId(), Map.of("status", 20));
        await().atMost(Duration.ofSeconds(20)).until(() -> "Done".equals(onlyIssueOf(task).status()));
        awaitStatusPolls(4);
        assertThat(taskWrites(task)).as("the test's own Done, nothing more").hasSize(2);
        assertThat(taskStatus(task)).isEqualTo(20);

        // reopened in Jira
        jira.setStatus(key, "To Do");
        await().atMost(Duration.ofSeconds(20)).until(() -> taskStatus(task) == 0);
        awaitStatusPolls(3);
        assertThat(taskWrites(task)).hasSize(3);
        assertThat(jira.requests("POST", ".*/transitions")).as("one transition: WebWork's Done").hasSize(1);

        // the poll's request: bounded JQL on the sync label, an instant as the cursor, explicit fields
        JsonNode search = statusPolls().get(statusPolls().size() - 1).json();
        assertThat(search.path("jql").asText()).matches(
                "project = \"WW\" AND labels = \"webwork-sync\" AND updated >= \\d{13} ORDER BY updated ASC");
        assertThat(search.path("fields")).extracting(JsonNode::asText).containsExactly("status", "labels", "updated");
        JsonNode state = statusState();
        assertThat(state.path("statuses").path(key).asText()).isEqualTo("To Do");
        awaitStatusPolls(2);       // the poll after the one that saved this cursor starts there
        assertThat(statusPolls()).extracting(r -> r.json().path("jql").asText())
                .anyMatch(jql -> jql.contains("updated >= " + state.path("cursor").asLong()));
        assertThat(jira.contractChecked()).isTrue();
        assertThat(jira.contractViolations()).isEmpty();
    }

    @Test
    void theStatusPollPagesAndAfterARestartContinuesFromItsCursorLosingNothing() throws Exception {
        startRoute(false, Map.of("jira.worklogs", "false", "jira.page-size", "2"));
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tasks.add(createTask(Map.of("title", "Paged status " + i, "priority", 30)));
        }
        tasks.forEach(this::awaitIssue);
        awaitStatusPolls(2);
        tasks.forEach(t -> jira.setStatus(onlyIssueOf(t).key, "In Progress"));
        await().atMost(Duration.ofSeconds(20)).until(() -> tasks.stream().allMatch(t -> taskStatus(t) == 10));
        assertThat(statusPolls()).as("pages after the first carry Jira's nextPageToken")
                .anyMatch(r -> r.json().hasNonNull("nextPageToken"));

        // stopped; meanwhile one issue is finished in Jira; started again with the state on disk, memory gone
        unloadRoutes();
        long cursor = statusState().path("cursor").asLong();
        String finished = onlyIssueOf(tasks.get(0)).key;
        jira.setStatus(finished, "Done");
        int pollsBefore = statusPolls().size();
        startRoute(false, Map.of("jira.worklogs", "false", "jira.page-size", "2"));
        await().atMost(Duration.ofSeconds(20)).until(() -> taskStatus(tasks.get(0)) == 20);
        assertThat(statusPolls().get(pollsBefore).json().path("jql").asText())
                .as("the first poll after the restart starts at the saved cursor")
                .contains("updated >= " + cursor);
        awaitStatusPolls(3);
        assertThat(taskWrites(tasks.get(0))).hasSize(2);
        for (Task t : tasks.subList(1, 5)) {
            assertThat(taskWrites(t)).as("task " + t.getId() + " written once").hasSize(1);
            assertThat(taskStatus(t)).isEqualTo(10);
        }
    }

    // ------------------------------------------------------------------------------------------------ assignees

    @Test
    void theAssigneeIsMappedByEmailAndLookedUpOncePerAddress() throws Exception {
        jira = new JiraEmulator("sync@example.com", TOKEN, "WW").start();
        jira.addUser("acc-rita", "rita@acme.example", "Rita Regular");
        jira.addUser("acc-ritchie", "ritchie@acme.example", "Ritchie Other");
        startRoute(false);
        Task rita = createTask(Map.of("title", "Rita's", "assignees", List.of(103)));
        Task again = createTask(Map.of("title", "Rita's too", "assignees", List.of(103)));
        Task olivia = createTask(Map.of("title", "Olivia has no Jira account", "assignees", List.of(100)));
        List.of(rita, again, olivia).forEach(this::awaitIssue);

        assertThat(onlyIssueOf(rita).assigneeAccountId()).isEqualTo("acc-rita");
        assertThat(onlyIssueOf(again).assigneeAccountId()).isEqualTo("acc-rita");
        assertThat(onlyIssueOf(olivia).assigneeAccountId()).isNull();
        assertThat(jira.requests("GET", ".*/user/search")).extracting(JiraEmulator.Request::query)
                .containsExactlyInAnyOrder("query=rita%40acme.example&maxResults=10",
                        "query=olivia%40acme.example&maxResults=10");

        // unassigned in WebWork: unassigned in Jira
        template.requestBody(TASKS + "update&taskId=" + rita.getId(), Map.of("assignees", List.of()));
        await().atMost(Duration.ofSeconds(20)).until(() -> onlyIssueOf(rita).assigneeAccountId() == null);
        assertThat(jira.contractChecked()).isTrue();
        assertThat(jira.contractViolations()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ flow 3: worklogs

    @Test
    void aTimeEntryBecomesOneWorklogThatFollowsItsEditsRestartsAndDeletion() throws Exception {
        startRoute(false, Map.of("jira.initial-delay", "600000"));
        Task task = createTask(Map.of("title", "Worked on", "priority", 30));
        awaitIssue(task);
        String key = onlyIssueOf(task).key;
        LocalDate day = LocalDate.now(clock()).minusDays(1);
        long entryScans = memberLists();
        await().atMost(Duration.ofSeconds(20)).until(() -> memberLists() >= entryScans + 2);   // past the silent first scan
        template.requestBody("webwork:time-entries?operation=create&workspaceId=1", Map.of("user_id", 103,
                "contract_id", 303, "task_id", task.getId(), "date", day.toString(), "start_time", "10:00",
                "end_time", "11:30", "notes", "Worklog me"));
        await().atMost(Duration.ofSeconds(20)).until(() -> jira.worklogs(key).size() == 1);

        String entryId = sandbox.state().timeEntries(1).stream()
                .filter(e -> task.getId().equals(e.taskId())).findFirst().orElseThrow().id();
        JsonNode worklog = jira.worklogs(key).get(0);
        assertThat(worklog.path("timeSpentSeconds").asLong()).isEqualTo(90 * 60);
        String started = ZonedDateTime.of(day, LocalTime.of(10, 0),
                        ZoneId.of("America/New_York")).withZoneSameInstant(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS")) + "+0000";
        assertThat(worklog.path("started").asText()).as("Rita's 10:00 in New York, in UTC").isEqualTo(started);
        assertThat(worklog.path("comment").path("type").asText()).isEqualTo("doc");
        assertThat(worklog.path("properties").get(0).path("value").path("timeEntryId").asText()).isEqualTo(entryId);
        assertThat(jira.requests("POST", ".*/worklog")).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("adjustEstimate=leave&notifyUsers=false"));

        // an edit updates the same worklog
        template.requestBody("webwork:time-entries?operation=update&workspaceId=1&timeEntryId=" + entryId,
                Map.of("end_time", "12:00"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jira.worklogs(key).get(0).path("timeSpentSeconds").asLong() == 120 * 60);
        assertThat(jira.worklogs(key)).hasSize(1);

        // a restart that lost its state and memory: the entry comes again as CREATED and finds its worklog
        unloadRoutes();
        Files.deleteIfExists(stateDir.resolve("time-entries-to-jira.state"));
        int lookupsBefore = jira.requests("GET", ".*/worklog").size();
        startRoute(true, Map.of("jira.initial-delay", "600000"));
        await().atMost(Duration.ofSeconds(20)).until(() -> jira.requests("GET", ".*/worklog").size() > lookupsBefore
                                                           && jira.requests("PUT", ".*/worklog/.*").size() >= 2);
        assertThat(jira.worklogs(key)).hasSize(1);
        assertThat(jira.requests("GET", ".*/worklog").get(lookupsBefore).query()).contains("expand=properties");

        // deleted in WebWork: deleted in Jira
        template.requestBody("webwork:time-entries?operation=delete&workspaceId=1&timeEntryId=" + entryId,
                (Object) null);
        await().atMost(Duration.ofSeconds(20)).until(() -> jira.worklogs(key).isEmpty());
        assertThat(jira.contractChecked()).isTrue();
        assertThat(jira.contractViolations()).isEmpty();
    }

    @Test
    void anEntryOnATaskWithoutAnIssueSyncsTheTaskFirstAndConcurrentSyncsMakeOneIssue() throws Exception {
        startRoute(false, Map.of("jira.initial-delay", "600000"));
        long entryScans = memberLists();
        await().atMost(Duration.ofSeconds(20)).until(() -> memberLists() >= entryScans + 2);
        // task 500 existed before the sync started (snapshot=false): it has no issue until time is booked on it
        assertThat(jira.issuesLabelled("webwork-task-500")).isEmpty();
        template.requestBody("webwork:time-entries?operation=create&workspaceId=1", Map.of("user_id", 103,
                "contract_id", 303, "task_id", 500, "date", LocalDate.now(clock())
                        .minusDays(1).toString(), "start_time", "08:00", "end_time", "08:45"));
        await().atMost(Duration.ofSeconds(20)).until(() -> jira.issuesLabelled("webwork-task-500").size() == 1
                && jira.worklogs(jira.issuesLabelled("webwork-task-500").get(0).key).size() == 1);
        assertThat(jira.worklogs(jira.issuesLabelled("webwork-task-500").get(0).key).get(0)
                .path("timeSpentSeconds").asLong()).isEqualTo(45 * 60);

        // the same new task arriving on eight threads at once (both flows meeting on it): one issue
        Task task = template.requestBody(TASKS + "create", Map.of("title", "Raced"), Task.class);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(pool.submit(() -> template.sendBodyAndHeader("direct:webwork-task-to-jira-issue", task,
                        "CamelWebworkChangeType", "CREATED")));
            }
            for (Future<?> f : sent) {
                f.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> !jira.issuesLabelled("webwork-task-" + task.getId()).isEmpty());
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(30))
                .until(() -> jira.issuesLabelled("webwork-task-" + task.getId()).size() == 1);
        assertThat(jira.contractChecked()).isTrue();
        assertThat(jira.contractViolations()).isEmpty();
    }

    @Test
    void anEntryMovedToAnotherTaskMovesItsWorklogAndADeletedTaskDoesNotStopTheStatusPoll() throws Exception {
        startRoute(false, Map.of());
        Task first = createTask(Map.of("title", "First home", "priority", 30));
        Task second = createTask(Map.of("title", "Second home", "priority", 30));
        Task doomed = createTask(Map.of("title", "Deleted in WebWork", "priority", 30));
        List.of(first, second, doomed).forEach(this::awaitIssue);
        String firstKey = onlyIssueOf(first).key;
        String secondKey = onlyIssueOf(second).key;
        long entryScans = memberLists();
        await().atMost(Duration.ofSeconds(20)).until(() -> memberLists() >= entryScans + 2);
        template.requestBody("webwork:time-entries?operation=create&workspaceId=1", Map.of("user_id", 103,
                "contract_id", 303, "task_id", first.getId(), "date", LocalDate.now(clock())
                        .minusDays(1).toString(), "start_time", "13:00", "end_time", "14:00"));
        await().atMost(Duration.ofSeconds(20)).until(() -> jira.worklogs(firstKey).size() == 1);
        String entryId = sandbox.state().timeEntries(1).stream()
                .filter(e -> first.getId().equals(e.taskId())).findFirst().orElseThrow().id();

        template.requestBody("webwork:time-entries?operation=update&workspaceId=1&timeEntryId=" + entryId,
                Map.of("task_id", second.getId()));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jira.worklogs(secondKey).size() == 1 && jira.worklogs(firstKey).isEmpty());

        // a task deleted in WebWork whose issue then changes in Jira: skipped with a warning, the poll goes on
        awaitStatusPolls(2);
        template.requestBody(TASKS + "delete&taskId=" + doomed.getId(), (Object) null);
        jira.setStatus(onlyIssueOf(doomed).key, "In Progress");
        awaitStatusPolls(2);
        jira.setStatus(secondKey, "In Progress");
        await().atMost(Duration.ofSeconds(20)).until(() -> taskStatus(second) == 10);
        assertThat(taskStatus(first)).isZero();
        assertThat(jira.contractChecked()).isTrue();
        assertThat(jira.contractViolations()).isEmpty();
    }

    @Test
    void aFailedJiraCallFailsTheChangeWhichIsOfferedAgainAndSyncedOnce() throws Exception {
        startRoute(false, Map.of("jira.worklogs", "false", "jira.initial-delay", "600000", "jira.max-attempts", "1"));
        jira.throttleNext(6, "0");          // one attempt a call: each of these 429s fails the change's exchange
        Task task = createTask(Map.of("title", "After a bad minute", "priority", 30));
        awaitIssue(task);

        assertThat(jira.issuesLabelled("webwork-task-" + task.getId())).hasSize(1);
        assertThat(jira.requests("POST", ".*/search/jql").size()).as("the search was sent again after each failure")
                .isGreaterThanOrEqualTo(7);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(30))
                .until(() -> jira.issuesLabelled("webwork-task-" + task.getId()).size() == 1);
    }

    /** The three flows behind master: (as on a cluster with standbys) still sync both ways. */
    @Test
    void behindMasterTheFlowsRunOnTheLeader() throws Exception {
        FileLockClusterService cluster =
                new FileLockClusterService();
        cluster.setId("jira-leader");
        cluster.setRoot(stateDir.resolve("cluster").toString());
        cluster.setAcquireLockDelay(50, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(100, TimeUnit.MILLISECONDS);
        context.addService(cluster, true, true);
        startRoute(false, Map.of("webwork.ha.endpoint-prefix", "master:webwork-jira:"));

        assertThat(context.getRoutes()).as("tasks, time entries and the status timer behind master:")
                .filteredOn(r -> r.getEndpoint() instanceof MasterEndpoint)
                .extracting(r -> r.getRouteId())
                .containsExactlyInAnyOrder("webwork-tasks-to-jira", "jira-issue-status-to-webwork",
                        "webwork-time-entries-to-jira");
        Task task = createTask(Map.of("title", "Led", "priority", 30));
        awaitIssue(task);
        awaitStatusPolls(2);
        jira.setStatus(onlyIssueOf(task).key, "In Progress");
        await().atMost(Duration.ofSeconds(20)).until(() -> taskStatus(task) == 10);
    }
}
