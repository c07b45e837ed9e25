package io.github.camelwebwork.demo;

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
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxTask;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import io.github.camelwebwork.support.BudgetedComponent;
import io.github.camelwebwork.support.EmbeddedKafka;
import io.github.camelwebwork.support.HazelcastTestCluster;
import io.github.camelwebwork.support.JavaProcess;
import org.apache.curator.test.TestingServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import static org.awaitility.Awaitility.await;

/**
 * The multi-process demo of issue 16 ({@code mvn -B test-compile exec:java@scale-demo}): three
 * {@link ScaleOutWorker} JVMs on one token, each running the shipped kafka-to-webwork route in one consumer group and
 * the shipped webwork-to-kafka change capture behind ZooKeeper leadership (one leader, two hot standbys, one shared
 * state folder), all drawing on one rate budget kept in Hazelcast, against the sandbox's sliding window at 10 requests
 * a second. This process holds the services a real installation would already run: the sandbox (WebWork), an embedded
 * Kafka broker, ZooKeeper (curator-test's TestingServer) and a Hazelcast member. Commands flow in; a worker that does
 * not lead is killed with {@code kill -9}, then the leader; the one left takes over the partitions and the change
 * capture. ThreeProcessScaleOutTest runs the same {@link #run()} and asserts what {@link #main} prints.
 */
public final class ScaleOutDemo implements AutoCloseable {

    public static final int LIMIT = 10;
    public static final Duration WINDOW = Duration.ofSeconds(1);
    public static final String TOPIC = "scale.commands";
    public static final String CHANGES = ScaleOutWorker.PREFIX + ".tasks.changes";
    public static final int CREATES = 60;
    public static final int UPDATES = 20;
    private static final String GROUP = TOPIC + "-group";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final EmbeddedKafka kafka;
    private final WebworkSandbox sandbox;
    private final TestingServer zookeeper;
    private final HazelcastTestCluster cluster = new HazelcastTestCluster(4);
    private final List<JavaProcess> workers = new ArrayList<>();

    /** What a run did: the commands sent, the update targets, and the figures of the two kills. */
    public record Outcome(List<ProducerRecord<String, String>> commands, Set<String> titles, List<SandboxTask> targets,
                          long committedAtWorkerKill, long committedAtLeaderKill, double leaderSlotsBackSeconds,
                          double takeoverSeconds) {
    }

    /** Starts the services in {@code dir} (the workers' logs and shared state go there too). */
    public ScaleOutDemo(Path dir) throws Exception {
        this.dir = dir;
        kafka = EmbeddedKafka.start();
        kafka.createTopics(3, TOPIC);
        kafka.createTopics(1, TOPIC + ".dlq", TOPIC + ".keys");
        List<String> resources = List.of("tasks", "time-entries", "timesheets");
        kafka.createTopics(resources.stream().map(r -> ScaleOutWorker.PREFIX + "." + r + ".changes").toList(),
                resources.stream().map(r -> ScaleOutWorker.PREFIX + "." + r + ".state").toList());
        sandbox = WebworkSandbox.builder().rateLimit(LIMIT, WINDOW).build().start();
        zookeeper = new TestingServer(-1, dir.resolve("zookeeper").toFile(), true);
    }

    public static void main(String[] args) throws Exception {
        for (String quiet : List.of("org.apache.kafka", "kafka", "state.change.logger", "org.apache.zookeeper",
                "org.apache.curator", "com.hazelcast", "org.apache.camel")) {
            System.setProperty("org.slf4j.simpleLogger.log." + quiet, "error");   // a kill -9 is loud in all of them
        }
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        Path dir = Files.createTempDirectory("webwork-scale-demo");
        try (ScaleOutDemo demo = new ScaleOutDemo(dir)) {
            System.out.println("Scale-out demo: three worker JVMs on one token, the sandbox at " + LIMIT
                               + " requests a second (logs in " + dir + ")");
            Outcome o = demo.run();
            List<ConsumerRecord<String, String>> changes = demo.kafka().readAll(CHANGES, Duration.ofSeconds(1));
            long distinct = changes.stream().map(r -> EmbeddedKafka.header(r, "ce_id")).distinct().count();
            long made = demo.sandbox().state().allTasks().stream().filter(t -> o.titles().contains(t.title())).count();
            System.out.printf("%n  commands: %d sent, %d tasks created for %d creates; a worker killed at %d"
                              + " committed, the leader at %d%n", o.commands().size(), made, CREATES,
                    o.committedAtWorkerKill(), o.committedAtLeaderKill());
            System.out.printf("  change capture: the standby leading %.1f s after the leader's kill -9; %d change"
                              + " records, %d distinct ce_ids%n", o.takeoverSeconds(), changes.size(), distinct);
            System.out.printf("  rate budget: %d requests, %d answered 429; the leader's slots back %.1f s after its"
                              + " kill%n", demo.sandbox().requests().size(), demo.sandbox().rateLimitedCount(),
                    o.leaderSlotsBackSeconds());
        }
        System.exit(0);
    }

    public WebworkSandbox sandbox() {
        return sandbox;
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    /** Starts the three workers, sends the commands, kills a worker and then the leader, and waits for the rest. */
    public Outcome run() throws Exception {
        HazelcastInstance member = cluster.startMember(0, true);
        HazelcastBudgetStore store = new HazelcastBudgetStore(member);
        String storeKey = BudgetedComponent.storeKey(sandbox);
        SandboxState state = sandbox.state();
        List<SandboxTask> targets = state.addTasks(UPDATES, i -> SandboxTask.builder(1, 102, "Scale-out target " + i));
        Path stopFile = dir.resolve("stop");
        for (int i = 1; i <= 3; i++) {
            workers.add(worker(i, stopFile));
        }
        await().atMost(Duration.ofSeconds(180)).until(() -> workers.stream()
                .allMatch(w -> w.line("READY ") != null || !w.process().isAlive())
                && workers.stream().anyMatch(w -> w.line("LEADER") != null || !w.process().isAlive()));
        for (JavaProcess w : workers) {
            if (w.line("READY ") == null) {
                throw new IllegalStateException("a worker did not start; its output:\n" + w.text());
            }
        }
        kafka.awaitMembersWithPartitions(GROUP, 3, Duration.ofSeconds(120));
        JavaProcess leader = workers.stream().filter(w -> w.line("LEADER") != null).findFirst().orElseThrow();
        JavaProcess follower = workers.stream().filter(w -> w != leader).findFirst().orElseThrow();
        JavaProcess survivor = workers.stream().filter(w -> w != leader && w != follower).findFirst().orElseThrow();

        // the leader's first scan (a snapshot: what exists, as CREATED) has read the update targets: an update that
        // came first would be in the snapshot's CREATED and never be an UPDATED (the scan is bulk, behind commands)
        Set<String> targetKeys = targets.stream().map(t -> "1:tasks:" + t.id()).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(120)).until(() -> kafka.readAll(CHANGES, Duration.ofMillis(300)).stream()
                .map(ConsumerRecord::key).filter(targetKeys::contains).distinct().count() == UPDATES);
        List<ProducerRecord<String, String>> commands = commands(targets);
        kafka.sendAll(commands);
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
        await().atMost(Duration.ofSeconds(60)).until(() -> store.heldBy(storeKey, followerId) == 0
                                                           && store.heldBy(storeKey, leaderId) == 0);
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
        return new Outcome(commands, titles, targets, followerKilled, leaderKilled, slotsBack, takeover);
    }

    /** The last lines each worker printed: what a failed run shows. */
    public String workerLogs() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < workers.size(); i++) {
            List<String> lines = workers.get(i).text().lines().toList();
            out.append("\n--- worker ").append(i + 1).append(" (last 40 lines)\n");
            lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(l -> out.append(l).append('\n'));
        }
        return out.toString();
    }

    @Override
    public void close() throws Exception {
        for (JavaProcess worker : workers) {
            worker.kill();
        }
        cluster.close();
        zookeeper.close();
        sandbox.close();
        kafka.close();
    }

    /** 60 task creates and 20 updates, shuffled, keyed by their command id. */
    private static List<ProducerRecord<String, String>> commands(List<SandboxTask> targets) {
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
        return commands;
    }

    private JavaProcess worker(int index, Path stopFile) throws Exception {
        return JavaProcess.start(ScaleOutWorker.class, List.of(sandbox.baseUrl(), cluster.name(),
                cluster.ports().stream().map(String::valueOf).collect(Collectors.joining(",")),
                Integer.toString(index), Integer.toString(LIMIT), Long.toString(WINDOW.toMillis()),
                kafka.bootstrapServers(), zookeeper.getConnectString(), dir.resolve("state").toString(),
                stopFile.toString(), TOPIC), Map.of("WEBWORK_ACCESS_TOKEN", sandbox.token()),
                dir.resolve("worker-" + index + ".log"));
    }

    private static UUID memberId(JavaProcess worker) {
        return UUID.fromString(worker.line("READY ").substring("READY ".length()).trim());
    }

    private static ObjectNode command(String id, String operation) {
        return JSON.createObjectNode().put("id", id).put("resource", "tasks").put("operation", operation);
    }

    private Set<String> publishedCreated(Set<String> titles) {
        return kafka.readAll(CHANGES, Duration.ofMillis(300)).stream()
                .filter(r -> EmbeddedKafka.header(r, "ce_type").endsWith(".created"))
                .map(r -> r.value().replaceAll("(?s).*\"title\"\\s*:\\s*\"([^\"]+)\".*", "$1"))
                .filter(titles::contains).collect(Collectors.toSet());
    }

    private long updatedTargets(List<SandboxTask> targets) {
        Set<String> keys = targets.stream().map(t -> "1:tasks:" + t.id()).collect(Collectors.toSet());
        return kafka.readAll(CHANGES, Duration.ofMillis(300)).stream()
                .filter(r -> EmbeddedKafka.header(r, "ce_type").endsWith(".updated") && r.value().contains("updated by so-u"))
                .map(ConsumerRecord::key).filter(keys::contains).distinct().count();
    }

    /** The group's committed offsets over the commands topic's partitions. */
    private long committed() throws Exception {
        return kafka.committed(GROUP, TOPIC);
    }
}
