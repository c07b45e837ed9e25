package io.github.camelwebwork.routes.kafka;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.sandbox.FaultKind;
import io.github.camelwebwork.sandbox.FaultPlan;
import io.github.camelwebwork.sandbox.RecordedRequest;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxTask;
import io.github.camelwebwork.sandbox.SandboxTimeEntry;
import io.github.camelwebwork.sandbox.SandboxTimesheet;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import io.github.camelwebwork.state.InvalidStateException;
import io.github.camelwebwork.state.StateFileIdempotentRepository;
import io.github.camelwebwork.support.Damage;
import io.github.camelwebwork.support.EmbeddedKafka;
import io.github.camelwebwork.support.SandboxTestSupport;
import io.github.camelwebwork.support.YamlRoutes;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * routes/kafka-to-webwork.yaml, loaded as YAML DSL, on a real (embedded, KRaft) Kafka broker against the sandbox with
 * injected faults: 1,000 commands, 10% of them invalid, 20% of the sandbox's answers faulted (resets after processing
 * included), the route stopped and started while commands flow, then every record read a second time.
 */
class KafkaToWebworkRouteTest extends SandboxTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaToWebworkRouteTest.class);
    private static final String ROUTE = "webwork-commands";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmbeddedKafka kafka;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Override
    protected WebworkSandbox.Builder sandboxBuilder() {
        // a high limit over a short window: an injected 429 burst says "X-RateLimit-Remaining: 0", which makes the
        // component wait out the rest of the window (a minute with the API's real window)
        return WebworkSandbox.builder().rateLimit(100_000, Duration.ofMillis(250));
    }

    @Override
    protected void configure(WebworkComponent webwork) {
        webwork.getConfiguration().setRateLimit(100_000);
        webwork.getConfiguration().setRateLimitWindow(250);
        webwork.getConfiguration().setMaxAttempts(6);
        webwork.getConfiguration().setRetryInitialBackoff(5);
        webwork.getConfiguration().setRetryMaxBackoff(40);
    }

    // ---- the proof ------------------------------------------------------------------------------------------

    @Test
    void thousandCommandsWithFaultsAndARestartAreAppliedExactlyOnce() throws Exception {
        Commands commands = prepare("cmds", 1000);
        // 20% of all requests faulted, of seven kinds; three of them process the request and then lose the answer
        sandbox.faults(FaultPlan.builder().seed(20_240_517L).share(0.2)
                .kinds(FaultKind.HTTP_500, FaultKind.HTTP_503, FaultKind.RESET_BEFORE, FaultKind.RESET_AFTER,
                        FaultKind.TRUNCATED_JSON, FaultKind.MALFORMED_JSON, FaultKind.BURST_429)
                .burstLength(2).burstRetryAfter(Duration.ofMillis(20)).build());
        NotifyBuilder third = new NotifyBuilder(context).fromRoute(ROUTE).whenDone(300).create();

        YamlRoutes.load(context, "kafka-to-webwork.yaml");
        AtomicInteger first = sendPaced(commands.topic, commands.records.subList(0, 600), 50, 20);
        await().atMost(Duration.ofMinutes(3)).until(() -> first.get() == 600);    // a bound on a hang, not a pace

        assertThat(third.matches(90, TimeUnit.SECONDS)).as("300 commands done").isTrue();
        // 200 more commands arrive while the route is stopped and started again, the last 200 once it runs again:
        // the order is the test's, not the threads' speed
        AtomicInteger rest = sendPaced(commands.topic, commands.records.subList(600, 800), 10, 50);
        context.getRouteController().stopRoute(ROUTE);          // graceful: the exchange in flight completes first
        assertThat(context.getRouteController().getRouteStatus(ROUTE)).isEqualTo(ServiceStatus.Stopped);
        long committedAtStop = committed(commands.group, commands.topic);
        int sentAtStop = 600 + rest.get();
        context.getRouteController().startRoute(ROUTE);
        int sentAtStart = 600 + rest.get();
        assertThat(committedAtStop).as("stopped midway").isBetween(300L, 799L);
        await().atMost(Duration.ofMinutes(3)).until(() -> rest.get() == 200);
        AtomicInteger last = sendPaced(commands.topic, commands.records.subList(800, 1000), 50, 20);

        awaitCommitted(commands.group, commands.topic, 1000);
        assertThat(last.get()).isEqualTo(200);
        LOG.info("route stopped after {} committed, {} sent, restarted with {} sent; faults injected: {}",
                committedAtStop, sentAtStop, sentAtStart, sandbox.faultsInjected());

        assertAppliedExactlyOnce(commands);
        List<ConsumerRecord<String, String>> dlq = kafka.readAll(commands.dlqTopic, Duration.ofSeconds(1));
        assertDeadLetters(commands, dlq, 1);
        assertThat(sandbox.faultsInjected()).containsKeys(FaultKind.RESET_AFTER, FaultKind.TRUNCATED_JSON,
                FaultKind.MALFORMED_JSON, FaultKind.RESET_BEFORE, FaultKind.HTTP_500, FaultKind.BURST_429);
        StateFileIdempotentRepository persisted = new StateFileIdempotentRepository(tmp.resolve("keys.dat"));
        persisted.start();
        assertThat(persisted.contains("tasks.create:" + commands.valid.stream()
                .filter(c -> c.kind.equals("tasks.create")).map(c -> c.id).filter(id -> id != null).findFirst()
                .orElseThrow())).as("the persisted idempotency keys").isTrue();

        // every record read again, as after a crash that lost the committed offsets: nothing is created twice
        context.getRouteController().stopRoute(ROUTE);
        resetOffsets(commands.group, commands.topic);
        context.getRouteController().startRoute(ROUTE);
        awaitCommitted(commands.group, commands.topic, 1000);

        assertAppliedExactlyOnce(commands);
        assertDeadLetters(commands, kafka.readAll(commands.dlqTopic, Duration.ofSeconds(1)), 2);
    }

    @Test
    void aCommandSentTwiceWithItsIdCreatesOneTask() throws Exception {
        String topic = "dup-cmds";
        kafka.createTopics(List.of(topic, topic + ".dlq"), List.of());
        useProperties(topic, "dup-group");
        String command = "{\"id\": \"dup-1\", \"resource\": \"tasks\", \"operation\": \"create\", \"projectId\": 101,"
                         + " \"body\": {\"title\": \"Sent twice\"}}";
        YamlRoutes.load(context, "kafka-to-webwork.yaml");
        kafka.send(topic, "dup-1", command);
        kafka.send(topic, "dup-1", command);

        awaitCommitted("dup-group", topic, 2);
        assertThat(sandbox.state().tasks(1, 101)).filteredOn(t -> t.title().equals("Sent twice")).hasSize(1);
        assertThat(requests()).filteredOn(r -> r.method().equals("POST") && r.path().equals("/api/v2/tasks"))
                .hasSize(1);
        assertThat(kafka.readAll(topic + ".dlq", Duration.ofMillis(500))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void aDamagedKeyFileStopsTheRouteFromStartingAndNothingIsSent(Damage damage) throws Exception {
        String topic = "damaged-keys-" + damage.name().toLowerCase(Locale.ROOT);
        kafka.createTopics(List.of(topic, topic + ".dlq"), List.of());
        useProperties(topic, topic + "-group");
        Path keys = tmp.resolve("keys.dat");
        keyFileWith(keys, "tasks.create:sent-1", "tasks.create:sent-2");
        damage.apply(keys);
        kafka.send(topic, "sent-1", createCommand("sent-1", "Sent before the crash"));

        Throwable failure = catchThrowable(() -> YamlRoutes.load(context, "kafka-to-webwork.yaml"));

        assertThat(rootCause(failure)).isInstanceOf(InvalidStateException.class)
                .hasMessageStartingWith("The idempotency-key state file " + keys + " is damaged: ")
                .hasMessageContaining("webwork.commands.on-invalid-state=now").hasMessageContaining("delete the file");
        assertThat(context.getRoute(ROUTE)).as("the route was not added").isNull();
        assertThat(requests()).as("nothing was sent").isEmpty();
        assertThat(keys).exists();
    }

    @Test
    void onInvalidStateNowMovesTheKeyFileAsideAndStartsWithNoKeys() throws Exception {
        String topic = "recovered-keys";
        kafka.createTopics(List.of(topic, topic + ".dlq"), List.of());
        useProperties(topic, topic + "-group", Map.of("webwork.commands.on-invalid-state", "now"));
        Path keys = tmp.resolve("keys.dat");
        keyFileWith(keys, "tasks.create:sent-1");
        Damage.EMPTY.apply(keys);

        YamlRoutes.load(context, "kafka-to-webwork.yaml");
        kafka.send(topic, "new-1", createCommand("new-1", "After the recovery"));

        awaitCommitted(topic + "-group", topic, 1);
        assertThat(tmp.resolve("keys.dat.invalid")).as("the damaged file is kept").isEmptyFile();
        assertThat(sandbox.state().tasks(1, 101)).filteredOn(t -> t.title().equals("After the recovery")).hasSize(1);
        StateFileIdempotentRepository written = new StateFileIdempotentRepository(keys);
        written.start();
        assertThat(written.contains("tasks.create:new-1")).isTrue();
    }

    @Test
    void aKeyFileOfCamelsFileIdempotentRepositoryIsMigratedAndItsKeysStillCount() throws Exception {
        String topic = "migrated-keys";
        kafka.createTopics(List.of(topic, topic + ".dlq"), List.of());
        useProperties(topic, topic + "-group");
        Path keys = tmp.resolve("keys.dat");
        var old = FileIdempotentRepository
                .fileIdempotentRepository(keys.toFile());
        old.start();
        old.add("tasks.create:old-1");
        old.stop();
        sandbox.state().addTask(1, 101, "Made by the old version");

        YamlRoutes.load(context, "kafka-to-webwork.yaml");
        kafka.send(topic, "old-1", createCommand("old-1", "Made by the old version"));

        awaitCommitted(topic + "-group", topic, 1);
        assertThat(sandbox.state().tasks(1, 101)).as("the key was seen: looked up, found, not created again")
                .filteredOn(t -> t.title().equals("Made by the old version")).hasSize(1);
        assertThat(Files.readString(keys)).startsWith("# camel-webwork state v1 idempotency-keys ");
    }

    private static void keyFileWith(Path file, String... keys) throws Exception {
        StateFileIdempotentRepository repository = new StateFileIdempotentRepository(file);
        repository.start();
        for (String key : keys) {
            repository.add(key);
        }
        repository.stop();
    }

    private static String createCommand(String id, String title) {
        return "{\"id\": \"" + id + "\", \"resource\": \"tasks\", \"operation\": \"create\", \"projectId\": 101,"
               + " \"body\": {\"title\": \"" + title + "\"}}";
    }

    private static Throwable rootCause(Throwable t) {
        assertThat(t).as("it failed").isNotNull();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    // ---- the commands ---------------------------------------------------------------------------------------

    /** One command as sent, and what it must do. */
    record Command(String id, String kind, String payload, String expectedError, Integer expectedStatus,
                   Map<String, String> facts) {
    }

    record Commands(String topic, String dlqTopic, String group, List<ProducerRecord<String, String>> records,
                    List<Command> valid, List<Command> invalid) {
    }

    /**
     * Builds the commands (seeded, shuffled) and the sandbox data they act on: tasks to update, submitted and pending
     * timesheets. 10% invalid of six kinds; among the valid ones some without an id and some sent twice.
     */
    private Commands prepare(String topic, int total) {
        kafka.createTopics(List.of(topic, topic + ".dlq"), List.of());
        String group = topic + "-group";
        useProperties(topic, group);
        SandboxState state = sandbox.state();
        LocalDate today = LocalDate.now(state.clock());
        List<SandboxTask> toUpdate = state.addTasks(60, i -> SandboxTask.builder(1, 102, "Update target " + i));
        List<String> submitted = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long user = 101 + i % 4;
            LocalDate monday = today.minusWeeks(30 + i / 4).with(DayOfWeek.MONDAY);
            SandboxTimesheet sheet = SandboxTimesheet.pending(1, user, monday, null);
            if (i < 50) {
                state.addTimesheet(sheet.submitted(user, state.now()));
                submitted.add(sheet.id());
            } else {
                state.addTimesheet(sheet);
                pending.add(sheet.id());
            }
        }

        Random random = new Random(42);
        List<Command> valid = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < 640; i++, n++) {        // tasks.create; every 20th without an id
            String id = i % 20 == 7 ? null : String.format("cmd-%04d", n);
            long project = 100 + i % 3;
            String title = String.format("Command task %04d", n);
            ObjectNode c = command(id, "tasks", "create").put("projectId", project);
            c.putObject("body").put("title", title).put("description", "from Kafka command " + n)
                    .put("priority", List.of("urgent", "high", "normal", "low").get(random.nextInt(4)));
            valid.add(new Command(id, "tasks.create", c.toString(), null, null,
                    Map.of("title", title, "project", String.valueOf(project))));
        }
        for (int i = 0; i < 60; i++, n++) {         // tasks.update, one task each
            String id = String.format("cmd-%04d", n);
            SandboxTask task = toUpdate.get(i);
            String description = "updated by " + id;
            ObjectNode c = command(id, "tasks", "update").put("projectId", 102).put("taskId", task.id());
            c.putObject("body").put("description", description).put("status", 10);
            valid.add(new Command(id, "tasks.update", c.toString(), null, null,
                    Map.of("taskId", String.valueOf(task.id()), "description", description)));
        }
        // time-entries.create, distinct slots long ago, for member 104 (time zone UTC): the component's look-up of a
        // time entry compares wall-clock times without the member's time zone (see the report), so a member in
        // another zone would be booked again after a lost answer
        for (int i = 0; i < 130; i++, n++) {
            String id = String.format("cmd-%04d", n);
            long user = 104;
            LocalDate date = today.minusDays(70 + i / 8);
            LocalTime start = LocalTime.of(8, 0).plusMinutes(60L * (i % 8));
            String notes = "Booked by " + id;
            ObjectNode c = command(id, "time-entries", "create").put("userId", user).put("date", date.toString());
            c.putObject("body").put("start_time", start.toString()).put("end_time", start.plusMinutes(45).toString())
                    .put("notes", notes);
            valid.add(new Command(id, "time-entries.create", c.toString(), null, null,
                    Map.of("notes", notes, "user", String.valueOf(user))));
        }
        for (int i = 0; i < 50; i++, n++) {         // timesheets.approve (40) and reject (10)
            String id = String.format("cmd-%04d", n);
            boolean reject = i >= 40;
            ObjectNode c = command(id, "timesheets", reject ? "reject" : "approve").put("timesheetId", submitted.get(i));
            if (reject) {
                c.put("reason", "Missing project notes (" + id + ")");
            }
            valid.add(new Command(id, reject ? "timesheets.reject" : "timesheets.approve", c.toString(), null, null,
                    Map.of("timesheetId", submitted.get(i), "status", reject ? "rejected" : "approved")));
        }

        List<Command> invalid = new ArrayList<>();
        for (int i = 0; i < total / 10; i++, n++) {
            String id = String.format("bad-%04d", n);
            switch (i % 6) {
                case 0 -> invalid.add(new Command(id, "not-json", "{\"id\": \"" + id + "\", \"resource\": tasks", "invalid-command",
                        null, Map.of()));
                case 1 -> invalid.add(new Command(id, "tasks.delete",
                        command(id, "tasks", "delete").put("projectId", 100).put("taskId", 500).toString(),
                        "invalid-command", null, Map.of()));
                case 2 -> {
                    ObjectNode c = command(id, "tasks", "create").put("projectId", 100);
                    c.putObject("body").put("description", "no title");
                    invalid.add(new Command(id, "tasks.create", c.toString(), "invalid-command", null, Map.of()));
                }
                case 3 -> {
                    ObjectNode c = command(id, "tasks", "create").put("projectId", 100);
                    c.putObject("body").put("title", "Bad priority " + id).put("priority", "whenever");
                    invalid.add(new Command(id, "tasks.create", c.toString(), "invalid-request", null, Map.of()));
                }
                case 4 -> {
                    ObjectNode c = command(id, "tasks", "update").put("projectId", 100).put("taskId", 987_654);
                    c.putObject("body").put("description", "no such task");
                    invalid.add(new Command(id, "tasks.update", c.toString(), "api-error", 404, Map.of()));
                }
                default -> invalid.add(new Command(id, "timesheets.approve",
                        command(id, "timesheets", "approve").put("timesheetId", pending.get(i % pending.size()))
                                .toString(), "api-error", 422, Map.of()));
            }
        }

        int duplicates = total - valid.size() - invalid.size();
        List<Command> withId = valid.stream().filter(c -> c.id != null).toList();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        valid.forEach(c -> records.add(new ProducerRecord<>(topic, c.id, c.payload)));
        invalid.forEach(c -> records.add(new ProducerRecord<>(topic, c.id, c.payload)));
        for (int i = 0; i < duplicates; i++) {     // sent twice: same id, same payload
            Command again = withId.get(random.nextInt(withId.size()));
            records.add(new ProducerRecord<>(topic, again.id, again.payload));
        }
        Collections.shuffle(records, random);
        assertThat(records).hasSize(total);
        assertThat(duplicates).isPositive();
        return new Commands(topic, topic + ".dlq", group, records, valid, invalid);
    }

    private static ObjectNode command(String id, String resource, String operation) {
        ObjectNode c = JSON.createObjectNode();
        if (id != null) {
            c.put("id", id);
        }
        return c.put("resource", resource).put("operation", operation);
    }

    private void useProperties(String topic, String group) {
        useProperties(topic, group, Map.of());
    }

    private void useProperties(String topic, String group, Map<String, String> more) {
        Properties p = new Properties();
        p.put("kafka.brokers", kafka.bootstrapServers());
        p.put("kafka.poll-timeout-ms", "500");
        p.put("webwork.workspace-id", "1");
        p.put("webwork.commands.topic", topic);
        p.put("webwork.commands.dlq-topic", topic + ".dlq");
        p.put("webwork.commands.group-id", group);
        p.put("webwork.commands.idempotency-file", tmp.resolve("keys.dat").toString());
        p.put("webwork.commands.redelivery-delay", "20");
        p.putAll(more);
        context.getPropertiesComponent().setOverrideProperties(p);
    }

    // ---- the checks -----------------------------------------------------------------------------------------

    private void assertAppliedExactlyOnce(Commands commands) {
        SandboxState state = sandbox.state();
        List<RecordedRequest> requests = requests();

        Map<String, Command> creates = byFact(commands.valid, "tasks.create", "title");
        List<SandboxTask> made = state.allTasks().stream().filter(t -> t.title().startsWith("Command task ")).toList();
        assertThat(made).extracting(SandboxTask::title).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(creates.keySet());
        made.forEach(t -> assertThat(t.projectId()).as(t.title())
                .isEqualTo(Long.parseLong(creates.get(t.title()).facts.get("project"))));
        Map<String, Long> taskPosts = processed(requests, "POST", "/api/v2/tasks", "title");
        assertThat(taskPosts).as("each task create took effect exactly once on the wire")
                .containsOnlyKeys(creates.keySet()).allSatisfy((title, count) -> assertThat(count).isEqualTo(1L));

        for (Command update : commands.valid.stream().filter(c -> c.kind.equals("tasks.update")).toList()) {
            SandboxTask task = state.task(Long.parseLong(update.facts.get("taskId"))).orElseThrow();
            assertThat(task.description()).isEqualTo(update.facts.get("description"));
            assertThat(task.status()).isEqualTo(10);
        }

        Map<String, Command> bookings = byFact(commands.valid, "time-entries.create", "notes");
        List<SandboxTimeEntry> booked = state.timeEntries(1).stream()
                .filter(e -> e.notes() != null && e.notes().startsWith("Booked by ")).toList();
        assertThat(booked).extracting(SandboxTimeEntry::notes).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(bookings.keySet());
        booked.forEach(e -> assertThat(e.end().getEpochSecond() - e.start().getEpochSecond()).isEqualTo(45 * 60));
        assertThat(processed(requests, "POST", "/api/v2/time-entries", "notes"))
                .as("each booking took effect exactly once on the wire")
                .containsOnlyKeys(bookings.keySet()).allSatisfy((notes, count) -> assertThat(count).isEqualTo(1L));

        for (Command sheet : commands.valid.stream().filter(c -> c.kind.startsWith("timesheets.")).toList()) {
            SandboxTimesheet t = state.timesheet(sheet.facts.get("timesheetId")).orElseThrow();
            assertThat(t.status()).as(sheet.id).isEqualTo(sheet.facts.get("status"));
            if (t.status().equals("rejected")) {
                assertThat(t.rejectReason()).isEqualTo("Missing project notes (" + sheet.id + ")");
            }
        }
        assertThat(made).filteredOn(t -> t.title().startsWith("Bad priority")).isEmpty();
    }

    private void assertDeadLetters(Commands commands, List<ConsumerRecord<String, String>> dlq, int passes) {
        assertThat(dlq).as("dead letters: the invalid commands, %d time(s) each", passes)
                .hasSize(commands.invalid.size() * passes);
        Map<String, List<ConsumerRecord<String, String>>> byId = dlq.stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key));
        assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(
                commands.invalid.stream().map(Command::id).toList());
        for (Command bad : commands.invalid) {
            List<ConsumerRecord<String, String>> letters = byId.get(bad.id);
            assertThat(letters).as(bad.id).hasSize(passes);
            assertThat(letters.stream().map(r -> header(r, "dlq-source-offset")).distinct()).hasSize(1);
            for (ConsumerRecord<String, String> r : letters) {
                assertThat(r.value()).as("the original payload").isEqualTo(bad.payload);
                assertThat(header(r, "dlq-command-id")).isEqualTo(bad.kind.equals("not-json")
                        ? commands.topic + "-0-" + header(r, "dlq-source-offset") : bad.id);
                assertThat(header(r, "dlq-reason")).as(bad.id).isNotBlank();
                assertThat(header(r, "dlq-error-type")).as(bad.id).isEqualTo(bad.expectedError);
                assertThat(header(r, "dlq-source-topic")).isEqualTo(commands.topic);
                assertThat(header(r, "dlq-exception")).isNotBlank();
                if (bad.expectedStatus != null) {
                    assertThat(header(r, "dlq-http-status")).as(bad.id).isEqualTo(bad.expectedStatus.toString());
                    assertThat(header(r, "dlq-outcome-unknown")).isEqualTo("false");
                } else {
                    assertThat(header(r, "dlq-http-status")).as("nothing was sent for " + bad.id).isNull();
                }
            }
        }
        ConsumerRecord<String, String> notFound = byId.get(commands.invalid.get(4).id).get(0);
        assertThat(header(notFound, "dlq-reason")).contains("HTTP 404");
        ConsumerRecord<String, String> notAllowed = byId.get(commands.invalid.get(1).id).get(0);
        assertThat(header(notAllowed, "dlq-reason")).contains("tasks.delete").contains("not allowed");
        assertThat(header(notAllowed, "dlq-command")).isEqualTo("tasks.delete");
    }

    private static Map<String, Command> byFact(List<Command> commands, String kind, String fact) {
        Map<String, Command> map = new LinkedHashMap<>();
        commands.stream().filter(c -> c.kind.equals(kind)).forEach(c -> map.put(c.facts.get(fact), c));
        return map;
    }

    /** How many requests to METHOD path changed the sandbox's state, per the value of a body field. */
    private static Map<String, Long> processed(List<RecordedRequest> requests, String method, String path,
                                               String field) {
        Predicate<RecordedRequest> tookEffect = r -> r.fault() != null ? r.fault().processed()
                : r.status() >= 200 && r.status() < 300;
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path))
                .filter(tookEffect)
                .map(RecordedRequest::json).map(j -> j.path(field).asText())
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    // ---- Kafka helpers --------------------------------------------------------------------------------------

    /** Sends the records in batches at a steady pace from another thread; the count sent so far. */
    private AtomicInteger sendPaced(String topic, List<ProducerRecord<String, String>> records, int batch,
                                    long everyMillis) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        KafkaProducer<String, String> producer = new KafkaProducer<>(p);
        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger sent = new AtomicInteger();
        sender.scheduleAtFixedRate(() -> {
            int from = sent.get();
            int to = Math.min(records.size(), from + batch);
            try {
                for (int i = from; i < to; i++) {
                    producer.send(records.get(i)).get();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            sent.set(to);
            if (to == records.size()) {
                producer.close();
                sender.shutdown();
            }
        }, 0, everyMillis, TimeUnit.MILLISECONDS);
        return sent;
    }

    private static long committed(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(topic, 0));
            return offset == null ? 0 : offset.offset();
        }
    }

    private static void awaitCommitted(String group, String topic, long offset) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> committed(group, topic), c -> c >= offset);
        assertThat(unchecked(() -> committed(group, topic))).isEqualTo(offset);
    }

    private static void resetOffsets(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                    admin.alterConsumerGroupOffsets(group,
                            Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(0))).all().get());
        }
        assertThat(committed(group, topic)).isZero();
    }

    private interface Check<T> {
        T get() throws Exception;
    }

    private static <T> T unchecked(Check<T> check) {
        try {
            return check.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
