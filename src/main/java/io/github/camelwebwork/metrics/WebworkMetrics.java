package io.github.camelwebwork.metrics;

import java.util.function.IntSupplier;

/**
 * The component's meters (docs/metrics.md). {@link #NOOP} when no Micrometer {@code MeterRegistry} is bound in the
 * Camel registry: then nothing is registered and every call returns at once, so that metrics cost nothing unless they
 * are wanted. Holds no Micrometer type, so that Micrometer stays an optional dependency.
 */
public interface WebworkMetrics {

    /** Webhook delivery outcomes ({@code camel.webwork.webhook.deliveries} tag {@code outcome}). */
    String ACCEPTED = "accepted";
    String DUPLICATE = "duplicate";
    String REFUSED = "refused";
    String FAILED = "failed";

    WebworkMetrics NOOP = new WebworkMetrics() {
    };

    /** Whether meters are recorded at all. */
    default boolean isEnabled() {
        return false;
    }

    /** The meters of one credential's client; {@code credential} is a fingerprint, never the secret. */
    default ClientMetrics client(String credential) {
        return ClientMetrics.NOOP;
    }

    /** Reports a credential's rate budget: the requests it could send right now. */
    default void watchBudget(String credential, IntSupplier remaining) {
    }

    /** A create whose earlier attempt had taken effect, found by its look-up instead of being sent again. */
    default void createRecovered(String resource, String operation) {
    }

    /** One poll of a change-capture consumer: how long it took and how many requests it made. */
    default void poll(String resource, long nanos, int requests) {
    }

    /** A change a consumer hands to its route; {@code type} CREATED, UPDATED or DELETED. */
    default void change(String resource, String type) {
    }

    /** A consumer completed a scan of every partition of its resource (the freshness of what it reported). */
    default void scanCompleted(String resource) {
    }

    /** A webhook delivery: its outcome and, for a refusal, why (a short fixed reason, never the secret). */
    default void webhookDelivery(String outcome, String reason) {
    }

    /** Reports a long job's progress ({@code camel.webwork.progress.*} tag {@code job}). */
    default void watchProgress(Progress progress) {
    }

    /** Stops reporting what this instance watches (budgets, progress, scan ages); the counts stay. */
    default void close() {
    }
}
