package io.github.camelwebwork.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One §8.1 delivery as the sandbox sent it (a snapshot, see {@link WebworkSandbox#deliveries()}): one event for one
 * registered webhook. {@code id} is the delivery id (the body's {@code id} and the {@code X-Webwork-Delivery}
 * header, the same on every retry, duplicate and redelivery); {@code url} is the webhook's URL when the event fired;
 * {@code body} is the raw JSON text sent, byte for byte the same on every attempt. {@code attempts} lists every send
 * in the order the answers came back (retries, duplicate sends and redeliveries included).
 */
public record WebhookDelivery(String id, String event, String webhookId, String url, String body,
                              List<Attempt> attempts) {

    public WebhookDelivery {
        Objects.requireNonNull(id, "id");
        attempts = List.copyOf(attempts);
    }

    /**
     * One send: {@code status} is the receiver's HTTP status, 0 when there was no answer (connection refused,
     * timeout, reset, unresolvable host); {@code at} is when the send started, on the sandbox clock.
     */
    public record Attempt(int status, Instant at) {

        public boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    /** Whether any attempt was answered 2xx. */
    public boolean delivered() {
        return attempts.stream().anyMatch(Attempt::succeeded);
    }
}
