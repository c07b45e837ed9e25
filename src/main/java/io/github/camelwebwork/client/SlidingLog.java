package io.github.camelwebwork.client;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The sliding log of {@link RateBudget} as a value a {@link BudgetStore} can keep anywhere: a {@code long[]}, which
 * every store serialises without a class of ours (Hazelcast keeps it with its built-in serialiser), changed by pure
 * functions that return the new value. Times are milliseconds of the clock of whoever applies the function (for
 * Hazelcast: the member that owns the entry).
 * <p>
 * A slot is held from when it is taken until one window after its request's answer ({@link #answered}), like a
 * {@code RateBudget} slot. Each slot carries its holder (a process's id, two longs), so that the slots of a process
 * that went away are given back ({@link #releaseHolder}); a slot whose answer never comes frees up at its lease's end
 * plus one window.
 * <p>
 * Layout: {@code [nextId, window (ms, as last used), then per slot: id, holderHigh, holderLow, inFlight (1/0), until]}.
 */
public final class SlidingLog {

    private static final int HEADER = 2;
    private static final int SLOT = 5;
    private static final int ID = 0;
    private static final int HOLDER_HIGH = 1;
    private static final int HOLDER_LOW = 2;
    private static final int IN_FLIGHT = 3;
    private static final int UNTIL = 4;

    /** The longest a request is taken to be in flight, when its process cannot say it was answered. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);

    /** The log with no slot. */
    public static final long[] EMPTY = {1, 0};

    private SlidingLog() {
    }

    /** The outcome of {@link #take}: the new log, and the slot taken (&gt; 0) or how long to wait (&le; 0: -millis). */
    public record Taken(long[] log, long slot, long waitMillis) {
        public boolean granted() {
            return slot > 0;
        }
    }

    public static long[] orEmpty(long[] log) {
        return log == null ? EMPTY : log;
    }

    /** Slots held now. */
    public static int size(long[] log, long now) {
        int n = 0;
        for (int i = HEADER; i < log.length; i += SLOT) {
            if (log[i + UNTIL] > now) {
                n++;
            }
        }
        return n;
    }

    /** How many holders (processes) hold slots now; the server's bookings (holder 0) do not count. */
    public static int holders(long[] log, long now) {
        Set<UUID> seen = new HashSet<>();
        for (int i = HEADER; i < log.length; i += SLOT) {
            if (log[i + UNTIL] > now && (log[i + HOLDER_HIGH] != 0 || log[i + HOLDER_LOW] != 0)) {
                seen.add(new UUID(log[i + HOLDER_HIGH], log[i + HOLDER_LOW]));
            }
        }
        return seen.size();
    }

    /** Slots held now by one holder. */
    public static int heldBy(long[] log, long now, long holderHigh, long holderLow) {
        int n = 0;
        for (int i = HEADER; i < log.length; i += SLOT) {
            if (log[i + UNTIL] > now && log[i + HOLDER_HIGH] == holderHigh && log[i + HOLDER_LOW] == holderLow) {
                n++;
            }
        }
        return n;
    }

    /**
     * A slot for a request about to be sent, when fewer than {@code limit} are held; it counts until
     * {@code now + leaseMillis + windowMillis} unless {@link #answered} sooner. When none is free: how long until
     * enough answered slots leave the window, or {@code pollMillis} when only answers still to come can free one.
     */
    public static Taken take(long[] log, long now, int limit, long windowMillis, long leaseMillis, long holderHigh,
                             long holderLow, long pollMillis) {
        long[] live = prune(log, now);
        int held = (live.length - HEADER) / SLOT;
        if (held < limit) {
            long id = live[0];
            long[] next = Arrays.copyOf(live, live.length + SLOT);
            next[0] = id + 1;
            next[1] = windowMillis;
            int at = live.length;
            next[at + ID] = id;
            next[at + HOLDER_HIGH] = holderHigh;
            next[at + HOLDER_LOW] = holderLow;
            next[at + IN_FLIGHT] = 1;
            next[at + UNTIL] = now + leaseMillis + windowMillis;
            return new Taken(next, id, 0);
        }
        // the (held - limit + 1)-th answered slot to leave frees the next one
        long[] answeredUntil = new long[held];
        int answered = 0;
        for (int i = HEADER; i < live.length; i += SLOT) {
            if (live[i + IN_FLIGHT] == 0) {
                answeredUntil[answered++] = live[i + UNTIL];
            }
        }
        int toFree = held - limit + 1;
        if (toFree > answered) {
            return new Taken(live, 0, -Math.max(1, pollMillis));
        }
        Arrays.sort(answeredUntil, 0, answered);
        return new Taken(live, 0, -Math.max(1, answeredUntil[toFree - 1] - now));
    }

    /**
     * The answer to slot {@code slot} is in: it frees up one window from now. A slot no longer in the log (its lease
     * ran out) is booked again: the server counts it whatever the log thought.
     */
    public static long[] answered(long[] log, long now, long slot, long windowMillis, long holderHigh, long holderLow) {
        long[] live = prune(log, now);
        for (int i = HEADER; i < live.length; i += SLOT) {
            if (live[i + ID] == slot) {
                long[] next = live.clone();
                next[i + IN_FLIGHT] = 0;
                next[i + UNTIL] = now + windowMillis;
                return next;
            }
        }
        return book(live, now + windowMillis, 1, holderHigh, holderLow);
    }

    /** Slot {@code slot}'s request was never sent: the slot is free at once. */
    public static long[] giveBack(long[] log, long now, long slot) {
        long[] live = prune(log, now);
        for (int i = HEADER; i < live.length; i += SLOT) {
            if (live[i + ID] == slot) {
                long[] next = new long[live.length - SLOT];
                System.arraycopy(live, 0, next, 0, i);
                System.arraycopy(live, i + SLOT, next, i, live.length - i - SLOT);
                return next;
            }
        }
        return live;
    }

    /**
     * The server's {@code X-RateLimit-Remaining}: when it is lower than what the log leaves, the difference was spent
     * outside the log (another tool of the same user) and is booked until one window from now.
     */
    public static long[] observe(long[] log, long now, int limit, long windowMillis, int serverRemaining) {
        if (serverRemaining < 0) {
            return log;
        }
        long[] live = prune(log, now);
        int excess = limit - (live.length - HEADER) / SLOT - serverRemaining;
        return excess > 0 ? book(live, now + windowMillis, excess, 0, 0) : live;
    }

    /**
     * A holder went away (its process stopped or crashed): its requests in flight reached the server by now at the
     * latest, so each of its slots frees up one window from now instead of at its lease's end.
     */
    public static long[] releaseHolder(long[] log, long now, long holderHigh, long holderLow) {
        long[] next = prune(log, now);
        long windowMillis = next[1];
        boolean changed = false;
        for (int i = HEADER; i < next.length; i += SLOT) {
            if (next[i + IN_FLIGHT] == 1 && next[i + HOLDER_HIGH] == holderHigh && next[i + HOLDER_LOW] == holderLow) {
                if (!changed) {
                    next = next.clone();
                    changed = true;
                }
                next[i + IN_FLIGHT] = 0;
                next[i + UNTIL] = Math.min(next[i + UNTIL], now + windowMillis);
            }
        }
        return next;
    }

    /** How often to ask again when every slot is in flight: a fraction of one request's spacing, at most 25 ms. */
    public static long pollMillis(int limit, Duration window) {
        return Math.max(1, Math.min(25, window.toMillis() / limit / 4));
    }

    private static long[] book(long[] live, long until, int slots, long holderHigh, long holderLow) {
        long[] next = Arrays.copyOf(live, live.length + slots * SLOT);
        for (int s = 0; s < slots; s++) {
            int at = live.length + s * SLOT;
            next[at + ID] = next[0]++;
            next[at + HOLDER_HIGH] = holderHigh;
            next[at + HOLDER_LOW] = holderLow;
            next[at + IN_FLIGHT] = 0;
            next[at + UNTIL] = until;
        }
        return next;
    }

    /** The log without the slots that left the window; the same array when none did. */
    private static long[] prune(long[] log, long now) {
        int keep = 0;
        for (int i = HEADER; i < log.length; i += SLOT) {
            if (log[i + UNTIL] > now) {
                keep++;
            }
        }
        if (keep == (log.length - HEADER) / SLOT) {
            return log;
        }
        long[] next = new long[HEADER + keep * SLOT];
        next[0] = log[0];
        next[1] = log[1];
        int at = HEADER;
        for (int i = HEADER; i < log.length; i += SLOT) {
            if (log[i + UNTIL] > now) {
                System.arraycopy(log, i, next, at, SLOT);
                at += SLOT;
            }
        }
        return next;
    }
}
