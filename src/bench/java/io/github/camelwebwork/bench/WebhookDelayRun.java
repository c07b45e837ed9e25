package io.github.camelwebwork.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelwebwork.sandbox.SandboxTask;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import io.github.camelwebwork.support.EmbeddedKafka;
import io.github.camelwebwork.support.LoopbackHttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import static io.github.camelwebwork.bench.BenchSupport.f;
import static org.awaitility.Awaitility.await;

/**
 * Group scale, the webhook trigger's delay (issue 16): a {@code trigger=webhook} consumer of a 1,000-task project
 * writing each change to a real Kafka topic (embedded KRaft broker); a task is edited through the API and a plain
 * Kafka consumer notes when its record arrives. Real time on loopback: the sandbox delivers the signed event to
 * platform-http, the consumer gets the task, Camel writes the record and the broker acknowledges it. The edits are one
 * at a time, each after the last one's record arrived.
 */
final class WebhookDelayRun {

    private static final int TASKS = 1_000;
    private static final int EDITS = Integer.getInteger("bench.webhook.edits", 50);
    private static final String TOPIC = "bench.tasks.changes";

    private WebhookDelayRun() {
    }

    static String run() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
             WebworkSandbox sandbox = WebworkSandbox.builder().noRateLimit().build().start()) {
            kafka.createTopics(List.of(TOPIC), List.of());
            List<SandboxTask> tasks = sandbox.state().addTasks(1, 102, TASKS);
            int port = AvailablePortFinder.getNextAvailable();
            CamelContext camel = BenchSupport.camel(sandbox.baseUrl(), sandbox.token(), 1_000);
            LoopbackHttpServer.addTo(camel, port);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("webwork:tasks?workspaceId=1&projectId=102&trigger=webhook&snapshot=false&delay=60000"
                         + "&initialDelay=0&webhookExternalUrl=http://127.0.0.1:" + port + "&webhookPath=/webwork/bench")
                            .setHeader("kafka.KEY", header("CamelWebworkKey")).marshal().json()
                            .to("kafka:" + TOPIC + "?brokers=" + kafka.bootstrapServers()
                                + "&synchronous=true&requestRequiredAcks=all");
                }
            });
            Map<String, Long> arrived = new ConcurrentHashMap<>();
            AtomicBoolean reading = new AtomicBoolean(true);
            Thread reader = new Thread(() -> read(kafka.bootstrapServers(), arrived, reading), "kafka-reader");
            reader.start();
            camel.start();
            try {
                // the first (silent) scan has read the project's pages: what follows is the events'
                await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.requests().stream()
                        .filter(r -> r.method().equals("GET") && r.path().equals("/api/v2/tasks")).count()
                        >= TASKS / 100);
                sandbox.clearRequests();
                ProducerTemplate template = camel.createProducerTemplate();
                List<Double> delays = new ArrayList<>();
                for (int i = 0; i < EDITS; i++) {
                    SandboxTask task = tasks.get(i * 17 % TASKS);
                    String key = "1:tasks:" + task.id();
                    arrived.remove(key);
                    template.requestBody("webwork:tasks?operation=update&workspaceId=1&projectId=102&taskId="
                                         + task.id(), Map.of("title", "Edited " + i));
                    long edited = System.nanoTime();
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1))
                            .until(() -> arrived.containsKey(key));
                    delays.add((arrived.get(key) - edited) / 1e6);
                }
                long gets = sandbox.requests().stream().filter(r -> r.method().equals("GET")
                        && r.path().startsWith("/api/v2/tasks/")).count();
                long lists = sandbox.requests().stream().filter(r -> r.method().equals("GET")
                        && r.path().equals("/api/v2/tasks")).count();
                delays.sort(null);
                StringBuilder md = new StringBuilder(f("%n### The webhook trigger: event to Kafka%n%n"));
                md.append(f("`trigger=webhook` on a project of %,d tasks, each change written to a Kafka topic (embedded"
                            + " broker, `synchronous=true`, acks=all); %d edits through the API, one at a time. Delay:"
                            + " from the update call's answer to the record's arrival at a plain Kafka consumer. Real"
                            + " time on loopback, on this machine (not controlled).%n%n", TASKS, EDITS));
                md.append("| edits | p50 delay | p95 delay | max delay | gets of a task | list pages read |\n");
                md.append("|---|---|---|---|---|---|\n");
                md.append(f("| %d | %.0f ms | %.0f ms | %.0f ms | %d | %d |%n", EDITS, delays.get(EDITS / 2),
                        delays.get(Math.min(EDITS - 1, EDITS * 95 / 100)), delays.get(EDITS - 1), gets, lists));
                md.append("\nEach event costs one get of the task it names and no list page. The scans between (one a"
                          + " minute, none fell in this run) read page 1 and the newest page, as no event announces a"
                          + " new task, and the full reconciliation comes every `reconcileInterval` (6 hours). Requests"
                          + " an hour for 50,000 tasks with 1% edited: docs/change-capture.md (counted on the wire by"
                          + " ChangeCaptureCostTest).\n");
                return md.toString();
            } finally {
                camel.stop();
                reading.set(false);
                reader.join();
            }
        }
    }

    private static void read(String brokers, Map<String, Long> arrived, AtomicBoolean reading) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.assign(List.of(new TopicPartition(TOPIC, 0)));
            while (reading.get()) {
                consumer.poll(Duration.ofMillis(5)).forEach(r -> arrived.put(r.key(), System.nanoTime()));
            }
        }
    }
}
