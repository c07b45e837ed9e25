package io.github.camelwebwork.routes.kafka;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.Service;
import org.apache.camel.processor.idempotent.kafka.KafkaIdempotentRepository;
import org.apache.camel.support.LRUCacheFactory;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * camel-kafka's {@link KafkaIdempotentRepository} (the idempotency keys of every instance on one Kafka topic), made to
 * read its own and the other instances' writes, and stopped without racing its own sync thread.
 * <p>
 * <b>Read-your-writes across instances.</b> camel-kafka's repository answers {@link #add} and {@link #contains} from
 * a cache that its background thread fills from the topic: a key another instance added moments ago is not there
 * yet. After a rebalance the new owner of a partition reads the command the old owner had just sent (its offset not
 * yet committed), finds the key missing and creates the record a second time. Here every {@code add},
 * {@code contains} and {@code remove} first reads the topic up to its end offset of that moment (a consumer of its
 * own, assigned to every partition, no group), so any key whose add was acknowledged by the broker before the call
 * is seen. The cost is one end-offsets request per call, plus the records since the last one. Two instances adding
 * the same key at the very same moment are not ordered by this (Kafka's group protocol keeps a record with one
 * consumer at a time); a key-value store with an atomic put-if-absent is the stronger choice then.
 * <p>
 * Camel 4.18's {@code doStop()} shuts the background sync executor down without waiting, marks the sync loop stopped
 * and closes the Kafka consumer at once, while the sync thread may still be inside {@code consumer.poll()}. The
 * close then fails with {@code ConcurrentModificationException: KafkaConsumer is not safe for multi-threaded access}
 * (the consumer stays open and the CamelContext's stop logs the stack trace). Here the sync loop is stopped and its
 * thread awaited first, so the consumer is closed only by the stopping thread.
 */
public class SharedKafkaIdempotentRepository extends KafkaIdempotentRepository {

    private static final Logger LOG = LoggerFactory.getLogger(SharedKafkaIdempotentRepository.class);
    /** A poll waits at most pollDurationMs; then the loop sees it is stopped. Beyond that margin, something hangs. */
    private static final long STOP_MARGIN_MS = 10_000;
    private static final Field POLLER = field("poller");
    private static final Field EXECUTOR = field("executorService");
    /** How long a call waits for the topic's end offsets and the records up to them. */
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(30);

    private KafkaConsumer<String, String> tail;
    private List<TopicPartition> partitions;
    /** The latest action read by {@link #catchUp()} per key: true added, false removed (newer than the cache). */
    private Map<String, Boolean> latest;

    @Override
    protected void doStart() throws Exception {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, getBootstrapServers() != null ? getBootstrapServers()
                : getConsumerConfig().getProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
        if (getConsumerConfig() != null) {
            getConsumerConfig().forEach((k, v) -> {
                if (!ConsumerConfig.GROUP_ID_CONFIG.equals(k)) {
                    config.put(k, v);
                }
            });
        }
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        tail = new KafkaConsumer<>(config);
        partitions = tail.partitionsFor(getTopic(), CATCH_UP_TIMEOUT).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        tail.assign(partitions);
        tail.seekToEnd(partitions);
        partitions.forEach(p -> tail.position(p, CATCH_UP_TIMEOUT));   // before the cache is filled: no gap
        latest = LRUCacheFactory.newLRUCache(Math.max(16, getMaxCacheSize()));
        super.doStart();
    }

    @Override
    public synchronized boolean add(String key) {
        if (present(key)) {
            return false;
        }
        super.add(key);
        latest.put(key, true);
        return true;
    }

    @Override
    public synchronized boolean contains(String key) {
        return present(key);
    }

    @Override
    public synchronized boolean remove(String key) {
        catchUp();
        latest.put(key, false);
        return super.remove(key);
    }

    @Override
    public synchronized void clear() {
        catchUp();
        latest.clear();
        super.clear();
    }

    private boolean present(String key) {
        catchUp();
        Boolean known = latest.get(key);
        return known != null ? known : super.contains(key);
    }

    /** Reads the keys topic up to its end offsets of now. */
    private void catchUp() {
        if (tail == null) {
            throw new IllegalStateException("The idempotency keys of topic " + getTopic() + " are not started");
        }
        long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
        try {
            Map<TopicPartition, Long> end = tail.endOffsets(partitions, CATCH_UP_TIMEOUT);
            while (partitions.stream().anyMatch(p -> tail.position(p, CATCH_UP_TIMEOUT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new RuntimeCamelException("The keys topic " + getTopic() + " could not be read up to its end"
                                                    + " within " + CATCH_UP_TIMEOUT.toSeconds() + " s");
                }
                for (ConsumerRecord<String, String> record : tail.poll(Duration.ofMillis(100))) {
                    switch (String.valueOf(record.value())) {
                        case "add" -> latest.put(record.key(), true);
                        case "remove" -> latest.put(record.key(), false);
                        case "clear" -> latest.clear();
                        default -> LOG.debug("Unknown action '{}' on the keys topic {}", record.value(), getTopic());
                    }
                }
            }
        } catch (KafkaException e) {
            throw new RuntimeCamelException("The keys topic " + getTopic() + " could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService((Service) POLLER.get(this));
        ExecutorService sync = (ExecutorService) EXECUTOR.get(this);
        if (sync != null) {
            sync.shutdown();
            if (!sync.awaitTermination(getPollDurationMs() + STOP_MARGIN_MS, TimeUnit.MILLISECONDS)) {
                LOG.warn("The sync thread of the keys topic {} did not end within {} ms; closing its consumer anyway",
                        getTopic(), getPollDurationMs() + STOP_MARGIN_MS);
            }
        }
        super.doStop();
        synchronized (this) {
            if (tail != null) {
                tail.close(Duration.ofSeconds(5));
                tail = null;
            }
        }
    }

    private static Field field(String name) {
        try {
            Field field = KafkaIdempotentRepository.class.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("camel-kafka's KafkaIdempotentRepository has no field '" + name
                                            + "' any more: check whether its doStop() still needs "
                                            + SharedKafkaIdempotentRepository.class.getSimpleName(), e);
        }
    }
}
