package io.github.camelwebwork.demo;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import io.github.camelwebwork.jira.JiraEmulator;
import io.github.camelwebwork.model.Task;
import io.github.camelwebwork.sandbox.SandboxTask;
import io.github.camelwebwork.sandbox.SandboxTime;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import io.github.camelwebwork.support.EmbeddedKafka;
import io.github.camelwebwork.support.EmbeddedMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The README's first command. Starts, in this JVM, the WebWork sandbox (seeded), a real Kafka broker (KRaft) and a
 * real SMTP/IMAP server (GreenMail), runs every route of {@code routes/} with Camel Main and short schedules, drives
 * each flow once and narrates it, then prints a summary (counts per flow, the export files, a saved copy of each
 * email) and exits: 0 when every flow did what it should, 1 otherwise. {@code --keep-running} leaves everything up
 * until Ctrl+C (or SIGTERM), which stops every service in order (see {@link DemoServices}) and exits with that same
 * status.
 */
public final class Demo {

    /** Every route of routes/ (the Jira flow against the Jira Cloud emulator of the test tree). */
    static final String ROUTES = "file:routes/tasks-lifecycle.yaml,file:routes/webwork-to-kafka.yaml,"
                                 + "file:routes/kafka-to-webwork.yaml,file:routes/scheduled-export.yaml,"
                                 + "file:routes/email-digests.yaml,file:routes/webwork-to-jira.yaml";
    /**
     * The routes call as Ethan Exec (user 101, Executive manager of workspace 1, which is all they touch) with a token
     * of their own. WebWork's budget is per user (H5), so the owner's printed token keeps its whole budget for the
     * newcomer's own calls, however busy the routes' one-second polls keep theirs.
     */
    static final String ROUTES_TOKEN = "demo-routes-token";
    private static final long ROUTES_USER = 101;
    private static final String JIRA_EMAIL = "demo-sync@acme.example";
    private static final String JIRA_PROJECT = "DEMO";
    static final Path OUT = Path.of("target", "demo");
    /** How long a step may take: they take seconds, a loaded machine may make that a minute; success never waits. */
    private static final Duration WAIT = Duration.ofSeconds(90);
    /**
     * The change-capture consumers' state files. Started with webwork.snapshot=false, each consumer's first scan is its
     * silent starting point, committed to its file: a record made before that is part of the starting point and never
     * emitted, so the flows that make records wait for these first.
     */
    private static final List<String> CONSUMER_STATES = List.of("tasks.state", "time-entries.state",
            "timesheets.state", "tasks-to-jira.state", "time-entries-to-jira.state");

    private final Map<String, String> summary = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    /** The exit status once the scripted part is over; a signal before that ends the JVM as signals do. */
    private volatile Integer verdict;

    private static final LocalTime MORNING_FROM = LocalTime.of(5, 0);
    private static final LocalTime MORNING_TO = LocalTime.of(6, 30);

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        boolean keepRunning = List.of(args).contains("--keep-running");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.camel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        System.setProperty("org.slf4j.simpleLogger.log.kafka", "error");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.zookeeper", "error");
        System.setProperty("org.slf4j.simpleLogger.log.state.change.logger", "error");   // Kafka's partition moves
        System.setProperty("org.slf4j.simpleLogger.log.org.quartz", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.com.icegreen", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.io.github.camelwebwork", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.task-lifecycle", "info");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "false");
        int exit = new Demo().run(keepRunning);
        System.exit(exit);                                        // Kafka leaves non-daemon threads behind
    }

    private int run(boolean keepRunning) throws Exception {
        deleteRecursively(OUT);
        Files.createDirectories(OUT);
        // 600 requests a minute instead of WebWork's 60, so that every flow runs within a minute
        DemoServices services = DemoServices.start(WebworkSandbox.builder().rateLimit(600, Duration.ofMinutes(1))
                        .addToken(ROUTES_TOKEN, ROUTES_USER),
                new JiraEmulator(JIRA_EMAIL, jiraToken(), JIRA_PROJECT), Demo::say);
        // Ctrl+C (SIGINT) or SIGTERM: every service stopped in DemoServices' order, whatever the demo is doing
        Thread stopOnSignal = new Thread(() -> stopOnSignal(services), "demo-stop");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        try (DemoMetrics metrics = DemoMetrics.start()) {
            return runFlows(services, metrics, keepRunning);
        } finally {
            services.close();
        }
    }

    /**
     * The shutdown hook. Once the demo has finished (kept running), a signal is its normal end: the exit status is
     * the demo's verdict, not the JVM's 128 + signal. Halting is safe then: everything is closed, and the demo's
     * Camel Main has no hook of its own (DemoServices disables it).
     */
    private void stopOnSignal(DemoServices services) {
        if (services.isClosed()) {
            return;                                           // the demo's own end (System.exit after close)
        }
        say("");
        say("Stopping (Camel, Kafka, mail, the WebWork sandbox, the Jira emulator) ...");
        services.close();
        say("Stopped.");
        Integer status = verdict;
        if (status != null) {
            Runtime.getRuntime().halt(status);
        }
    }

    private int runFlows(DemoServices services, DemoMetrics metrics, boolean keepRunning) throws Exception {
        WebworkSandbox sandbox = services.sandbox();
        EmbeddedKafka kafka = services.kafka();
        EmbeddedMail mail = services.mail();
        JiraEmulator jira = services.jira();
        say("WebWork sandbox  " + sandbox.baseUrl() + " (token " + sandbox.token() + ", Olivia Owner's, 600 requests/min"
            + " of its own; the routes call as Ethan Exec with a token of theirs)");
        say("Kafka (KRaft)    " + kafka.bootstrapServers());
        say("Mail (GreenMail) smtp 127.0.0.1:" + mail.smtpPort() + ", imap 127.0.0.1:" + mail.imapPort());
        say("Jira (emulator)  " + jira.baseUrl() + " (project " + JIRA_PROJECT + ", Jira Cloud REST v3)");
        jira.addUser("acc-rita", "rita@acme.example", "Rita Regular");
        List<String> changeTopics = List.of("webwork.tasks.changes", "webwork.time-entries.changes",
                "webwork.timesheets.changes");
        kafka.createTopics(new ArrayList<>(List.of("webwork.tasks.changes", "webwork.time-entries.changes",
                "webwork.timesheets.changes", "webwork.commands", "webwork.commands.dlq")),
                List.of("webwork.tasks.state", "webwork.time-entries.state", "webwork.timesheets.state"));

        say("Starting Camel Main with " + ROUTES + " ...");
        CamelContext camel = services.startCamel(properties(sandbox, kafka, mail, jira),
                Map.of("metricsRegistry", metrics.registry())).getCamelContext();
        ProducerTemplate template = camel.createProducerTemplate();
        say("Routes: " + camel.getRoutes().stream().map(r -> r.getRouteId()).sorted().toList());
        try {
            startingPoints();
            lifecycle(sandbox);
            changesToKafka(template, kafka, changeTopics);
            commandsFromKafka(sandbox, kafka);
            exports(template);
            digests(template, mail);
            jiraSync(template, sandbox, jira);
        } catch (RuntimeException e) {
            failures.add("the demo stopped: " + e);
        }
        say("");
        say("Summary");
        summary.forEach((flow, what) -> say(String.format("  %-22s %s", flow, what)));
        failures.forEach(f -> say("  FAILED: " + f));
        say(failures.isEmpty() ? "Demo finished successfully." : "Demo FAILED: see above.");
        int status = failures.isEmpty() ? 0 : 1;
        if (keepRunning) {
            verdict = status;
            yourOwnCalls(sandbox, kafka, mail, jira, metrics);
            say("Everything keeps running (--keep-running); Ctrl+C to stop.");
            new CountDownLatch(1).await();                    // until the shutdown hook ends the JVM
        }
        return status;
    }

    /** A fresh API token for the emulator each run (printed only for --keep-running, where it is of use). */
    private static String jiraToken() {
        return "demo-" + UUID.randomUUID();
    }

    private Map<String, String> properties(WebworkSandbox sandbox, EmbeddedKafka kafka, EmbeddedMail mail,
                                           JiraEmulator jira) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("camel.main.name", "camel-webwork-demo");
        p.put("camel.main.routesIncludePattern", ROUTES);
        p.put("camel.component.webwork.base-url", sandbox.baseUrl());
        p.put("camel.component.webwork.access-token", ROUTES_TOKEN);
        p.put("camel.component.webwork.rate-limit", "600");
        p.put("kafka.brokers", kafka.bootstrapServers());
        p.put("kafka.poll-timeout-ms", "500");
        // flow 1: poll every second, from now on, three days of time entries (today and the two before)
        p.put("webwork.poll-delay", "1000");
        p.put("webwork.initial-delay", "0");
        p.put("webwork.snapshot", "false");
        p.put("webwork.lookback-days", "2");
        p.put("webwork.state-dir", OUT.resolve("state").toString());
        // flow 2
        p.put("webwork.commands.idempotency-file", OUT.resolve("command-keys.dat").toString());
        p.put("webwork.commands.redelivery-delay", "200");
        // flow 3
        p.put("export.directory", OUT.resolve("exports").toString());
        // flow 4: run on demand here; GreenMail's plain SMTP port
        p.put("digest.schedules", "false");
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
        p.put("mail.smtp.starttls", "false");
        p.put("digest.approvers", "olivia@acme.example, ethan@acme.example");
        p.put("digest.team-managers", "tom@acme.example");
        p.put("digest.weekly-hours.recipients", "olivia@acme.example");
        p.put("digest.from", "WebWork digests <digests@acme.example>");
        // flow 5: project 100's tasks and their time entries <-> the emulator's project DEMO, polled every second
        p.put("webwork.project-id", "100");
        p.put("webwork.task-url", sandbox.baseUrl() + "/tasks/");
        p.put("jira.base-url", jira.baseUrl());
        p.put("jira.project-key", JIRA_PROJECT);
        p.put("jira.email", JIRA_EMAIL);
        p.put("jira.api-token", jira.apiToken());
        p.put("jira.poll-delay", "1000");
        p.put("jira.initial-delay", "0");
        p.put("jira.poll-overlap-ms", "5000");
        return p;
    }

    /** What a newcomer needs for calls of their own while everything keeps running. */
    private static void yourOwnCalls(WebworkSandbox sandbox, EmbeddedKafka kafka, EmbeddedMail mail, JiraEmulator jira,
                                     DemoMetrics metrics) {
        say("");
        say("Your own calls:");
        say("  WebWork  curl -H 'Authorization: Bearer " + sandbox.token() + "' '" + sandbox.baseUrl()
            + "/tasks?workspace_id=1&project_id=100'");
        say("           the token of Olivia Owner (user 100, Owner of workspaces 1 and 2), with 600 requests a minute of"
            + " its own:");
        say("           the routes call as Ethan Exec (user 101) with another token, and WebWork counts per user");
        say("  Jira     curl -u '" + JIRA_EMAIL + ":" + jira.apiToken() + "' '" + jira.baseUrl()
            + "/rest/api/3/search/jql?jql=project%3D" + JIRA_PROJECT + "&fields=summary,status'");
        say("           Basic auth with the e-mail and API token the Jira route uses (a new token each run)");
        say("  Kafka    " + kafka.bootstrapServers() + " (webwork.tasks.changes, webwork.commands, webwork.commands.dlq,"
            + " ...)");
        say("  Mail     smtp 127.0.0.1:" + mail.smtpPort() + ", imap 127.0.0.1:" + mail.imapPort());
        say("  Metrics  curl " + metrics.url());
        say("           the component's meters (docs/metrics.md) in the Prometheus text format");
    }

    /** Waits for every change-capture consumer's first scan: see {@link #CONSUMER_STATES}. */
    private void startingPoints() {
        Path dir = OUT.resolve("state");
        boolean started = await(() -> CONSUMER_STATES.stream().allMatch(f -> Files.exists(dir.resolve(f))));
        List<String> missing = CONSUMER_STATES.stream().filter(f -> !Files.exists(dir.resolve(f))).toList();
        if (!started) {
            failures.add("the change-capture consumers did not finish their first scans: no " + missing + " in " + dir);
        }
    }

    /** routes/tasks-lifecycle.yaml runs once at start: a task created, walked through every operation, deleted. */
    private void lifecycle(WebworkSandbox sandbox) {
        step("Flow 0", "tasks-lifecycle.yaml walks a task through every Tasks operation");
        boolean done = await(() -> sandbox.requests().stream()
                .anyMatch(r -> "DELETE".equals(r.method()) && r.path().matches("/api/v2/tasks/\\d+")));
        long calls = sandbox.requests().stream().filter(r -> r.path().startsWith("/api/v2/tasks")).count();
        check(done, "tasks-lifecycle", calls + " Tasks calls, the task deleted at the end",
                "the lifecycle route did not delete its task");
    }

    /** Flow 1: a task made in WebWork appears on Kafka. */
    private void changesToKafka(ProducerTemplate template, EmbeddedKafka kafka, List<String> topics) {
        step("Flow 1", "webwork-to-kafka.yaml: a task created in WebWork ...");
        Task task = template.requestBody("webwork:tasks?operation=create&workspaceId=1&projectId=100",
                Map.of("title", "Demo: made in WebWork"), Task.class);
        say("  created task " + task.getId() + " \"" + task.getTitle() + "\"; waiting for it on webwork.tasks.changes");
        String key = "1:tasks:" + task.getId();
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        boolean arrived = await(() -> {
            found.clear();
            found.addAll(kafka.readAll("webwork.tasks.changes", Duration.ofMillis(300)).stream()
                    .filter(r -> key.equals(r.key())).toList());
            return !found.isEmpty();
        });
        if (arrived) {
            ConsumerRecord<String, String> r = found.get(0);
            say("  ... arrived: key " + r.key() + ", ce_type " + header(r, "ce_type") + ", ce_id " + header(r, "ce_id"));
        }
        int total = topics.stream().mapToInt(t -> kafka.readAll(t, Duration.ofMillis(200)).size()).sum();
        check(arrived, "webwork-to-kafka", total + " change records on " + topics.size() + " topics",
                "task " + task.getId() + " never reached webwork.tasks.changes");
    }

    /** Flow 2: a command on Kafka creates a task; an invalid one goes to the dead-letter topic. */
    private void commandsFromKafka(WebworkSandbox sandbox, EmbeddedKafka kafka) {
        step("Flow 2", "kafka-to-webwork.yaml: a command on webwork.commands ...");
        String title = "Demo: made from a Kafka command";
        kafka.send("webwork.commands", "demo-cmd-1", "{\"id\":\"demo-cmd-1\",\"resource\":\"tasks\",\"operation\":"
                                                     + "\"create\",\"workspaceId\":1,\"projectId\":100,\"body\":"
                                                     + "{\"title\":\"" + title + "\"}}");
        kafka.send("webwork.commands", "demo-cmd-2", "{\"id\":\"demo-cmd-2\",\"resource\":\"tasks\",\"operation\":"
                                                     + "\"delete\",\"workspaceId\":1,\"projectId\":100}");
        boolean created = await(() -> sandbox.state().tasks(1, 100).stream().anyMatch(t -> title.equals(t.title())));
        List<ConsumerRecord<String, String>> dlq = new ArrayList<>();
        boolean deadLettered = await(() -> {
            dlq.clear();
            dlq.addAll(kafka.readAll("webwork.commands.dlq", Duration.ofMillis(300)));
            return !dlq.isEmpty();
        });
        if (created) {
            SandboxTask task = sandbox.state().tasks(1, 100).stream().filter(t -> title.equals(t.title()))
                    .findFirst().orElseThrow();
            say("  ... task " + task.id() + " \"" + title + "\" now exists in WebWork");
        }
        if (deadLettered) {
            say("  ... the invalid command went to webwork.commands.dlq: " + header(dlq.get(0), "dlq-reason"));
        }
        check(created && deadLettered, "kafka-to-webwork", "1 command applied, " + dlq.size() + " dead-lettered",
                "the command did not create its task or the invalid one was not dead-lettered");
    }

    /** Flow 3: last week's export, on demand instead of Monday 06:00. */
    private void exports(ProducerTemplate template) throws Exception {
        step("Flow 3", "scheduled-export.yaml: last week's export (on demand instead of Monday 06:00) ...");
        template.sendBody("direct:scheduled-export", null);
        List<Path> files;
        try (Stream<Path> list = Files.list(OUT.resolve("exports"))) {
            files = list.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
        files.forEach(f -> say("  ... wrote " + f + " (" + size(f) + " bytes)"));
        LocalDate monday = LocalDate.now(ZoneOffset.UTC).minusWeeks(1).with(DayOfWeek.MONDAY);
        check(files.size() == 4 && files.stream().allMatch(f -> f.getFileName().toString().contains("-W")),
                "scheduled-export", files.size() + " files for the week of " + monday + " in " + OUT.resolve("exports"),
                "expected 4 export files, got " + files);
    }

    /** Flow 4: the three digests, on demand; a copy of each email saved as .eml and .html. */
    private void digests(ProducerTemplate template, EmbeddedMail mail) throws Exception {
        step("Flow 4", "email-digests.yaml: approvals, weekly hours, attendance (on demand) ...");
        template.sendBody("direct:digest-approvals", null);
        template.sendBody("direct:digest-weekly-hours", null);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusWeeks(1).with(DayOfWeek.WEDNESDAY);
        template.sendBodyAndHeader("direct:digest-attendance", null, "CamelWebworkDate", day.toString());
        Path dir = OUT.resolve("mail");
        Files.createDirectories(dir);
        Map<String, MimeMessage> unique = new LinkedHashMap<>();
        await(() -> {
            try {
                for (MimeMessage m : mail.received()) {
                    unique.putIfAbsent(m.getMessageID(), m);
                }
                return unique.size() >= 3;
            } catch (Exception e) {
                return false;
            }
        });
        int n = 0;
        for (MimeMessage m : unique.values()) {
            n++;
            Path eml = dir.resolve("digest-" + n + ".eml");
            try (OutputStream out = new FileOutputStream(eml.toFile())) {
                m.writeTo(out);
            }
            Path html = dir.resolve("digest-" + n + ".html");
            Files.writeString(html, htmlPart(m));
            say("  ... \"" + m.getSubject() + "\" to " + String.join(", ", List.of(m.getAllRecipients()).stream()
                    .map(Object::toString).toList()) + " -> " + eml + ", " + html);
        }
        check(unique.size() >= 3, "email-digests", unique.size() + " emails, saved in " + dir,
                "expected 3 digest emails, got " + unique.size());
    }

    /**
     * The latest day on which Rita's early-morning slot is past, holds no time and fits her contract's week: manual
     * time is split around time already tracked and cut at the weekly hours limit (reference §7.8), which would make
     * two worklogs or none. The slot is in her zone (the seed's tracked time starts at 08:00 there), and the day is
     * within the demo's lookback (webwork.lookback-days=2, in UTC) whatever the hour.
     */
    private static LocalDate freeMorning(WebworkSandbox sandbox) {
        ZoneId zone = SandboxTime.zoneOf(sandbox.state().user(103).orElseThrow());
        Instant now = sandbox.state().clock().instant();        // the seed's clock: its "today" is the one it filled
        LocalDate today = LocalDate.ofInstant(now, zone);
        for (LocalDate day = today; !day.isBefore(today.minusDays(2)); day = day.minusDays(1)) {
            Instant from = day.atTime(MORNING_FROM).atZone(zone).toInstant();
            Instant to = day.atTime(MORNING_TO).atZone(zone).toInstant();
            boolean free = sandbox.state().timeEntries(1, 103, day).stream()
                    .noneMatch(e -> e.start().isBefore(to) && (e.end() == null || e.end().isAfter(from)));
            LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            long week = sandbox.state().timeEntries(1).stream()
                    .filter(e -> e.userId() == 103 && Long.valueOf(303).equals(e.contractId()))
                    .filter(e -> !e.date().isBefore(monday) && e.date().isBefore(monday.plusWeeks(1)))
                    .mapToLong(e -> e.durationMinutes(now)).sum();
            if (to.isBefore(now) && free && week + 90 <= 40 * 60) {
                return day;
            }
        }
        throw new IllegalStateException("no free morning for Rita's time entry in the last two days");
    }

    /**
     * Flow 5: a task made in WebWork becomes a Jira issue (assignee mapped by e-mail), a time entry on it becomes a
     * worklog, and the issue finished in Jira finishes the task.
     */
    private void jiraSync(ProducerTemplate template, WebworkSandbox sandbox, JiraEmulator jira) {
        step("Flow 5", "webwork-to-jira.yaml: a task made in WebWork, assigned to Rita ...");
        Task task = template.requestBody("webwork:tasks?operation=create&workspaceId=1&projectId=100",
                Map.of("title", "Demo: synced with Jira", "priority", 20, "assignees", List.of(103),
                        "description", "Made in WebWork by the demo"), Task.class);
        String label = "webwork-task-" + task.getId();
        boolean issued = await(() -> jira.issuesLabelled(label).size() == 1
                                     && !jira.issuesLabelled(label).get(0).remoteLinks.isEmpty());
        if (!issued) {
            check(false, "webwork-to-jira", "", "task " + task.getId() + " never became a Jira issue");
            return;
        }
        JiraEmulator.Issue issue = jira.issuesLabelled(label).get(0);
        say("  ... became Jira issue " + issue.key + " \"" + issue.summary() + "\", assignee "
            + issue.assigneeAccountId() + ", remote link " + issue.remoteLinks.keySet());
        LocalDate day = freeMorning(sandbox);
        template.requestBody("webwork:time-entries?operation=create&workspaceId=1", Map.of("user_id", 103,
                "contract_id", 303, "task_id", task.getId(), "date", day.toString(), "start_time", MORNING_FROM
                .toString(), "end_time", MORNING_TO.toString(), "notes", "Demo: worked on the Jira sync"));
        say("  time booked on it in WebWork (1 h 30 min on " + day + ", " + MORNING_FROM + " to " + MORNING_TO
            + ") ...");
        boolean logged = await(() -> jira.worklogs(issue.key).size() == 1);
        if (logged) {
            say("  ... became worklog " + jira.worklogs(issue.key).get(0).path("id").asText() + " on " + issue.key + " ("
                + jira.worklogs(issue.key).get(0).path("timeSpent").asText() + ", started "
                + jira.worklogs(issue.key).get(0).path("started").asText() + ")");
        }
        say("  a Jira user moves " + issue.key + " to Done ...");
        jira.setStatus(issue.key, "Done");
        boolean finished = await(() -> sandbox.state().tasks(1, 100).stream()
                .anyMatch(t -> t.id() == task.getId() && t.status() == 20));
        if (finished) {
            say("  ... task " + task.getId() + " is Done in WebWork");
        }
        check(issued && logged && finished && "acc-rita".equals(issue.assigneeAccountId()), "webwork-to-jira",
                jira.issues().size() + " issues in " + JIRA_PROJECT + ", 1 worklog, 1 status synced back",
                "issue " + issued + ", worklog " + logged + ", status back " + finished + ", assignee "
                + issue.assigneeAccountId());
    }

    private static String htmlPart(MimeMessage m) throws Exception {
        Object content = m.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/html")) {
                    return part.getContent().toString();
                }
            }
        }
        return String.valueOf(content);
    }

    private void check(boolean ok, String flow, String what, String failure) {
        summary.put(flow, (ok ? "OK    " : "FAIL  ") + what);
        if (!ok) {
            failures.add(flow + ": " + failure);
        }
    }

    /** Polls a condition until it holds or {@link #WAIT} passes (the demo's own clock; no test framework here). */
    private static boolean await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        return condition.getAsBoolean();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void step(String flow, String text) {
        say("");
        say(flow + ": " + text);
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
