package io.github.camelwebwork.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Kafka broker in this JVM (KRaft, one combined node, no Docker), for the tests and the demo, with helpers to
 * create topics, send strings and read a topic from the beginning.
 * <p>
 * The broker's directories are deleted by {@link #close()}, after the broker stopped, and not at JVM exit: Kafka's
 * test kit deletes them from a shutdown hook of its own, which runs alongside every other hook, so on Ctrl+C it
 * pulled the log directory from under a running broker ("all log dirs have failed"). A program that stops on a
 * signal closes this from its own hook, in its own order.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final String TEMP_DIR_HOOK = "delete-temp-file-shutdown-hook";

    private final KafkaClusterTestKit cluster;
    private final List<Runnable> deleteDirectories;

    private EmbeddedKafka(KafkaClusterTestKit cluster, List<Runnable> deleteDirectories) {
        this.cluster = cluster;
        this.deleteDirectories = deleteDirectories;
    }

    /** Formats and starts a one-node cluster (about 1.5 s). */
    public static EmbeddedKafka start() {
        List<Runnable> deleteDirectories = new ArrayList<>();
        KafkaClusterTestKit cluster;
        Thread starter = Thread.currentThread();
        // the test kit's temporary directories register their deletion through Exit.addShutdownHook; keep ours
        Exit.setShutdownHookAdder((name, hook) -> {
            if (TEMP_DIR_HOOK.equals(name) && Thread.currentThread() == starter) {
                deleteDirectories.add(hook);
            } else {
                Runtime.getRuntime().addShutdownHook(new Thread(hook, name));
            }
        });
        try {
            cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
        } catch (Exception e) {
            deleteDirectories.forEach(Runnable::run);
            throw new IllegalStateException("cannot start the embedded Kafka broker", e);
        } finally {
            Exit.resetShutdownHookAdder();
        }
        EmbeddedKafka kafka = new EmbeddedKafka(cluster, deleteDirectories);
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return kafka;
        } catch (Exception e) {
            try {
                kafka.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("cannot start the embedded Kafka broker", e);
        }
    }

    /** The directory holding the broker's metadata and log directories; deleted by {@link #close()}. */
    public Path directory() {
        return Path.of(cluster.nodes().baseDirectory());
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** The cluster, e.g. to stop and restart its broker in a test. */
    public KafkaClusterTestKit cluster() {
        return cluster;
    }

    /** Creates topics with one partition each; {@code compacted} ones with cleanup.policy=compact. */
    public void createTopics(List<String> plain, List<String> compacted) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            List<NewTopic> topics = new ArrayList<>();
            plain.forEach(t -> topics.add(new NewTopic(t, 1, (short) 1)));
            compacted.forEach(t -> topics.add(new NewTopic(t, 1, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact"))));
            admin.createTopics(topics).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics", e);
        }
    }

    /** Sends one record and waits for the broker's acknowledgement. */
    public void send(String topic, String key, String value) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    /**
     * Every record of a topic so far: the partitions are assigned directly (no group to join) and read from the
     * beginning up to the end offsets they had when called; {@code timeout} bounds the whole read.
     */
    public List<ConsumerRecord<String, String>> readAll(String topic, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Math.max(timeout.toNanos(), Duration.ofSeconds(10).toNanos());
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                   && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Stops the broker, then deletes its directories (left in place when it did not stop). */
    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the embedded Kafka broker", e);
        }
        deleteDirectories.forEach(Runnable::run);
    }
}
