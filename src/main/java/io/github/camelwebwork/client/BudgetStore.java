package io.github.camelwebwork.client;

import java.time.Duration;

/**
 * Where the sliding log of a credential's rate budget is kept when several processes (machines) share the credential:
 * every take and answer of every process goes through it, so that all of them together never send more than the
 * limit in any window. Without a store each process keeps its own log ({@link RateBudget}, shared within the JVM by
 * {@link SharedBudgets}); {@link LocalBudgetStore} is this interface's reference implementation in one JVM and
 * {@link HazelcastBudgetStore} the one across machines. An implementation keeps {@link SlidingLog}'s rules: a slot is
 * held from {@link #take} until one window after {@link #answered}.
 * <p>
 * Keys are a fingerprint of the base URL and the credential, never a secret. A method that cannot reach the store
 * throws: the client then falls back to a local share of the limit (option {@code budgetFallbackShare}) and retries
 * the store now and then.
 */
public interface BudgetStore {

    /**
     * The outcome of {@link #take}: a slot (&gt; 0), or how long to wait before asking again; and how many processes
     * hold slots in the window (0: unknown), which the default fallback share divides the limit by.
     */
    record Take(long slot, Duration retryAfter, int sharers) {
        public boolean granted() {
            return slot > 0;
        }
    }

    /**
     * Takes a slot of {@code key} for a request about to be sent, when fewer than {@code limit} are held in the
     * {@code window} (the enforced window, margin included). Each granted slot is followed by one {@link #answered} or
     * {@link #giveBack}.
     */
    Take take(String key, int limit, Duration window);

    /**
     * The answer to the request of {@code slot} (or its failure) is in: the slot frees up one window from now. When
     * the answer said how many requests the server still allows ({@code X-RateLimit-Remaining}, else -1), what it
     * says was spent beyond the log (by a tool that does not use the store) is booked until one window from now.
     */
    void answered(String key, long slot, int limit, Duration window, int serverRemaining);

    /** The request of {@code slot} was not sent: the slot is free at once. */
    void giveBack(String key, long slot);

    /** How many processes share the store as last known (0: unknown); the default fallback share divides by it too. */
    default int members() {
        return 0;
    }

    /** The component started using the store (one call per component, matched by one {@link #close()}). */
    default void open() {
    }

    /** A component stopped using the store; the store's engine (a Hazelcast instance, ...) stays its owner's. */
    default void close() {
    }
}
