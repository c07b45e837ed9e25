package io.github.camelwebwork.client;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;

/**
 * A {@link BudgetStore} in a Hazelcast cluster: one {@link IMap} entry per credential holds its {@link SlidingLog},
 * changed atomically by entry processors on the member that owns the entry (one round trip per take and per answer;
 * times are that member's clock, so keep the machines' clocks in step, e.g. NTP: a skew below the budget's margin, a
 * twentieth of the window, is absorbed).
 * <p>
 * Each slot carries the id of the process that took it (the instance's local endpoint: a member's or a client's
 * UUID). When a member leaves the cluster its slots still in flight free up one window later, as its requests reached
 * the server by the time it left; a slot whose answer never comes (a client that vanished) frees up at the end of its
 * lease ({@link #setLease}, default {@link #DEFAULT_LEASE}) plus one window.
 * <p>
 * The instance is the application's: a member of its cluster or a client of it, configured, started and shut down by
 * the application; the store only adds a membership listener while a component uses it. The entry processors run on
 * the members, so the members need this jar on their class path (an embedded member has it).
 */
public final class HazelcastBudgetStore implements BudgetStore {

    /** The map the logs are kept in, unless {@link #HazelcastBudgetStore(HazelcastInstance, String)} names another. */
    public static final String DEFAULT_MAP = "camel-webwork-rate-budgets";
    /** The longest a request is taken to be in flight, when its process cannot say it was answered. */
    public static final Duration DEFAULT_LEASE = SlidingLog.DEFAULT_LEASE;

    private final HazelcastInstance hazelcast;
    private final IMap<String, long[]> logs;
    private final long holderHigh;
    private final long holderLow;
    private final AtomicInteger opened = new AtomicInteger();
    private volatile long leaseMillis = SlidingLog.DEFAULT_LEASE.toMillis();
    private volatile int members;
    private UUID listener;

    public HazelcastBudgetStore(HazelcastInstance hazelcast) {
        this(hazelcast, DEFAULT_MAP);
    }

    public HazelcastBudgetStore(HazelcastInstance hazelcast, String mapName) {
        this.hazelcast = Objects.requireNonNull(hazelcast, "hazelcast");
        this.logs = hazelcast.getMap(mapName);
        UUID holder = hazelcast.getLocalEndpoint().getUuid();
        this.holderHigh = holder.getMostSignificantBits();
        this.holderLow = holder.getLeastSignificantBits();
    }

    /** The longest a request may be in flight (at least the HTTP client's timeouts together); default 2 minutes. */
    public void setLease(Duration lease) {
        this.leaseMillis = lease.toMillis();
    }

    @Override
    public Take take(String key, int limit, Duration window) {
        long taken = logs.executeOnKey(key, new TakeSlot(limit, window.toMillis(), leaseMillis, holderHigh, holderLow,
                SlidingLog.pollMillis(limit, window)));
        // the low 16 bits: how many processes hold slots; the rest: the slot, or minus the wait
        int sharers = (int) (taken & 0xFFFF);
        long outcome = taken >> 16;
        return outcome > 0 ? new Take(outcome, Duration.ZERO, sharers)
                : new Take(0, Duration.ofMillis(-outcome), sharers);
    }

    @Override
    public void answered(String key, long slot, int limit, Duration window, int serverRemaining) {
        logs.executeOnKey(key, new Answered(slot, limit, window.toMillis(), serverRemaining, holderHigh, holderLow));
    }

    @Override
    public void giveBack(String key, long slot) {
        logs.executeOnKey(key, new GiveBack(slot));
    }

    /** A member: the members of the cluster, as last known; a client: 0 (the members are not the processes). */
    @Override
    public int members() {
        if (!(hazelcast.getLocalEndpoint() instanceof Member)) {
            return 0;
        }
        try {
            members = hazelcast.getCluster().getMembers().size();
        } catch (RuntimeException unreachable) {
            // the last count seen
        }
        return members;
    }

    /** Slots of {@code key} held now by the process of {@code holder}. */
    public int heldBy(String key, UUID holder) {
        long[] log = logs.get(key);
        return log == null ? 0 : SlidingLog.heldBy(log, System.currentTimeMillis(), holder.getMostSignificantBits(),
                holder.getLeastSignificantBits());
    }

    @Override
    public synchronized void open() {
        if (opened.getAndIncrement() == 0) {
            members();
            listener = hazelcast.getCluster().addMembershipListener(new MembershipListener() {
                @Override
                public void memberAdded(MembershipEvent event) {
                    members = event.getMembers().size();
                }

                @Override
                public void memberRemoved(MembershipEvent event) {
                    members = event.getMembers().size();
                    UUID gone = event.getMember().getUuid();
                    try {
                        // every member still there does it: the same result, and none is left to do it alone
                        logs.executeOnEntries(new ReleaseHolder(gone.getMostSignificantBits(),
                                gone.getLeastSignificantBits()));
                    } catch (RuntimeException e) {
                        // the cluster is going too: the slots free up at their lease's end
                    }
                }
            });
        }
    }

    @Override
    public synchronized void close() {
        if (opened.get() > 0 && opened.decrementAndGet() == 0 && listener != null) {
            try {
                hazelcast.getCluster().removeMembershipListener(listener);
            } catch (RuntimeException alreadyDown) {
                // the instance was shut down first: its listeners went with it
            }
            listener = null;
        }
    }

    @Override
    public String toString() {
        return "HazelcastBudgetStore[" + logs.getName() + "]";
    }

    /**
     * Applies a change to the log on the entry's owner, and the same resulting log to its backups (not the change
     * again: a backup's clock and copy may differ).
     */
    private abstract static class LogChange implements EntryProcessor<String, long[], Long> {
        private static final long serialVersionUID = 1L;
        private transient long[] result;

        @Override
        public Long process(Map.Entry<String, long[]> entry) {
            long[] log = SlidingLog.orEmpty(entry.getValue());
            long[] out = new long[1];
            result = change(log, System.currentTimeMillis(), out);
            entry.setValue(result);
            return out[0];
        }

        abstract long[] change(long[] log, long now, long[] out);

        @Override
        public EntryProcessor<String, long[], Long> getBackupProcessor() {
            return new SetLog(result);
        }
    }

    private static final class SetLog implements EntryProcessor<String, long[], Long> {
        private static final long serialVersionUID = 1L;
        private final long[] log;

        SetLog(long[] log) {
            this.log = log;
        }

        @Override
        public Long process(Map.Entry<String, long[]> entry) {
            entry.setValue(log);
            return 0L;
        }

        @Override
        public EntryProcessor<String, long[], Long> getBackupProcessor() {
            return null;
        }
    }

    private static final class TakeSlot extends LogChange {
        private static final long serialVersionUID = 1L;
        private final int limit;
        private final long window;
        private final long lease;
        private final long holderHigh;
        private final long holderLow;
        private final long poll;

        TakeSlot(int limit, long window, long lease, long holderHigh, long holderLow, long poll) {
            this.limit = limit;
            this.window = window;
            this.lease = lease;
            this.holderHigh = holderHigh;
            this.holderLow = holderLow;
            this.poll = poll;
        }

        @Override
        long[] change(long[] log, long now, long[] out) {
            SlidingLog.Taken taken = SlidingLog.take(log, now, limit, window, lease, holderHigh, holderLow, poll);
            long outcome = taken.granted() ? taken.slot() : taken.waitMillis();
            out[0] = outcome << 16 | Math.min(0xFFFF, SlidingLog.holders(taken.log(), now));
            return taken.log();
        }
    }

    private static final class Answered extends LogChange {
        private static final long serialVersionUID = 1L;
        private final long slot;
        private final int limit;
        private final long window;
        private final int remaining;
        private final long holderHigh;
        private final long holderLow;

        Answered(long slot, int limit, long window, int remaining, long holderHigh, long holderLow) {
            this.slot = slot;
            this.limit = limit;
            this.window = window;
            this.remaining = remaining;
            this.holderHigh = holderHigh;
            this.holderLow = holderLow;
        }

        @Override
        long[] change(long[] log, long now, long[] out) {
            return SlidingLog.observe(SlidingLog.answered(log, now, slot, window, holderHigh, holderLow), now, limit,
                    window, remaining);
        }
    }

    private static final class GiveBack extends LogChange {
        private static final long serialVersionUID = 1L;
        private final long slot;

        GiveBack(long slot) {
            this.slot = slot;
        }

        @Override
        long[] change(long[] log, long now, long[] out) {
            return SlidingLog.giveBack(log, now, slot);
        }
    }

    private static final class ReleaseHolder extends LogChange {
        private static final long serialVersionUID = 1L;
        private final long holderHigh;
        private final long holderLow;

        ReleaseHolder(long holderHigh, long holderLow) {
            this.holderHigh = holderHigh;
            this.holderLow = holderLow;
        }

        @Override
        long[] change(long[] log, long now, long[] out) {
            return SlidingLog.releaseHolder(log, now, holderHigh, holderLow);
        }
    }
}
