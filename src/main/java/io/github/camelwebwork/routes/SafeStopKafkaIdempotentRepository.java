package io.github.camelwebwork.routes;

import java.lang.reflect.Field;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Service;
import org.apache.camel.processor.idempotent.kafka.KafkaIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * camel-kafka's {@link KafkaIdempotentRepository} (the idempotency keys of every instance on one Kafka topic),
 * stopped without racing its own sync thread.
 * <p>
 * Camel 4.18's {@code doStop()} shuts the background sync executor down without waiting, marks the sync loop stopped
 * and closes the Kafka consumer at once, while the sync thread may still be inside {@code consumer.poll()}. The
 * close then fails with {@code ConcurrentModificationException: KafkaConsumer is not safe for multi-threaded access}
 * (the consumer stays open and the CamelContext's stop logs the stack trace). Here the sync loop is stopped and its
 * thread awaited first, so the consumer is closed only by the stopping thread.
 */
public class SafeStopKafkaIdempotentRepository extends KafkaIdempotentRepository {

    private static final Logger LOG = LoggerFactory.getLogger(SafeStopKafkaIdempotentRepository.class);
    /** A poll waits at most pollDurationMs; then the loop sees it is stopped. Beyond that margin, something hangs. */
    private static final long STOP_MARGIN_MS = 10_000;
    private static final Field POLLER = field("poller");
    private static final Field EXECUTOR = field("executorService");

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
    }

    private static Field field(String name) {
        try {
            Field field = KafkaIdempotentRepository.class.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("camel-kafka's KafkaIdempotentRepository has no field '" + name
                                            + "' any more: check whether its doStop() still needs "
                                            + SafeStopKafkaIdempotentRepository.class.getSimpleName(), e);
        }
    }
}
