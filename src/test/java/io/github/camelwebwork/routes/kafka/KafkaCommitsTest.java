package io.github.camelwebwork.routes.kafka;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The manual offset commit of routes/kafka-to-webwork.yaml. */
class KafkaCommitsTest {

    private final Exchange exchange = new DefaultExchange(new DefaultCamelContext());
    private final KafkaCommits commits = new KafkaCommits();

    @Test
    void commitsThroughTheConsumersHandle() {
        AtomicInteger committed = new AtomicInteger();
        exchange.getMessage().setHeader(KafkaConstants.MANUAL_COMMIT, (KafkaManualCommit) committed::incrementAndGet);
        commits.commit(exchange);
        assertThat(committed).hasValue(1);
    }

    @Test
    void withoutManualCommitsTheRouteRefusesToGoOn() {
        assertThatThrownBy(() -> commits.commit(exchange)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("allowManualCommit=true");
    }

    @Test
    void aFailedCommitBecomesAnOffsetCommitException() {
        exchange.getMessage().setHeader(KafkaConstants.TOPIC, "webwork.commands");
        exchange.getMessage().setHeader(KafkaConstants.PARTITION, 1);
        exchange.getMessage().setHeader(KafkaConstants.OFFSET, 7L);
        exchange.getMessage().setHeader(KafkaConstants.MANUAL_COMMIT, (KafkaManualCommit) () -> {
            throw new IllegalStateException("rebalanced");
        });
        assertThatThrownBy(() -> commits.commit(exchange)).isInstanceOf(OffsetCommitException.class)
                .hasMessage("Committing the offset of webwork.commands-1@7 failed: rebalanced");
    }
}
