package io.github.camelwebwork.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.server.common.MetadataVersion;

import static org.awaitility.Awaitility.await;

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
        try (Admin admin = admin()) {
            List<NewTopic> topics = new ArrayList<>();
            plain.forEach(t -> topics.add(new NewTopic(t, 1, (short) 1)));
            compacted.forEach(t -> topics.add(new NewTopic(t, 1, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact"))));
            admin.createTopics(topics).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics", e);
        }
    }

    /** Creates each topic with {@code partitions} partitions. */
    public void createTopics(int partitions, String... topics) {
        try (Admin admin = admin()) {
            admin.createTopics(Stream.of(topics).map(t -> new NewTopic(t, partitions, (short) 1)).toList()).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics", e);
        }
    }

    /** Sends the records (acks=all, each to its own topic) and waits until the broker has them all. */
    public void sendAll(List<ProducerRecord<String, String>> records) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            records.forEach(producer::send);
            producer.flush();
        }
    }

    /** The offsets {@code group} has committed over the partitions of {@code topic}, summed. */
    public long committed(String group, String topic) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        }
    }

    /** Waits until {@code members} members of {@code group} each hold partitions (the group has settled). */
    public void awaitMembersWithPartitions(String group, int members, Duration atMost) {
        try (Admin admin = admin()) {
            await().atMost(atMost).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> admin.describeConsumerGroups(List.of(group)).all().get().get(group).members()
                            .stream().filter(m -> !m.assignment().topicPartitions().isEmpty()).count(),
                            n -> n == members);
        }
    }

    /** A record's header as text ("" when it has none of that name). */
    public static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
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
