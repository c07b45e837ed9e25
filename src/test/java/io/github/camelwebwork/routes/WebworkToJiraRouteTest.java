package io.github.camelwebwork.routes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.jira.JiraEmulator;
import io.github.camelwebwork.model.Task;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import io.github.camelwebwork.support.SandboxTestSupport;
import io.github.camelwebwork.support.YamlRoutes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * routes/webwork-to-jira.yaml, loaded as YAML DSL, against the WebWork sandbox and the Jira Cloud emulator (which
 * refuses requests outside Jira's published REST v3 contract and checks its own answers against it).
 */
class WebworkToJiraRouteTest extends SandboxTestSupport {

    private static final String TOKEN = "ATATT-test-token-7f3c";
    private static final String TASKS = "webwork:tasks?workspaceId=1&projectId=100&operation=";

    @TempDir
    Path stateDir;

    private JiraEmulator jira;

    @Override
    protected WebworkSandbox.Builder sandboxBuilder() {
        return WebworkSandbox.builder().rateLimit(6_000, Duration.ofMinutes(1));
    }

    @Override
    protected void configure(WebworkComponent webwork) {
        webwork.getConfiguration().setRateLimit(6_000);
    }

    @AfterEach
    void stopJira() {
        if (jira != null) {
            jira.close();
        }
    }

    private void startRoute(boolean snapshot) throws Exception {
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
        context.getPropertiesComponent().setOverrideProperties(properties);
        long scansBefore = taskScans();
        YamlRoutes.load(context, "webwork-to-jira.yaml");
        if (!snapshot) {     // the first scan is the silent starting point: wait for the second
            await().atMost(Duration.ofSeconds(20)).until(() -> taskScans() >= scansBefore + 2);
        }
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
        if (jira.contractChecked()) {
            assertThat(jira.contractViolations()).isEmpty();
        }
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
        for (String id : List.of("webwork-tasks-to-jira", "webwork-task-to-jira-issue", "jira-call")) {
            context.getRouteController().stopRoute(id);
            context.removeRoute(id);
        }
        context.getRegistry().unbind("jiraSync");
        context.getRegistry().unbind("jiraHttp");
        Files.deleteIfExists(stateDir.resolve("tasks-to-jira.state"));
        int searchesBefore = jira.requests("POST", ".*/search/jql").size();
        startRoute(true);
        int seeded = template.requestBody(TASKS + "list", null, List.class).size();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jira.requests("POST", ".*/search/jql").size() >= searchesBefore + seeded
                             && jira.issues().size() >= seeded);
        Thread.sleep(500);   // let a straggler (there should be none) show up

        assertThat(jira.issuesLabelled("webwork-task-" + task.getId())).hasSize(1);
        Map<String, Long> perLabel = jira.issues().stream()
                .collect(Collectors.groupingBy(i -> i.labels().get(0), Collectors.counting()));
        assertThat(perLabel.values()).as("one issue per task").allMatch(n -> n == 1);
        assertThat(jira.issues()).hasSize(seeded);
        if (jira.contractChecked()) {
            assertThat(jira.contractViolations()).isEmpty();
        }
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
}
