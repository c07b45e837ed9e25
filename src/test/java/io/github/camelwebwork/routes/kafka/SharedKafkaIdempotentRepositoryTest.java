package io.github.camelwebwork.routes.kafka;

import java.time.Duration;
import java.util.List;

import io.github.camelwebwork.support.EmbeddedKafka;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

/**
 * The shared idempotency keys of examples/kafka-to-webwork/shared-keys.yaml stop while their sync thread polls the
 * keys topic, as when a CamelContext stops: no ConcurrentModificationException, no sync thread left behind.
 */
class SharedKafkaIdempotentRepositoryTest {

    private static final String TOPIC = "keys-safe-stop";
    private static EmbeddedKafka kafka;
    private static CamelContext context;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafka.start();
        kafka.createTopics(List.of(TOPIC), List.of());
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterAll
    static void stop() {
        context.stop();
        kafka.close();
    }

    @Test
    void stopsWhileItsSyncThreadPollsAndKeepsTheKeysOnTheTopic() {
        for (int i = 0; i < 5; i++) {
            SharedKafkaIdempotentRepository keys = repository();
            assertThat(keys.add("cmd-" + i)).isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> !syncThreads().isEmpty());
            assertThatCode(keys::stop).as("stop %d", i).doesNotThrowAnyException();
            assertThat(syncThreads()).as("sync threads after stop %d", i).isEmpty();
        }
        SharedKafkaIdempotentRepository later = repository();
        try {
            assertThat(later.contains("cmd-0")).isTrue();
            assertThat(later.contains("cmd-4")).isTrue();
            assertThat(later.add("cmd-2")).isFalse();
        } finally {
            later.stop();
        }
    }

    /**
     * Two instances share the keys (a consumer group that rebalances): a key one instance added is seen by the other
     * at once, not only after its sync thread read it, so a command redelivered to the other instance right after a
     * rebalance is looked up instead of created twice. camel-kafka's own repository answers {@code true} here for
     * most keys: its cache learns the other instance's keys only from its background poll.
     */
    @Test
    void aKeyOneInstanceAddedIsSeenByTheOtherAtOnce() {
        SharedKafkaIdempotentRepository a = repository();
        SharedKafkaIdempotentRepository b = repository();
        try {
            for (int i = 0; i < 50; i++) {
                assertThat(a.add("seq-" + i)).as("first add of seq-%d", i).isTrue();
                assertThat(b.add("seq-" + i)).as("the other instance's add of seq-%d", i).isFalse();
                assertThat(b.contains("seq-" + i)).isTrue();
            }
            assertThat(a.remove("seq-7")).isTrue();
            assertThat(b.contains("seq-7")).as("removed by the other instance").isFalse();
            assertThat(b.add("seq-7")).as("added again after its remove").isTrue();
            assertThat(a.add("seq-7")).isFalse();
        } finally {
            a.stop();
            b.stop();
        }
    }

    private static SharedKafkaIdempotentRepository repository() {
        SharedKafkaIdempotentRepository keys = new SharedKafkaIdempotentRepository();
        keys.setTopic(TOPIC);
        keys.setBootstrapServers(kafka.bootstrapServers());
        keys.setCamelContext(context);
        keys.start();
        return keys;
    }

    private static List<Thread> syncThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().contains("KafkaIdempotentRepositorySync")).toList();
    }
}
