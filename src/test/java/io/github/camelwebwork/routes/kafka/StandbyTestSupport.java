package io.github.camelwebwork.routes.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxTask;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import io.github.camelwebwork.support.EmbeddedKafka;
import io.github.camelwebwork.support.YamlRoutes;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.master.MasterEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.github.camelwebwork.support.EmbeddedKafka.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Active/standby change capture, the part every cluster service shares: routes/webwork-to-kafka.yaml with its three
 * consumers behind Camel's {@code master:} component (namespace webwork-cdc), in two CamelContexts of this JVM, as two
 * machines would run it, both with {@code webwork.state-dir} on the same (shared) folder, the sandbox and a real
 * Kafka. A subclass says where leadership comes from ({@link #clusterService}) and how the leader fails
 * ({@link #leaderFailsMidRun}); the scenario and its assertions are the same for all.
 */
abstract class StandbyTestSupport {

    static final String NAMESPACE = "webwork-cdc";
    private static final Logger LOG = LoggerFactory.getLogger(StandbyTestSupport.class);
    private static final List<String> RESOURCES = List.of("tasks", "time-entries", "timesheets");
    private static final Set<String> CONSUMER_ROUTES = Set.of("webwork-tasks-to-kafka", "webwork-time-entries-to-kafka",
            "webwork-timesheets-to-kafka");
    private static final String PREFIX = "cdc";

    @TempDir
    Path shared;

    EmbeddedKafka kafka;
    WebworkSandbox sandbox;
    private final List<CamelContext> contexts = new ArrayList<>();
    private final Map<String, CamelClusterService> clusters = new ConcurrentHashMap<>();
    /** The instance of each change exchange the consumers created, in the order they were created (one JVM). */
    private final List<String> consumedBy = new CopyOnWriteArrayList<>();

    /** What one failover run saw. */
    record Failover(int publishedByLeader, long takeoverMillis) {
    }

    @BeforeEach
    void startKafkaAndSandbox() {
        kafka = EmbeddedKafka.start();
        sandbox = WebworkSandbox.builder().rateLimit(100_000, Duration.ofMillis(250)).build().start();
        List<String> plain = new ArrayList<>();
        List<String> compacted = new ArrayList<>();
        RESOURCES.forEach(r -> {
            plain.add(PREFIX + "." + r + ".changes");
            compacted.add(PREFIX + "." + r + ".state");
        });
        kafka.createTopics(plain, compacted);
    }

    @AfterEach
    void stopAll() throws Exception {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).stop();
        }
        afterContextsStopped();
        if (sandbox != null) {
            sandbox.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    /** The cluster service of instance {@code name}, not yet added to its context. */
    abstract CamelClusterService clusterService(String name, CamelContext context) throws Exception;

    /** Makes the leader fail; returns once it has stopped consuming. */
    abstract void leaderFailsMidRun(CamelContext leader) throws Exception;

    /** Properties of instance {@code name} besides the route's (set before its cluster service is made). */
    void addProperties(String name, Properties p) {
    }

    /** After both contexts stopped, before the sandbox and Kafka close: the place to stop a cluster's own server. */
    void afterContextsStopped() throws Exception {
    }

    /**
     * The leader fails while tasks are being created and changed: the standby becomes leader, reads the committed
     * state the leader left, and continues from there. On the Kafka topic every change is there exactly once (nothing
     * lost, nothing repeated), and the change exchanges were made by the leader, then by the standby, never by both
     * in turn.
     */
    Failover theStandbyTakesOverWhereTheLeaderFailed() throws Exception {
        SandboxState state = sandbox.state();
        List<SandboxTask> before = state.addTasks(1, 100, 5);   // what exists before: in the leader's snapshot
        CamelContext leader = instance("a");
        await().atMost(Duration.ofSeconds(30)).until(() -> isLeader("a")
                && kafka.readAll(PREFIX + ".tasks.changes", Duration.ofMillis(300)).size() >= 5);
        instance("b");
        assertThat(isLeader("b")).as("the second instance is a standby").isFalse();

        // 60 new tasks: 20 that the leader publishes (and whose updates come later), 30 created while the leader
        // fails, and 10 once it has stopped consuming; the order is set by the test, not by how fast its threads run
        List<SandboxTask> made = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 20; i++) {
            made.add(state.addTask(1, 100 + i % 3, String.format("Standby task %02d", i)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> createdTitles().size() >= 20);
        assertThat(isLeader("b")).as("the standby stays a standby").isFalse();
        Thread writer = new Thread(() -> {
            for (int i = 20; i < 50; i++) {
                made.add(state.addTask(1, 100 + i % 3, String.format("Standby task %02d", i)));
            }
        }, "task-writer");
        writer.start();

        long failedAt = System.nanoTime();
        leaderFailsMidRun(leader);                          // mid-run: tasks are still being created
        int publishedByLeader = createdTitles().size();
        writer.join();
        for (int i = 50; i < 60; i++) {
            made.add(state.addTask(1, 100 + i % 3, String.format("Standby task %02d", i)));
        }
        LOG.info("leader failed with {} of the 60 new tasks published", publishedByLeader);
        assertThat(publishedByLeader).as("the leader published some of them").isBetween(20, 50);
        assertThat(made).hasSize(60);

        for (int i = 0; i < 10; i++) {                      // and updates of tasks the leader published
            SandboxTask t = state.task(made.get(i).id()).orElseThrow();
            state.saveTask(t.toBuilder().description("changed after the failover " + i).build());
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> isLeader("b"));
        long takeoverMillis = (System.nanoTime() - failedAt) / 1_000_000;
        LOG.info("the standby became leader {} ms after the leader failed", takeoverMillis);
        await().atMost(Duration.ofSeconds(30)).until(() -> createdTitles().size() >= 60 && updatedAfterFailover() >= 10);
        // a last change, made after everything else, arrives in a later poll: whatever was to repeat is there by then
        SandboxTask marker = state.addTask(1, 100, "Standby marker");
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.readAll(PREFIX + ".tasks.changes",
                Duration.ofMillis(300)).stream().anyMatch(r -> r.key().equals("1:tasks:" + marker.id())));

        List<ConsumerRecord<String, String>> changes = kafka.readAll(PREFIX + ".tasks.changes", Duration.ofSeconds(1));
        // nothing repeated: every change once (the same change twice would carry the same ce_id), ...
        assertThat(changes.stream().map(r -> header(r, "ce_id")).toList()).doesNotHaveDuplicates();
        // ... every new task created once, ...
        Map<String, Long> created = changes.stream().filter(r -> header(r, "ce_type").endsWith(".created"))
                .map(r -> r.value()).filter(v -> v.contains("Standby task "))
                .map(v -> v.replaceAll("(?s).*\"title\"\\s*:\\s*\"(Standby task \\d+)\".*", "$1"))
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertThat(created).hasSize(60).allSatisfy((title, n) -> assertThat(n).as(title).isEqualTo(1L));
        // ... each update after the failover once, and the seeded records of the snapshot published only once
        assertThat(updatedAfterFailover()).isEqualTo(10);
        Map<String, Long> perKey = changes.stream().filter(r -> header(r, "ce_type").endsWith(".created"))
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(perKey).allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1L));
        before.forEach(t -> assertThat(perKey).containsEntry("1:tasks:" + t.id(), 1L));
        made.forEach(t -> assertThat(perKey).containsEntry("1:tasks:" + t.id(), 1L));
        // one consumer at a time: the change exchanges were made by the leader, then by the standby, never both in turn
        assertThat(turns()).as("who consumed, in order").containsExactly("a", "b");
        LOG.info("published {} changes ({} created, {} updated after the failover); the leader published {} of the 60",
                changes.size(), perKey.size(), updatedAfterFailover(), publishedByLeader);
        return new Failover(publishedByLeader, takeoverMillis);
    }

    boolean isLeader(String name) {
        return clusters.get(name).isLeader(NAMESPACE);
    }

    /** The instance of each change exchange so far, in order. */
    List<String> consumedBy() {
        return consumedBy;
    }

    /** The instances that made change exchanges, a run of exchanges of the same instance counted once. */
    List<String> turns() {
        List<String> turns = new ArrayList<>();
        for (String name : consumedBy) {
            if (turns.isEmpty() || !turns.get(turns.size() - 1).equals(name)) {
                turns.add(name);
            }
        }
        return turns;
    }

    private List<String> createdTitles() {
        return kafka.readAll(PREFIX + ".tasks.changes", Duration.ofMillis(300)).stream()
                .filter(r -> header(r, "ce_type").endsWith(".created") && r.value().contains("Standby task "))
                .map(ConsumerRecord::value).toList();
    }

    private long updatedAfterFailover() {
        return kafka.readAll(PREFIX + ".tasks.changes", Duration.ofMillis(300)).stream()
                .filter(r -> header(r, "ce_type").endsWith(".updated") && r.value().contains("changed after the failover"))
                .count();
    }

    /**
     * One "machine": its CamelContext with the webwork component, the subclass's cluster service, and the shipped
     * routes with each webwork: consumer behind master:webwork-cdc.
     */
    CamelContext instance(String name) throws Exception {
        CamelContext context = new DefaultCamelContext();
        WebworkComponent webwork = new WebworkComponent();
        webwork.getConfiguration().setBaseUrl(sandbox.baseUrl());
        webwork.getConfiguration().setAccessToken(sandbox.token());
        webwork.getConfiguration().setRateLimit(100_000);
        webwork.getConfiguration().setRateLimitWindow(250);
        context.addComponent("webwork", webwork);
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeCreatedEvent e
                    && CONSUMER_ROUTES.contains(e.getExchange().getFromRouteId())) {
                    consumedBy.add(name);
                }
            }
        });

        Properties p = new Properties();
        p.put("kafka.brokers", kafka.bootstrapServers());
        p.put("kafka.topic-prefix", PREFIX);
        p.put("webwork.workspace-id", "1");
        p.put("webwork.poll-delay", "200");
        p.put("webwork.initial-delay", "0");
        p.put("webwork.state-dir", shared.resolve("state").toString());
        p.put("webwork.ha.endpoint-prefix", "master:" + NAMESPACE + ":");
        addProperties(name, p);
        context.getPropertiesComponent().setOverrideProperties(p);
        CamelClusterService cluster = clusterService(name, context);
        context.addService(cluster, true, true);
        clusters.put(name, cluster);
        context.start();
        contexts.add(context);
        assertThat(context.hasService(CamelClusterService.class)).isNotNull();

        YamlRoutes.load(context, "webwork-to-kafka.yaml");
        assertThat(context.getRoutes()).as("three consumers behind master:")
                .filteredOn(r -> r.getEndpoint() instanceof MasterEndpoint
                                 && r.getEndpoint().getEndpointUri().contains(NAMESPACE))
                .hasSize(3);
        return context;
    }
}
