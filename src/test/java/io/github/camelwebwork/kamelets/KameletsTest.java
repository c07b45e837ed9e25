package io.github.camelwebwork.kamelets;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.model.Task;
import io.github.camelwebwork.sandbox.SandboxProject;
import io.github.camelwebwork.sandbox.SandboxTask;
import io.github.camelwebwork.sandbox.SandboxTimesheet;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import io.github.camelwebwork.support.SandboxTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every Kamelet shipped in src/main/resources/kamelets, resolved by name from the classpath by camel-kamelet (as
 * Camel JBang and Camel K do with the jar as a dependency) and run against the sandbox. The access token and the
 * base URL are given as Kamelet properties ({@code camel.kamelet.<name>.<property>}), the way a user keeps them out
 * of the route.
 */
class KameletsTest extends SandboxTestSupport {

    private static final List<String> KAMELETS = List.of("webwork-source", "webwork-sink", "webwork-task-source",
            "webwork-time-entry-source", "webwork-create-task-sink", "webwork-timesheet-approval-source");

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected WebworkSandbox.Builder sandboxBuilder() {
        return WebworkSandbox.builder().noRateLimit();
    }

    @Override
    protected void configure(WebworkComponent webwork) {
        webwork.getConfiguration().setRateLimit(6000);
    }

    @BeforeEach
    void kameletProperties() {
        Properties properties = new Properties();
        for (String name : KAMELETS) {
            properties.put("camel.kamelet." + name + ".accessToken", sandbox.token());
            properties.put("camel.kamelet." + name + ".baseUrl", sandbox.baseUrl());
        }
        context.getPropertiesComponent().setOverrideProperties(properties);
    }

    @Test
    void everyShippedKameletIsRunHere() throws Exception {
        assertThat(KameletConventionsTest.kamelets()).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(KAMELETS.stream().map(n -> n + ".kamelet.yaml").toList());
    }

    @Test
    void taskSourceEmitsATaskCreatedInWebwork() throws Exception {
        SandboxProject project = sandbox.state().addProject(1, "Kamelet project");
        MockEndpoint tasks = context.getEndpoint("mock:tasks", MockEndpoint.class);
        addRoute("kamelet:webwork-task-source?workspaceId=1&projectId=" + project.id() + "&delay=200", "mock:tasks");

        SandboxTask created = sandbox.state().addTask(1, project.id(), "Write the Kamelets");

        await().atMost(Duration.ofSeconds(15)).until(() -> tasks.getReceivedCounter() >= 1);
        Exchange change = tasks.getReceivedExchanges().get(0);
        assertThat(change.getMessage().getBody()).as("JSON text, readable more than once").isInstanceOf(String.class);
        JsonNode body = json.readTree(change.getMessage().getBody(String.class));
        assertThat(body.get("id").asLong()).isEqualTo(created.id());
        assertThat(body.get("title").asText()).isEqualTo("Write the Kamelets");
        assertThat(body.get("project_id").asLong()).as("wire names").isEqualTo(project.id());
        assertThat(change.getMessage().getHeader("CamelWebworkChangeType", String.class)).isEqualTo("CREATED");
        assertThat(change.getMessage().getHeader("CamelWebworkKey", String.class)).isEqualTo("1:tasks:" + created.id());
        assertThat(change.getMessage().getHeader("Content-Type", String.class)).isEqualTo("application/json");
        assertThat(tasks.getReceivedCounter()).as("only the new task's project").isEqualTo(1);
    }

    @Test
    void genericSourceFollowsAnyResourceAndSeesUpdates() throws Exception {
        SandboxProject project = sandbox.state().addProject(1, "Generic source");
        SandboxTask task = sandbox.state().addTask(1, project.id(), "Before");
        MockEndpoint changes = context.getEndpoint("mock:changes", MockEndpoint.class);
        addRoute("kamelet:webwork-source?resource=tasks&workspaceId=1&projectId=" + project.id() + "&delay=200",
                "mock:changes");
        await().atMost(Duration.ofSeconds(15)).until(() -> changes.getReceivedCounter() >= 1);

        template.requestBodyAndHeader("webwork:tasks?operation=update&workspaceId=1&projectId=" + project.id(),
                Map.of("title", "After"), "CamelWebworkTaskId", task.id());

        await().atMost(Duration.ofSeconds(15)).until(() -> changes.getReceivedCounter() >= 2);
        List<Exchange> received = changes.getReceivedExchanges();
        assertThat(received).extracting(e -> e.getMessage().getHeader("CamelWebworkChangeType", String.class))
                .containsExactly("CREATED", "UPDATED");
        assertThat(json.readTree(received.get(1).getMessage().getBody(String.class)).get("title").asText())
                .isEqualTo("After");
    }

    @Test
    void genericSourceFollowsTimeEntriesAcrossMembersAndDays() throws Exception {
        String yesterday = LocalDate.now(clock()).minusDays(1).toString();
        MockEndpoint changes = context.getEndpoint("mock:generic-entries", MockEndpoint.class);
        addRoute("kamelet:webwork-source?resource=time-entries&workspaceId=1&lookbackDays=1&snapshot=false&delay=200",
                "mock:generic-entries");
        long scans = sandbox.requests().stream().filter(r -> r.path().equals("/api/v2/members")).count();
        await().atMost(Duration.ofSeconds(20))      // past the silent first scan
                .until(() -> sandbox.requests().stream().filter(r -> r.path().equals("/api/v2/members")).count()
                             >= scans + 2);
        template.requestBody("webwork:time-entries?operation=create&workspaceId=1&userId=104&contractId=309&date="
                + yesterday, Map.of("start_time", "07:00", "end_time", "07:45", "notes", "Generic entry"));
        String id = sandbox.state().timeEntries(1).stream().filter(e -> "Generic entry".equals(e.activityDescription())
                                                                        || "Generic entry".equals(e.notes()))
                .findFirst().orElseThrow().id();
        await().atMost(Duration.ofSeconds(20)).until(() -> changes.getReceivedCounter() >= 1);
        template.requestBody("webwork:time-entries?operation=update&workspaceId=1&timeEntryId=" + id,
                Map.of("end_time", "08:00"));
        await().atMost(Duration.ofSeconds(20)).until(() -> changes.getReceivedCounter() >= 2);

        List<Exchange> received = changes.getReceivedExchanges();
        assertThat(received).extracting(e -> e.getMessage().getHeader("CamelWebworkChangeType", String.class))
                .containsExactly("CREATED", "UPDATED");
        assertThat(received).allSatisfy(e -> assertThat(e.getMessage().getHeader("CamelWebworkResource"))
                .isEqualTo("time-entries"));
        assertThat(json.readTree(received.get(1).getMessage().getBody(String.class)).get("duration_minutes").asInt())
                .isEqualTo(60);
    }

    @Test
    void timeEntrySourceEmitsATimeEntryAddedInWebwork() throws Exception {
        String yesterday = LocalDate.now(clock()).minusDays(1).toString();
        template.requestBody("webwork:time-entries?operation=create&workspaceId=1&userId=100&contractId=300&date="
                + yesterday, Map.of("start_time", "21:00", "end_time", "21:30", "notes", "Kamelet entry"));
        MockEndpoint entries = context.getEndpoint("mock:entries", MockEndpoint.class);
        addRoute("kamelet:webwork-time-entry-source?workspaceId=1&lookbackDays=1&delay=200", "mock:entries");

        await().atMost(Duration.ofSeconds(20)).until(() -> entries.getReceivedExchanges().stream()
                .anyMatch(e -> e.getMessage().getBody(String.class).contains("Kamelet entry")));
        Exchange mine = entries.getReceivedExchanges().stream()
                .filter(e -> e.getMessage().getBody(String.class).contains("Kamelet entry")).findFirst().orElseThrow();
        assertThat(mine.getMessage().getHeader("CamelWebworkResource", String.class)).isEqualTo("time-entries");
        assertThat(mine.getMessage().getHeader("CamelWebworkChangeType", String.class)).isEqualTo("CREATED");
        JsonNode body = json.readTree(mine.getMessage().getBody(String.class));
        assertThat(body.get("activity_description").asText()).isEqualTo("Kamelet entry");
        assertThat(body.get("date").asText()).isEqualTo(yesterday);
    }

    @Test
    void timesheetApprovalSourceEmitsSubmittedTimesheetsOnly() throws Exception {
        List<String> submitted = sandbox.state().timesheets(1).stream()
                .filter(t -> t.status().equals("submitted")).map(SandboxTimesheet::id).toList();
        SandboxTimesheet pending = sandbox.state().timesheets(1).stream()
                .filter(t -> t.status().equals("pending")).findFirst().orElseThrow();
        MockEndpoint queue = context.getEndpoint("mock:queue", MockEndpoint.class);
        addRoute("kamelet:webwork-timesheet-approval-source?workspaceId=1&delay=200", "mock:queue");
        await().atMost(Duration.ofSeconds(15)).until(() -> queue.getReceivedCounter() >= submitted.size());

        template.requestBodyAndHeader("webwork:timesheets?operation=submit&workspaceId=1", null,
                "CamelWebworkTimesheetId", pending.id());

        await().atMost(Duration.ofSeconds(15)).until(() -> queue.getReceivedCounter() >= submitted.size() + 1);
        // a few more scans: nothing else enters the queue
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(30))
                .until(() -> queue.getReceivedCounter() == submitted.size() + 1);
        List<JsonNode> bodies = queue.getReceivedExchanges().stream()
                .map(e -> readJson(e.getMessage().getBody(String.class))).toList();
        assertThat(bodies).allSatisfy(b -> assertThat(b.get("status").asText()).isEqualTo("submitted"));
        assertThat(bodies).extracting(b -> b.get("id").asText())
                .containsExactlyInAnyOrderElementsOf(concat(submitted, pending.id()));
    }

    @Test
    void createTaskSinkCreatesATaskInTheProject() throws Exception {
        addRoute("direct:new-task", "kamelet:webwork-create-task-sink?workspaceId=1&projectId=101");

        Exchange result = template.request("direct:new-task", e -> e.getMessage()
                .setBody("{\"title\": \"Created by a Kamelet\", \"priority\": 20}".getBytes()));

        assertThat(result.getException()).isNull();
        List<SandboxTask> created = sandbox.state().tasks(1, 101).stream()
                .filter(t -> t.title().equals("Created by a Kamelet")).toList();
        assertThat(created).hasSize(1);
        assertThat(created.get(0).priority()).isEqualTo(20);
        assertThat(result.getMessage().getHeader("CamelWebworkTaskId", Long.class)).isEqualTo(created.get(0).id());
    }

    @Test
    void sinkRunsAnyOperation() throws Exception {
        addRoute("direct:create", "kamelet:webwork-sink?resource=tasks&operation=create&workspaceId=1&projectId=102");
        addRoute("direct:approve", "kamelet:webwork-sink?resource=timesheets&operation=approve&workspaceId=1");

        Exchange created = template.request("direct:create",
                e -> e.getMessage().setBody("{\"title\": \"Via the generic sink\"}"));
        assertThat(created.getException()).isNull();
        assertThat(created.getMessage().getBody(Task.class).getTitle()).isEqualTo("Via the generic sink");
        assertThat(sandbox.state().tasks(1, 102)).extracting(SandboxTask::title).contains("Via the generic sink");

        SandboxTimesheet submitted = sandbox.state().timesheets(1).stream()
                .filter(t -> t.status().equals("submitted")).findFirst().orElseThrow();
        Exchange approved = template.request("direct:approve",
                e -> e.getMessage().setHeader("CamelWebworkTimesheetId", submitted.id()));
        assertThat(approved.getException()).isNull();
        assertThat(sandbox.state().timesheet(submitted.id()).orElseThrow().status()).isEqualTo("approved");
    }

    private void addRoute(String from, String to) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(to);
            }
        });
    }

    private JsonNode readJson(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> concat(List<String> list, String one) {
        List<String> all = new ArrayList<>(list);
        all.add(one);
        return all;
    }
}
