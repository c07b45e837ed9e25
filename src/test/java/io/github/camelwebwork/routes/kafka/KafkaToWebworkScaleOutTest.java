package io.github.camelwebwork.routes.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.sandbox.RecordedRequest;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxTask;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import io.github.camelwebwork.support.EmbeddedKafka;
import io.github.camelwebwork.support.YamlRoutes;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.kafka.KafkaIdempotentRepository;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scale-out of routes/kafka-to-webwork.yaml: two instances (two CamelContexts in this JVM, as two machines would be)
 * in ONE consumer group on a 4-partition topic, against ONE sandbox (the shared WebWork account). Each instance has
 * its own idempotency repository object, shared through a Kafka topic (camel-kafka's KafkaIdempotentRepository), as
 * separate machines would share it. One instance is stopped while commands flow: its partitions move to the other
 * (a rebalance), and every valid command still takes effect exactly once. The per-user rate budget is split between
 * the instances (each gets half of the server's limit), so the server never refuses a request for the rate.
 */
class KafkaToWebworkScaleOutTest {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaToWebworkScaleOutTest.class);
    private static final String ROUTE = "webwork-commands";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PARTITIONS = 4;
    private static final int SERVER_LIMIT = 200;                  // requests per user and window, for both instances
    private static final Duration WINDOW = Duration.ofMillis(500);

    @TempDir
    Path tmp;

    private EmbeddedKafka kafka;
    private WebworkSandbox sandbox;
    private final List<CamelContext> contexts = new ArrayList<>();

    @BeforeEach
    void start() {
        kafka = EmbeddedKafka.start();
        sandbox = WebworkSandbox.builder().rateLimit(SERVER_LIMIT, WINDOW).build().start();
    }

    @AfterEach
    void stop() {
        contexts.forEach(CamelContext::stop);
        if (sandbox != null) {
            sandbox.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void twoInstancesWithARebalanceApplyEveryCommandExactlyOnce() throws Exception {
        String topic = "scale-cmds";
        String group = "scale-group";
        String keysTopic = "scale-cmds.keys";
        kafka.createTopics(PARTITIONS, topic);
        kafka.createTopics(1, topic + ".dlq", keysTopic);

        SandboxState state = sandbox.state();
        List<SandboxTask> toUpdate = state.addTasks(40, i -> SandboxTask.builder(1, 102, "Scale update target " + i));
        Random random = new Random(7);
        Map<String, String> createTitles = new LinkedHashMap<>();   // title -> command id
        Map<Long, String> updates = new LinkedHashMap<>();           // task id -> description
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 320; i++) {
            String id = String.format("scale-%04d", i);
            String title = String.format("Scale task %04d", i);
            ObjectNode c = command(id, "tasks", "create").put("projectId", 100 + i % 3);
            c.putObject("body").put("title", title);
            createTitles.put(title, id);
            records.add(new ProducerRecord<>(topic, id, c.toString()));
        }
        for (int i = 0; i < 40; i++) {
            String id = String.format("scale-u%03d", i);
            SandboxTask task = toUpdate.get(i);
            String description = "updated by " + id;
            ObjectNode c = command(id, "tasks", "update").put("projectId", 102).put("taskId", task.id());
            c.putObject("body").put("description", description);
            updates.put(task.id(), description);
            records.add(new ProducerRecord<>(topic, id, c.toString()));
        }
        List<String> invalid = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = String.format("scale-bad-%02d", i);
            ObjectNode c = command(id, "tasks", "create").put("projectId", 100);
            c.putObject("body").put("description", "no title");
            invalid.add(id);
            records.add(new ProducerRecord<>(topic, id, c.toString()));
        }
        List<ProducerRecord<String, String>> creates = List.copyOf(records.subList(0, 320));
        for (int i = 0; i < 20; i++) {        // the same command sent again by its producer: same id, other partition
            ProducerRecord<String, String> again = creates.get(random.nextInt(creates.size()));
            records.add(new ProducerRecord<>(topic, (i % PARTITIONS), again.key(), again.value()));
        }
        Collections.shuffle(records, random);
        assertThat(records).hasSize(400);

        CamelContext a = instance("a", topic, group, keysTopic);
        CamelContext b = instance("b", topic, group, keysTopic);
        kafka.awaitMembersWithPartitions(group, 2, Duration.ofSeconds(60));            // each of the two holds partitions of the topic

        kafka.sendAll(records.subList(0, 200));
        // both instances work; then one of them stops while the other 200 commands are still arriving
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> kafka.committed(group, topic), c -> c >= 40);
        // 100 more arrive while a is being stopped, the last 100 once it has stopped: the order is the test's, not
        // the threads' speed
        AtomicInteger sent = new AtomicInteger(200);
        Thread sender = new Thread(() -> {
            for (int from = 200; from < 300; from += 10) {
                try {
                    kafka.sendAll(records.subList(from, from + 10));
                    sent.set(from + 10);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }, "command-sender");
        sender.start();
        long before = kafka.committed(group, topic);
        a.stop();                               // graceful: in-flight exchanges finish, then a leaves the group
        long atStop = kafka.committed(group, topic);
        int sentAtStop = sent.get();
        LOG.info("instance a stopped with {} of 400 committed ({} when it was asked to stop), {} sent", atStop,
                before, sentAtStop);
        sender.join();
        assertThat(sent.get()).isEqualTo(300);
        kafka.sendAll(records.subList(300, 400));

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> kafka.committed(group, topic), c -> c >= 400);
        assertThat(kafka.committed(group, topic)).isEqualTo(400);

        // every create once, in the sandbox and on the wire
        List<SandboxTask> made = state.allTasks().stream().filter(t -> t.title().startsWith("Scale task ")).toList();
        assertThat(made).extracting(SandboxTask::title).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(createTitles.keySet());
        Map<String, Long> posts = sandbox.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/api/v2/tasks"))
                .filter(r -> r.status() >= 200 && r.status() < 300)
                .map(RecordedRequest::json).map(j -> j.path("title").asText())
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertThat(posts).containsOnlyKeys(createTitles.keySet()).allSatisfy((t, n) -> assertThat(n).isEqualTo(1L));
        updates.forEach((taskId, description) ->
                assertThat(state.task(taskId).orElseThrow().description()).isEqualTo(description));
        // the invalid commands dead-lettered (at least once; a rebalance may repeat one, with the same source offset)
        List<ConsumerRecord<String, String>> dlq = kafka.readAll(topic + ".dlq", Duration.ofSeconds(1));
        assertThat(dlq.stream().map(ConsumerRecord::key).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(invalid);
        // the two instances together kept to the server's budget: one budget for the credential in the JVM
        assertThat(sandbox.overLimitCount()).as("requests the server refused for the rate").isZero();
    }

    /** One "machine": its own CamelContext, webwork component and idempotency repository, on the shared services. */
    private CamelContext instance(String name, String topic, String group, String keysTopic) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName("instance-" + name);
        WebworkComponent webwork = new WebworkComponent();
        webwork.getConfiguration().setBaseUrl(sandbox.baseUrl());
        webwork.getConfiguration().setAccessToken(sandbox.token());
        // the server's per-user limit: the two instances of this JVM draw on one budget of it (SharedBudgets)
        webwork.getConfiguration().setRateLimit(SERVER_LIMIT);
        webwork.getConfiguration().setRateLimitWindow(WINDOW.toMillis());
        context.addComponent("webwork", webwork);
        Properties p = new Properties();
        p.put("kafka.brokers", kafka.bootstrapServers());
        p.put("kafka.poll-timeout-ms", "500");
        p.put("webwork.workspace-id", "1");
        p.put("webwork.commands.topic", topic);
        p.put("webwork.commands.dlq-topic", topic + ".dlq");
        p.put("webwork.commands.group-id", group);
        p.put("webwork.commands.max-poll-records", "10");
        p.put("webwork.commands.idempotency-file", tmp.resolve("unused-" + name + ".dat").toString());
        p.put("webwork.commands.idempotency-repository", "webworkSharedCommandKeys");
        p.put("webwork.commands.keys-topic", keysTopic);
        p.put("webwork.commands.redelivery-delay", "20");
        context.getPropertiesComponent().setOverrideProperties(p);
        context.start();
        contexts.add(context);
        // the keys shared between machines, as the example deploys them: the Kafka-topic repository of
        // examples/kafka-to-webwork/shared-keys.yaml, named by webwork.commands.idempotency-repository
        YamlRoutes.loadFile(context, Path.of("examples", "kafka-to-webwork", "shared-keys.yaml"));
        YamlRoutes.load(context, "kafka-to-webwork.yaml");
        assertThat(context.getRegistry().lookupByName("webworkSharedCommandKeys"))
                .isInstanceOf(KafkaIdempotentRepository.class);
        return context;
    }

    private static ObjectNode command(String id, String resource, String operation) {
        return JSON.createObjectNode().put("id", id).put("resource", resource).put("operation", operation);
    }
}
