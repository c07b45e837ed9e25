package io.github.camelwebwork.routes.kafka;

import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * Commits the offset of the record an exchange came from, synchronously, through the {@code CamelKafkaManualCommit}
 * header of a camel-kafka consumer with {@code autoCommitEnable=false} and {@code allowManualCommit=true} (and no
 * {@code kafkaManualCommitFactory}, so that camel-kafka's no-op commit manager leaves every commit to the route).
 * <p>
 * Call it as the last step of the success path and of the dead-letter path, from the consumer's own thread (no
 * asynchronous step before it: a Kafka consumer is not thread-safe).
 */
public class KafkaCommits {

    /**
     * Commits {@code offset + 1} of the exchange's record and waits for the broker's acknowledgement.
     *
     * @throws IllegalStateException  when the exchange carries no manual-commit handle (the consumer is not
     *                                configured for manual commits: the route would otherwise never commit)
     * @throws OffsetCommitException  when the commit failed (e.g. the partition was revoked by a rebalance)
     */
    public void commit(Exchange exchange) {
        KafkaManualCommit manual = exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
        if (manual == null) {
            throw new IllegalStateException("No " + KafkaConstants.MANUAL_COMMIT + " header: the kafka consumer needs"
                                            + " autoCommitEnable=false and allowManualCommit=true");
        }
        try {
            manual.commit();
        } catch (RuntimeException e) {
            throw new OffsetCommitException("Committing the offset of "
                                            + exchange.getMessage().getHeader(KafkaConstants.TOPIC) + "-"
                                            + exchange.getMessage().getHeader(KafkaConstants.PARTITION) + "@"
                                            + exchange.getMessage().getHeader(KafkaConstants.OFFSET) + " failed: "
                                            + e.getMessage(), e);
        }
    }
}
