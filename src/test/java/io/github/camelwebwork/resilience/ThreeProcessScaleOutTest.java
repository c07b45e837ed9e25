package io.github.camelwebwork.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.core.HazelcastInstance;
import io.github.camelwebwork.client.HazelcastBudgetStore;
import io.github.camelwebwork.sandbox.RecordedRequest;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxTask;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import io.github.camelwebwork.support.EmbeddedKafka;
import io.github.camelwebwork.support.HazelcastTestCluster;
import io.github.camelwebwork.support.JavaProcess;
import org.apache.curator.test.TestingServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16's scale-out proof with OS processes: three {@link ScaleOutWorkerProcess}es on one token, each running the
 * shipped kafka-to-webwork route in one consumer group and the shipped webwork-to-kafka change capture behind
 * ZooKeeper leadership (one leader, two hot standbys, one shared state folder), all drawing on one rate budget kept in
 * Hazelcast, against the sandbox's sliding window at 10 requests a second. Commands flow in; one worker that does not
 * lead is killed with {@code kill -9}, then the leader. The one left takes over the partitions and the change
 * capture. Every command takes effect once (each create one POST and one task), every change reaches the topic with
 * one ce_id per change (a repeat after a kill carries the same ce_id, as the route documents), the sandbox answers no
 * request with a 429 (it refuses any request that finds its sliding window full, so none means no window went over
 * the limit), and the slots each killed process held come back once the cluster has seen it go.
 */
class ThreeProcessScaleOutTest {

    private static final int LIMIT = 10;
    private static final Duration WINDOW = Duration.ofSeconds(1);
    private static final String TOPIC = "scale.commands";
    private static final String GROUP = TOPIC + "-group";
    private static final String CHANGES = ScaleOutWorkerProcess.PREFIX + ".tasks.changes";
    private static final int CREATES = 60;
    private static final int UPDATES = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private EmbeddedKafka kafka;
    private WebworkSandbox sandbox;
    private TestingServer zookeeper;
    private final HazelcastTestCluster cluster = new HazelcastTestCluster(4);
    private final List<JavaProcess> workers = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        kafka = EmbeddedKafka.start();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1), new NewTopic(TOPIC + ".dlq", 1, (short) 1),
                    new NewTopic(TOPIC + ".keys", 1, (short) 1))).all().get();
        }
        List<String> resources = List.of("tasks", "time-entries", "timesheets");
        kafka.createTopics(resources.stream().map(r -> ScaleOutWorkerProcess.PREFIX + "." + r + ".changes").toList(),
                resources.stream().map(r -> ScaleOutWorkerProcess.PREFIX + "." + r + ".state").toList());
        sandbox = WebworkSandbox.builder().rateLimit(LIMIT, WINDOW).build().start();
        zookeeper = new TestingServer(-1, dir.resolve("zookeeper").toFile(), true);
    }

    @AfterEach
    void stop() throws Exception {
        for (JavaProcess worker : workers) {
            worker.kill();
        }
        cluster.close();
        if (zookeeper != null) {
            zookeeper.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void everyCommandAndEveryChangeOnceThroughTheKillOfAWorkerAndOfTheLeader() throws Exception {
        HazelcastInstance member = cluster.startMember(0, true);
        HazelcastBudgetStore store = new HazelcastBudgetStore(member);
        SandboxState state = sandbox.state();
        List<SandboxTask> targets = state.addTasks(UPDATES, i -> SandboxTask.builder(1, 102, "Scale-out target " + i));
        Path stopFile = dir.resolve("stop");
        for (int i = 1; i <= 3; i++) {
            workers.add(worker(i, stopFile));
        }
        await().atMost(Duration.ofSeconds(180)).until(() -> workers.stream()
                .allMatch(w -> w.line("READY ") != null || !w.process().isAlive())
                && workers.stream().anyMatch(w -> w.line("LEADER") != null));
        workers.forEach(w -> assertThat(w.line("READY ")).as("worker output:%n%s", w.text()).isNotNull());
        awaitGroupMembersWithPartitions(3);
        JavaProcess leader = workers.stream().filter(w -> w.line("LEADER") != null).findFirst().orElseThrow();
        JavaProcess follower = workers.stream().filter(w -> w != leader).findFirst().orElseThrow();
        JavaProcess survivor = workers.stream().filter(w -> w != leader && w != follower).findFirst().orElseThrow();

        List<ProducerRecord<String, String>> commands = new ArrayList<>();
        for (int i = 0; i < CREATES; i++) {
            ObjectNode c = command(String.format("so-%02d", i), "create").put("projectId", 100 + i % 3);
            c.putObject("body").put("title", String.format("Scale-out task %02d", i));
            commands.add(new ProducerRecord<>(TOPIC, c.get("id").asText(), c.toString()));
        }
        for (int i = 0; i < UPDATES; i++) {
            ObjectNode c = command(String.format("so-u%02d", i), "update").put("projectId", 102)
                    .put("taskId", targets.get(i).id());
            c.putObject("body").put("description", "updated by so-u" + i);
            commands.add(new ProducerRecord<>(TOPIC, c.get("id").asText(), c.toString()));
        }
        Collections.shuffle(commands, new Random(16));
        send(commands);

        await().atMost(Duration.ofSeconds(120)).until(this::committed, n -> n >= 20);
        UUID followerId = memberId(follower);
        follower.kill();                                          // kill -9 of a worker that does not lead
        long followerKilled = committed();
        await().atMost(Duration.ofSeconds(120)).until(this::committed, n -> n >= followerKilled + 20);
        UUID leaderId = memberId(leader);
        leader.kill();                                            // kill -9 of the change-capture leader
        long killedAt = System.nanoTime();
        long leaderKilled = committed();
        await().atMost(Duration.ofSeconds(60)).until(() -> member.getCluster().getMembers().size() == 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> store.heldBy(ThreeProcessBudgetTest.storeKey(sandbox),
                followerId) == 0 && store.heldBy(ThreeProcessBudgetTest.storeKey(sandbox), leaderId) == 0);
        double slotsBack = (System.nanoTime() - killedAt) / 1e9;
        await().atMost(Duration.ofSeconds(60)).until(() -> survivor.line("LEADER") != null);
        double takeover = (System.nanoTime() - killedAt) / 1e9;

        await().atMost(Duration.ofSeconds(240)).until(this::committed, n -> n >= CREATES + UPDATES);
        Set<String> titles = commands.stream().filter(r -> r.value().contains("\"create\""))
                .map(r -> r.value().replaceAll(".*\"title\":\"([^\"]+)\".*", "$1")).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(120)).until(() -> publishedCreated(titles).size() == CREATES
                && updatedTargets(targets) == UPDATES);
        SandboxTask marker = state.addTask(1, 100, "Scale-out marker");  // later than everything: what repeats is in
        await().atMost(Duration.ofSeconds(120)).until(() -> kafka.readAll(CHANGES, Duration.ofMillis(300)).stream()
                .anyMatch(r -> r.key().equals("1:tasks:" + marker.id())));
        Files.createFile(stopFile);
        await().atMost(Duration.ofSeconds(60)).until(() -> survivor.line("DONE") != null);

        // every command once: one task and one successful POST per create, every update applied
        List<SandboxTask> made = state.allTasks().stream().filter(t -> t.title().startsWith("Scale-out task ")).toList();
        assertThat(made).extracting(SandboxTask::title).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(titles);
        Map<String, Long> posts = sandbox.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/api/v2/tasks") && r.status() / 100 == 2)
                .map(RecordedRequest::json).map(j -> j.path("title").asText())
                .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
        assertThat(posts).containsOnlyKeys(titles).allSatisfy((t, n) -> assertThat(n).as(t).isEqualTo(1L));
        targets.forEach(t -> assertThat(state.task(t.id()).orElseThrow().description()).startsWith("updated by so-u"));
        // every change on the topic, one ce_id per change: each new task one created, each target one update
        List<ConsumerRecord<String, String>> changes = kafka.readAll(CHANGES, Duration.ofSeconds(1));
        Map<String, Set<String>> createdIds = changes.stream().filter(r -> header(r, "ce_type").endsWith(".created"))
                .collect(Collectors.groupingBy(ConsumerRecord::key,
                        Collectors.mapping(r -> header(r, "ce_id"), Collectors.toSet())));
        made.forEach(t -> assertThat(createdIds.get("1:tasks:" + t.id())).as(t.title()).hasSize(1));
        // each target's update published; a PUT that a kill made the survivor send again (the same body) moves the
        // task's updated_at, a change of its own in WebWork: at most one UPDATED per PUT, all with the same content
        Map<String, List<ConsumerRecord<String, String>>> updates = changes.stream()
                .filter(r -> header(r, "ce_type").endsWith(".updated") && r.value().contains("updated by so-u"))
                .collect(Collectors.groupingBy(ConsumerRecord::key));
        int resent = 0;
        for (SandboxTask t : targets) {
            List<ConsumerRecord<String, String>> published = updates.get("1:tasks:" + t.id());
            long ids = published.stream().map(r -> header(r, "ce_id")).distinct().count();
            long puts = sandbox.requests().stream().filter(r -> r.method().equals("PUT") && r.status() / 100 == 2
                    && r.path().endsWith("/tasks/" + t.id())).count();
            assertThat(ids).as("updates of %d published against its PUTs", t.id()).isBetween(1L, puts);
            assertThat(published.stream().map(r -> withoutUpdatedAt(r.value())).distinct()).as("%d", t.id()).hasSize(1);
            resent += puts > 1 ? 1 : 0;
        }
        long repeats = changes.size() - changes.stream().map(r -> header(r, "ce_id")).distinct().count();
        // the budget held across the three, then the two, then the one
        assertThat(sandbox.rateLimitedCount()).as("429s").isZero();
        assertThat(sandbox.requests()).allSatisfy(r -> assertThat(r.status()).isLessThan(500));
        System.out.printf("ThreeProcessScaleOutTest: %d commands (%d committed when a worker was killed, %d when the"
                          + " leader was); the leader's slots back %.1f s and its standby leading %.1f s after its kill -9; %d requests, %d x 429; %d change records, %d of them repeats of a ce_id;"
                          + " %d updates sent twice after a kill%n", commands.size(), followerKilled, leaderKilled,
                slotsBack, takeover, sandbox.requests().size(), sandbox.rateLimitedCount(), changes.size(), repeats, resent);
    }

    private JavaProcess worker(int index, Path stopFile) throws Exception {
        return JavaProcess.start(ScaleOutWorkerProcess.class, List.of(sandbox.baseUrl(), cluster.name(),
                cluster.ports().stream().map(String::valueOf).collect(Collectors.joining(",")),
                Integer.toString(index), Integer.toString(LIMIT), Long.toString(WINDOW.toMillis()),
                kafka.bootstrapServers(), zookeeper.getConnectString(), dir.resolve("state").toString(),
                stopFile.toString(), TOPIC), Map.of("WEBWORK_ACCESS_TOKEN", sandbox.token()),
                dir.resolve("worker-" + index + ".log"));
    }

    private static String withoutUpdatedAt(String json) {
        try {
            ObjectNode record = (ObjectNode) JSON.readTree(json);
            record.remove("updated_at");
            return record.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UUID memberId(JavaProcess worker) {
        return UUID.fromString(worker.line("READY ").substring("READY ".length()).trim());
    }

    private static ObjectNode command(String id, String operation) {
        return JSON.createObjectNode().put("id", id).put("resource", "tasks").put("operation", operation);
    }

    private Set<String> publishedCreated(Set<String> titles) {
        return kafka.readAll(CHANGES, Duration.ofMillis(300)).stream()
                .filter(r -> header(r, "ce_type").endsWith(".created"))
                .map(r -> r.value().replaceAll("(?s).*\"title\"\\s*:\\s*\"([^\"]+)\".*", "$1"))
                .filter(titles::contains).collect(Collectors.toSet());
    }

    private long updatedTargets(List<SandboxTask> targets) {
        Set<String> keys = targets.stream().map(t -> "1:tasks:" + t.id()).collect(Collectors.toSet());
        return kafka.readAll(CHANGES, Duration.ofMillis(300)).stream()
                .filter(r -> header(r, "ce_type").endsWith(".updated") && r.value().contains("updated by so-u"))
                .map(ConsumerRecord::key).filter(keys::contains).distinct().count();
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private void send(List<ProducerRecord<String, String>> records) {
        Map<String, Object> p = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            records.forEach(producer::send);
            producer.flush();
        }
    }

    private void awaitGroupMembersWithPartitions(int members) {
        try (Admin admin = admin()) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP).members()
                            .stream().filter(m -> !m.assignment().topicPartitions().isEmpty()).count(),
                            n -> n == members);
        }
    }

    /** The group's committed offsets over the commands topic's partitions. */
    private long committed() throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
            return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(TOPIC) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        }
    }
}
