package io.github.camelwebwork.routes.kafka;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxTask;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import io.github.camelwebwork.support.EmbeddedKafka;
import io.github.camelwebwork.support.YamlRoutes;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.master.MasterEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Active/standby change capture: routes/webwork-to-kafka.yaml with its three consumers behind Camel's {@code master:}
 * component (namespace webwork-cdc), in two CamelContexts of this JVM, as two machines would run it. Leadership comes
 * from camel-file's FileLockClusterService on a folder both instances share, and both instances point
 * {@code webwork.state-dir} at the same (shared) folder. The leader is stopped while tasks are being created and
 * changed: the standby becomes leader, reads the committed state the leader left, and continues from there. On the
 * Kafka topic every change is there exactly once: nothing lost, nothing repeated.
 */
class WebworkToKafkaStandbyTest {

    private static final Logger LOG = LoggerFactory.getLogger(WebworkToKafkaStandbyTest.class);
    private static final List<String> RESOURCES = List.of("tasks", "time-entries", "timesheets");
    private static final String PREFIX = "cdc";

    @TempDir
    Path shared;

    private EmbeddedKafka kafka;
    private WebworkSandbox sandbox;
    private final List<CamelContext> contexts = new ArrayList<>();
    private final Map<String, FileLockClusterService> clusters = new ConcurrentHashMap<>();

    @BeforeEach
    void start() {
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
    void stop() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).stop();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void theStandbyTakesOverWhereTheLeaderStopped() throws Exception {
        SandboxState state = sandbox.state();
        List<SandboxTask> before = state.addTasks(1, 100, 5);   // what exists before: in the leader's snapshot
        CamelContext leader = instance("a");
        await().atMost(Duration.ofSeconds(30)).until(() -> isLeader("a")
                && kafka.readAll(PREFIX + ".tasks.changes", Duration.ofMillis(300)).size() >= 5);
        instance("b");
        assertThat(isLeader("b")).as("the second instance is a standby").isFalse();

        // 60 new tasks: 20 that the leader publishes (and whose updates come later), 30 created while the leader is
        // being stopped, and 10 once it has stopped; the order is set by the test, not by how fast its threads run
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

        leader.stop();                                      // mid-run: tasks are still being created
        int publishedByLeader = createdTitles().size();
        writer.join();
        for (int i = 50; i < 60; i++) {
            made.add(state.addTask(1, 100 + i % 3, String.format("Standby task %02d", i)));
        }
        LOG.info("leader stopped with {} of the 60 new tasks published", publishedByLeader);
        assertThat(publishedByLeader).as("the leader published some of them").isBetween(20, 50);
        assertThat(made).hasSize(60);

        for (int i = 0; i < 10; i++) {                      // and updates of tasks the leader published
            SandboxTask t = state.task(made.get(i).id()).orElseThrow();
            state.saveTask(t.toBuilder().description("changed after the failover " + i).build());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> isLeader("b"));
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
    }

    private boolean isLeader(String name) {
        return clusters.get(name).isLeader("webwork-cdc");
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
     * One "machine": its CamelContext with the webwork component, a file-lock cluster service on the shared folder,
     * and the shipped routes with each webwork: consumer behind master:webwork-cdc.
     */
    private CamelContext instance(String name) throws Exception {
        CamelContext context = new DefaultCamelContext();
        WebworkComponent webwork = new WebworkComponent();
        webwork.getConfiguration().setBaseUrl(sandbox.baseUrl());
        webwork.getConfiguration().setAccessToken(sandbox.token());
        webwork.getConfiguration().setRateLimit(100_000);
        webwork.getConfiguration().setRateLimitWindow(250);
        context.addComponent("webwork", webwork);

        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId("instance-" + name);
        cluster.setRoot(shared.resolve("cluster").toString());
        cluster.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(200, TimeUnit.MILLISECONDS);
        context.addService(cluster, true, true);
        clusters.put(name, cluster);

        Properties p = new Properties();
        p.put("kafka.brokers", kafka.bootstrapServers());
        p.put("kafka.topic-prefix", PREFIX);
        p.put("webwork.workspace-id", "1");
        p.put("webwork.poll-delay", "200");
        p.put("webwork.initial-delay", "0");
        p.put("webwork.state-dir", shared.resolve("state").toString());
        p.put("webwork.ha.endpoint-prefix", "master:webwork-cdc:");
        context.getPropertiesComponent().setOverrideProperties(p);
        context.start();
        contexts.add(context);
        assertThat(context.hasService(CamelClusterService.class)).isNotNull();

        YamlRoutes.load(context, "webwork-to-kafka.yaml");
        assertThat(context.getRoutes()).as("three consumers behind master:")
                .filteredOn(r -> r.getEndpoint() instanceof MasterEndpoint
                                 && r.getEndpoint().getEndpointUri().contains("webwork-cdc"))
                .hasSize(3);
        return context;
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }
}
