package io.github.camelwebwork.client;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * A {@link BudgetStore} in this JVM's memory: the same rules as {@link HazelcastBudgetStore}, for one process. Without
 * a {@code budgetStore} the component does not use a store at all (each JVM's {@link RateBudget} is its log); this one
 * is the reference a custom store is tested against, and a store for processes that are one JVM after all.
 */
public final class LocalBudgetStore implements BudgetStore {

    private final ConcurrentMap<String, long[]> logs = new ConcurrentHashMap<>();
    private final LongSupplier millisClock;
    private final Duration lease;

    public LocalBudgetStore() {
        this(() -> System.nanoTime() / 1_000_000, SlidingLog.DEFAULT_LEASE);
    }

    /** {@code millisClock}: a monotonic clock in milliseconds; {@code lease}: the longest a request stays in flight. */
    public LocalBudgetStore(LongSupplier millisClock, Duration lease) {
        this.millisClock = millisClock;
        this.lease = lease;
    }

    @Override
    public Take take(String key, int limit, Duration window) {
        SlidingLog.Taken[] taken = new SlidingLog.Taken[1];
        logs.compute(key, (k, log) -> {
            taken[0] = SlidingLog.take(SlidingLog.orEmpty(log), millisClock.getAsLong(), limit, window.toMillis(),
                    lease.toMillis(), 0, 0, SlidingLog.pollMillis(limit, window));
            return taken[0].log();
        });
        return taken[0].granted() ? new Take(taken[0].slot(), Duration.ZERO, 1)
                : new Take(0, Duration.ofMillis(-taken[0].waitMillis()), 1);
    }

    @Override
    public void answered(String key, long slot, int limit, Duration window, int serverRemaining) {
        logs.compute(key, (k, log) -> {
            long now = millisClock.getAsLong();
            long[] answered = SlidingLog.answered(SlidingLog.orEmpty(log), now, slot, window.toMillis(), 0, 0);
            return SlidingLog.observe(answered, now, limit, window.toMillis(), serverRemaining);
        });
    }

    @Override
    public void giveBack(String key, long slot) {
        logs.computeIfPresent(key, (k, log) -> SlidingLog.giveBack(log, millisClock.getAsLong(), slot));
    }

    /** Slots of {@code key} held now. */
    public int held(String key) {
        long[] log = logs.get(key);
        return log == null ? 0 : SlidingLog.size(log, millisClock.getAsLong());
    }

    @Override
    public int members() {
        return 1;
    }

    @Override
    public String toString() {
        return "LocalBudgetStore[" + logs.size() + " credentials]";
    }
}
