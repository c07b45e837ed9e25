package io.github.camelwebwork.routes.kafka;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.model.Task;
import io.github.camelwebwork.model.Timesheet;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import io.github.camelwebwork.support.SandboxTestSupport;
import io.github.camelwebwork.support.YamlRoutes;
import kafka.server.BrokerServer;
import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * routes/webwork-to-kafka.yaml, loaded as YAML DSL, against the sandbox and a real Kafka broker (KRaft, in this JVM):
 * changes arrive as CloudEvents records with a stable ce_id, deletes also as tombstones on the compacted state topic,
 * and a broker that is down for a while loses nothing and reorders nothing.
 * <p>
 * The broker is built here rather than with {@code EmbeddedKafka.start()}: that one listens on port 0, so a broker
 * restarted in the same JVM comes back on ANOTHER port, which a client that bootstrapped from the old one never finds
 * (checked with Kafka 3.9.1's test kit: {@code BrokerServer.shutdown()} then {@code startup()} works, but
 * {@code bootstrapServers()} changes). Here the broker's listener has a fixed port, so it comes back where the route's
 * producer looks for it.
 */
class WebworkToKafkaRouteTest extends SandboxTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> RESOURCES = List.of("tasks", "time-entries", "timesheets");
    private static KafkaClusterTestKit cluster;

    @TempDir
    Path stateDir;

    private String prefix;
    private TopicReader reader;
    /** The keys of the changes whose exchange failed, with what failed it. */
    private final Map<String, List<Throwable>> failed = new ConcurrentHashMap<>();

    @BeforeAll
    static void startBroker() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("listeners", "EXTERNAL://localhost:" + port + ",CONTROLLER://localhost:0")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** The scans poll every 100 ms: a larger rate budget than the real 60 a minute, on both sides. */
    @Override
    protected WebworkSandbox.Builder sandboxBuilder() {
        return WebworkSandbox.builder().rateLimit(6_000, Duration.ofMinutes(1));
    }

    @Override
    protected void configure(WebworkComponent webwork) {
        webwork.getConfiguration().setRateLimit(6_000);
    }

    @AfterEach
    void closeReader() {
        if (reader != null) {
            reader.close();
        }
    }

    /** Topics of their own per test (a prefix), the properties, the failure recorder; then the YAML file itself. */
    private void startRoute(String topicPrefix) throws Exception {
        prefix = topicPrefix;
        List<NewTopic> topics = new ArrayList<>();
        for (String resource : RESOURCES) {
            topics.add(new NewTopic(prefix + "." + resource + ".changes", 1, (short) 1));
            topics.add(new NewTopic(prefix + "." + resource + ".state", 1, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact")));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                cluster.bootstrapServers()))) {
            admin.createTopics(topics).all().get();
        }
        reader = new TopicReader(cluster.bootstrapServers(), topics.stream().map(NewTopic::name).toList());

        Properties properties = new Properties();
        properties.put("webwork.workspace-id", "1");
        properties.put("webwork.poll-delay", "100");
        properties.put("webwork.initial-delay", "0");
        properties.put("webwork.snapshot", "false");
        properties.put("webwork.state-dir", stateDir.toString());
        properties.put("kafka.brokers", cluster.bootstrapServers());
        properties.put("kafka.topic-prefix", prefix);
        // a broker outage longer than 1.5 s fails the send (production default: 2 minutes)
        properties.put("kafka.delivery-timeout-ms", "1500");
        properties.put("kafka.request-timeout-ms", "1000");
        properties.put("kafka.max-block-ms", "1500");
        context.getPropertiesComponent().setOverrideProperties(properties);

        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeFailedEvent e) {
                    Exchange exchange = e.getExchange();
                    String key = exchange.getMessage().getHeader("CamelWebworkKey", String.class);
                    if (key != null) {
                        failed.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(exchange.getException());
                    }
                }
            }
        });

        YamlRoutes.load(context, "webwork-to-kafka.yaml");
        awaitFirstScans();
    }

    /** With snapshot=false the first scan of each consumer is the silent starting point: wait for the second. */
    private void awaitFirstScans() {
        await().atMost(Duration.ofSeconds(30)).until(() -> firstPages("/api/v2/projects") >= 2
                                                          && firstPages("/api/v2/members") >= 2
                                                          && firstPages("/api/v2/timesheets") >= 2);
    }

    private long firstPages(String path) {
        return requests().stream().filter(r -> r.method().equals("GET") && r.path().equals(path))
                .filter(r -> r.queryParam("page") == null || r.queryParam("page").equals("1")).count();
    }

    // ------------------------------------------------------------------------------------------------------------

    @Test
    void changesArriveAsCloudEventsRecordsAndDeletesAlsoAsTombstones() throws Exception {
        startRoute("a");
        Task task = template.requestBody("webwork:tasks?operation=create&workspaceId=1&projectId=100",
                Map.of("title", "Kafka me", "priority", 20), Task.class);
        String taskKey = "1:tasks:" + task.getId();
        awaitChanges("tasks", taskKey, 1);
        template.requestBody("webwork:tasks?operation=update&workspaceId=1&projectId=100&taskId=" + task.getId(),
                Map.of("title", "Kafka me (edited)", "priority", 10));
        awaitChanges("tasks", taskKey, 2);
        String day = LocalDate.now(clock()).minusDays(2).toString();
        template.requestBody("webwork:time-entries?operation=create&workspaceId=1", Map.of("user_id", 103,
                "contract_id", 303, "date", day, "start_time", "21:00", "end_time", "21:30", "notes", "kafka entry"));
        template.requestBody("webwork:tasks?operation=delete&workspaceId=1&projectId=100&taskId=" + task.getId(),
                (Object) null);
        awaitChanges("tasks", taskKey, 3);
        await().atMost(Duration.ofSeconds(20)).until(() -> entryRecords("kafka entry").size() == 1);

        // the task: created, edited, deleted, each with its JSON and CloudEvents headers, in this order
        List<ConsumerRecord<String, String>> changes = reader.byKey(prefix + ".tasks.changes", taskKey);
        assertThat(changes).extracting(r -> header(r, "ce_type")).containsExactly(
                "io.github.camelwebwork.task.created", "io.github.camelwebwork.task.updated",
                "io.github.camelwebwork.task.deleted");
        for (ConsumerRecord<String, String> r : changes) {
            assertThat(r.key()).isEqualTo(taskKey);
            assertThat(header(r, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(r, "ce_source")).isEqualTo("webwork:workspace/1/tasks");
            assertThat(header(r, "ce_subject")).isEqualTo(String.valueOf(task.getId()));
            assertThat(header(r, "ce_webworkworkspace")).isEqualTo("1");
            assertThat(header(r, "ce_webworkresource")).isEqualTo("tasks");
            assertThat(header(r, "content-type")).isEqualTo("application/json");
            assertThat(Instant.parse(header(r, "ce_time"))).isEqualTo(clock().instant());
            String type = header(r, "ce_type").substring(header(r, "ce_type").lastIndexOf('.') + 1);
            assertThat(header(r, "ce_id")).as("derived from key, change type and the JSON")
                    .isEqualTo(ChangeEvents.eventId(taskKey, type, r.value()));
            assertThat(r.headers().toArray()).extracting(Header::key)
                    .as("no Camel or kafka.* header leaks").noneMatch(k -> k.startsWith("Camel") || k.startsWith("kafka."));
        }
        JsonNode created = JSON.readTree(changes.get(0).value());
        assertThat(created.path("id").asLong()).isEqualTo(task.getId());
        assertThat(created.path("title").asText()).isEqualTo("Kafka me");
        assertThat(created.path("project_id").asLong()).as("wire names, snake_case").isEqualTo(100L);
        assertThat(created.has("created_at")).isTrue();
        assertThat(created.has("projectId")).isFalse();
        JsonNode edited = JSON.readTree(changes.get(1).value());
        assertThat(edited.path("title").asText()).isEqualTo("Kafka me (edited)");
        assertThat(edited.path("priority").asInt()).isEqualTo(10);
        assertThat(JSON.readTree(changes.get(2).value()).path("title").asText())
                .as("a DELETED carries the last known version").isEqualTo("Kafka me (edited)");
        assertThat(changes).extracting(r -> header(r, "ce_id")).doesNotHaveDuplicates();

        // the compacted state topic: upserts with the same JSON, then a tombstone
        List<ConsumerRecord<String, String>> state = reader.byKey(prefix + ".tasks.state", taskKey);
        assertThat(state).extracting(ConsumerRecord::value)
                .containsExactly(changes.get(0).value(), changes.get(1).value(), null);
        assertThat(header(state.get(2), "ce_type")).isEqualTo("io.github.camelwebwork.task.deleted");
        assertThat(header(state.get(2), "ce_id")).isEqualTo(header(changes.get(2), "ce_id"));
        assertThat(header(state.get(2), "content-type")).isNull();

        // the time entry
        ConsumerRecord<String, String> entry = entryRecords("kafka entry").get(0);
        JsonNode entryJson = JSON.readTree(entry.value());
        assertThat(entry.key()).isEqualTo("1:time-entries:" + entryJson.path("id").asText());
        assertThat(header(entry, "ce_type")).isEqualTo("io.github.camelwebwork.time-entry.created");
        assertThat(header(entry, "ce_source")).isEqualTo("webwork:workspace/1/time-entries");
        assertThat(entryJson.path("user_id").asLong()).isEqualTo(103L);
        assertThat(entryJson.path("duration_minutes").asInt()).isEqualTo(30);
        assertThat(reader.byKey(prefix + ".time-entries.state", entry.key())).extracting(ConsumerRecord::value)
                .containsExactly(entry.value());
        assertThat(failed).as("no send failed").isEmpty();
    }

    @Test
    void aBrokerDownForAWhileLosesNothingAndKeepsTheOrderPerKey() throws Exception {
        startRoute("b");
        String day = LocalDate.now(clock()).minusDays(2).toString();
        // before the outage
        Task kept = createTask("Edited while Kafka is down");
        Task doomed = createTask("Deleted while Kafka is down");
        template.requestBody("webwork:time-entries?operation=create&workspaceId=1", Map.of("user_id", 103,
                "contract_id", 303, "date", day, "start_time", "21:00", "end_time", "21:30", "notes", "entry one"));
        @SuppressWarnings("unchecked")
        List<Timesheet> pending = template.requestBody("webwork:timesheets?operation=list&workspaceId=1"
                                                       + "&status=pending&userId=104", null, List.class);
        String sheetKey = "1:timesheets:" + pending.get(0).getId();
        template.requestBody("webwork:timesheets?operation=submit&workspaceId=1&timesheetId="
                             + pending.get(0).getId(), (Object) null);
        String keptKey = "1:tasks:" + kept.getId();
        String doomedKey = "1:tasks:" + doomed.getId();
        awaitChanges("tasks", keptKey, 1);
        awaitChanges("tasks", doomedKey, 1);
        awaitChanges("timesheets", sheetKey, 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> entryRecords("entry one").size() == 1);
        String entryOneKey = entryRecords("entry one").get(0).key();
        String entryOneId = entryOneKey.substring(entryOneKey.lastIndexOf(':') + 1);
        assertThat(failed).isEmpty();

        // the broker goes down; changes keep happening in WebWork
        BrokerServer broker = cluster.brokers().values().iterator().next();
        broker.shutdown();
        broker.awaitShutdown();
        template.requestBody("webwork:tasks?operation=update&workspaceId=1&projectId=100&taskId=" + kept.getId(),
                Map.of("priority", 10));
        template.requestBody("webwork:tasks?operation=delete&workspaceId=1&projectId=100&taskId=" + doomed.getId(),
                (Object) null);
        Task born = createTask("Created while Kafka is down");
        String bornKey = "1:tasks:" + born.getId();
        template.requestBody("webwork:time-entries?operation=update&workspaceId=1&timeEntryId=" + entryOneId,
                Map.of("end_time", "21:45"));
        template.requestBody("webwork:time-entries?operation=create&workspaceId=1", Map.of("user_id", 103,
                "contract_id", 303, "date", day, "start_time", "22:00", "end_time", "22:30", "notes", "entry two"));
        template.requestBody("webwork:timesheets?operation=unsubmit&workspaceId=1&timesheetId="
                             + pending.get(0).getId(), (Object) null);
        // every one of them is emitted and fails at least once (the send times out: no broker)
        Set<String> outage = Set.of(keptKey, doomedKey, bornKey, entryOneKey, sheetKey);
        await().atMost(Duration.ofSeconds(60)).until(() -> failed.keySet().containsAll(outage)
                && failed.keySet().stream().anyMatch(k -> k.startsWith("1:time-entries:") && !k.equals(entryOneKey)));
        failed.values().forEach(causes -> causes.forEach(cause -> assertThat(rootKafkaCause(cause))
                .as("failed because Kafka did not answer: %s", cause).isInstanceOf(TimeoutException.class)));

        // the broker comes back (same port); one more change after it
        broker.startup();
        cluster.waitForReadyBrokers();
        template.requestBody("webwork:tasks?operation=update&workspaceId=1&projectId=100&taskId=" + born.getId(),
                Map.of("title", "Created while Kafka is down (edited after)"));

        awaitChanges("tasks", bornKey, 2);
        awaitChanges("tasks", keptKey, 2);
        awaitChanges("tasks", doomedKey, 2);
        awaitChanges("timesheets", sheetKey, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> entryRecords("entry two").size() >= 1
                && deduplicated(reader.byKey(prefix + ".time-entries.changes", entryOneKey)).size() >= 2);

        // per key, in offset order, after dropping repeats (same ce_id as the key's previous record): every change
        assertThat(types("tasks", keptKey)).containsExactly("created", "updated");
        assertThat(lastJson("tasks", keptKey).path("priority").asInt()).isEqualTo(10);
        assertThat(types("tasks", doomedKey)).containsExactly("created", "deleted");
        assertThat(types("tasks", bornKey)).containsExactly("created", "updated");
        assertThat(lastJson("tasks", bornKey).path("title").asText())
                .isEqualTo("Created while Kafka is down (edited after)");
        assertThat(types("time-entries", entryOneKey)).containsExactly("created", "updated");
        assertThat(lastJson("time-entries", entryOneKey).path("duration_minutes").asInt()).isEqualTo(45);
        String entryTwoKey = entryRecords("entry two").get(0).key();
        assertThat(types("time-entries", entryTwoKey)).containsExactly("created");
        assertThat(failed).as("entry two failed during the outage").containsKey(entryTwoKey);
        assertThat(types("timesheets", sheetKey)).containsExactly("updated", "updated");
        assertThat(deduplicated(reader.byKey(prefix + ".timesheets.changes", sheetKey)))
                .extracting(r -> JSON.readTree(r.value()).path("status").asText())
                .containsExactly("submitted", "pending");

        // any repeat is an exact copy (same ce_id, same value), never a different record under an old id; and the
        // compacted state topic ends where the changes topic ends: the latest version, or a tombstone
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String resource : RESOURCES) {
                Map<String, List<ConsumerRecord<String, String>>> byKey = reader.groupByKey(prefix + "." + resource
                                                                                            + ".changes");
                Map<String, String> valueById = new LinkedHashMap<>();
                byKey.values().forEach(records -> records.forEach(r -> {
                    String earlier = valueById.putIfAbsent(header(r, "ce_id"), r.value());
                    assertThat(earlier == null || earlier.equals(r.value())).as("repeat of %s", header(r, "ce_id"))
                            .isTrue();
                }));
                Map<String, List<ConsumerRecord<String, String>>> state = reader.groupByKey(prefix + "." + resource
                                                                                            + ".state");
                assertThat(state.keySet()).isEqualTo(byKey.keySet());
                byKey.forEach((key, records) -> {
                    ConsumerRecord<String, String> lastChange = records.get(records.size() - 1);
                    List<ConsumerRecord<String, String>> stateRecords = state.get(key);
                    String lastState = stateRecords.get(stateRecords.size() - 1).value();
                    if (header(lastChange, "ce_type").endsWith(".deleted")) {
                        assertThat(lastState).as("tombstone of %s", key).isNull();
                    } else {
                        assertThat(lastState).as("latest version of %s", key).isEqualTo(lastChange.value());
                    }
                });
            }
        });
        // and WebWork agrees with the last records
        assertThat(sandbox.state().task(kept.getId()).orElseThrow().priority()).isEqualTo(10);
        assertThat(sandbox.state().task(doomed.getId()).orElseThrow().deletedAt()).isNotNull();
        assertThat(sandbox.state().timeEntry(entryOneId)).isPresent();
    }

    // ------------------------------------------------------------------------------------------------------------

    private Task createTask(String title) {
        return template.requestBody("webwork:tasks?operation=create&workspaceId=1&projectId=100",
                Map.of("title", title), Task.class);
    }

    private void awaitChanges(String resource, String key, int count) {
        await().atMost(Duration.ofSeconds(30)).until(
                () -> deduplicated(reader.byKey(prefix + "." + resource + ".changes", key)).size() >= count);
    }

    private List<ConsumerRecord<String, String>> entryRecords(String notes) {
        return reader.records(prefix + ".time-entries.changes").stream()
                .filter(r -> r.value() != null && r.value().contains("\"" + notes + "\""))
                .filter(distinctBy()).toList();
    }

    private static Predicate<ConsumerRecord<String, String>> distinctBy() {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        return r -> seen.add(r.key());
    }

    private List<String> types(String resource, String key) {
        return deduplicated(reader.byKey(prefix + "." + resource + ".changes", key)).stream()
                .map(r -> header(r, "ce_type").substring(header(r, "ce_type").lastIndexOf('.') + 1)).toList();
    }

    private JsonNode lastJson(String resource, String key) throws Exception {
        List<ConsumerRecord<String, String>> records = deduplicated(reader.byKey(prefix + "." + resource
                                                                                 + ".changes", key));
        return JSON.readTree(records.get(records.size() - 1).value());
    }

    /** What a downstream consumer keeps: a record is dropped when its ce_id is that of its key's previous one. */
    private static List<ConsumerRecord<String, String>> deduplicated(List<ConsumerRecord<String, String>> records) {
        List<ConsumerRecord<String, String>> kept = new ArrayList<>();
        String last = null;
        for (ConsumerRecord<String, String> r : records) {
            String id = header(r, "ce_id");
            if (!id.equals(last)) {
                kept.add(r);
            }
            last = id;
        }
        return kept;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    private static Throwable rootKafkaCause(Throwable e) {
        Throwable t = e;
        while (t != null && !(t instanceof KafkaException)) {
            t = t.getCause();
        }
        return t == null ? e : t;
    }

    /** Reads the given topics from the beginning into memory; each call polls what arrived since. Test thread only. */
    private static final class TopicReader implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final Map<String, List<ConsumerRecord<String, String>>> records = new LinkedHashMap<>();

        TopicReader(String bootstrap, List<String> topics) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            consumer = new KafkaConsumer<>(p);
            List<TopicPartition> partitions = topics.stream().map(t -> new TopicPartition(t, 0)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            topics.forEach(t -> records.put(t, new ArrayList<>()));
        }

        List<ConsumerRecord<String, String>> records(String topic) {
            consumer.poll(Duration.ofMillis(100)).forEach(r -> records.get(r.topic()).add(r));
            return List.copyOf(records.get(topic));
        }

        List<ConsumerRecord<String, String>> byKey(String topic, String key) {
            return records(topic).stream().filter(r -> key.equals(r.key())).toList();
        }

        Map<String, List<ConsumerRecord<String, String>>> groupByKey(String topic) {
            Map<String, List<ConsumerRecord<String, String>>> byKey = new LinkedHashMap<>();
            records(topic).forEach(r -> byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r));
            return byKey;
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(1));
        }
    }
}
