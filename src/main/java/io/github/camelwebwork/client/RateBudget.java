package io.github.camelwebwork.client;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The request budget of one credential: at most {@code limit} requests in any interval of length {@code window}
 * (house rule H5: 60 per minute per user), shared by every endpoint, producer and consumer that uses the credential.
 * <p>
 * It is a sliding log of the last {@code limit} send times rather than a token bucket: a bucket of capacity N refilled
 * at N per window lets 2N requests through in a window that straddles a refill, which a server counting a sliding
 * window answers with 429s. With the log, a request goes out only when fewer than {@code limit} requests went out in
 * the last {@code window}, so no window of the server's, fixed or sliding, ever sees more.
 * <p>
 * The window is kept a little longer than the server's (a twentieth, at most 1 s), as a margin for requests that
 * take different times to arrive. At WebWork's 60 a minute that is 1 s in 60: a long export runs at 60/61 = 0.984
 * of the limit (RateBudgetTest measures it on a controlled clock).
 * <p>
 * The server's view wins when it is stricter: {@link #observe(Integer, Integer)} takes {@code X-RateLimit-Limit} and
 * {@code X-RateLimit-Remaining} (other machines or tools using the same user count there too) and {@link #pauseFor(Duration)} takes a 429's
 * {@code Retry-After}.
 */
public final class RateBudget {

    /** The most the enforced window exceeds the server's (a twentieth of it below 20 s). */
    static final Duration MAX_MARGIN = Duration.ofSeconds(1);

    private int limit;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private long[] sent;
    private int head;
    private long pausedUntil;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition changed = lock.newCondition();

    public RateBudget(int limit, Duration window) {
        this(limit, window, System::nanoTime);
    }

    RateBudget(int limit, Duration window, LongSupplier nanoClock) {
        if (limit < 1) {
            throw new IllegalArgumentException("rate limit must be at least 1 request per window, got " + limit);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("rate limit window must be positive, got " + window);
        }
        this.limit = limit;
        // a request sent at the start of the window may reach the server later than one sent at its end: keep a
        // margin of a twentieth of the window (at most 1 s) so that the server's count never sees limit + 1
        this.windowNanos = window.toNanos() + Math.min(window.toNanos() / 20, MAX_MARGIN.toNanos());
        this.nanoClock = nanoClock;
        this.sent = new long[limit];
        long now = nanoClock.getAsLong();
        for (int i = 0; i < limit; i++) {
            sent[i] = now - windowNanos - 1;
        }
        this.pausedUntil = now;
    }

    /**
     * Takes one request from the budget, waiting at most {@code maxWait} for it.
     *
     * @return true when the request may be sent now; false when no budget freed up within {@code maxWait}
     */
    public boolean acquire(Duration maxWait) throws InterruptedException {
        long deadline = nanoClock.getAsLong() + Math.max(0, maxWait.toNanos());
        lock.lockInterruptibly();
        try {
            while (true) {
                long now = nanoClock.getAsLong();
                long freeAt = Math.max(sent[head] + windowNanos, pausedUntil);
                if (now >= freeAt) {
                    sent[head] = now;
                    head = (head + 1) % limit;
                    return true;
                }
                if (freeAt > deadline) {
                    return false;
                }
                changed.awaitNanos(freeAt - now);
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many requests could be sent right now. */
    public int remaining() {
        lock.lock();
        try {
            long now = nanoClock.getAsLong();
            if (now < pausedUntil) {
                return 0;
            }
            // the log is in send order from head (oldest) on: the free slots are a prefix, found by binary search
            // (a scan was O(limit) per call: 0.5 ms per request with a budget of a million)
            int lo = 0;
            int hi = limit;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sent[(head + mid) % limit] + windowNanos <= now) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The server's {@code X-RateLimit-Limit} and {@code X-RateLimit-Remaining} (either may be null). A lower limit
     * than the configured one is adopted (the configuration was wrong, or the user's plan changed). A lower remaining
     * count than the local one means the difference was spent elsewhere: it is booked now, and frees up one window
     * from now.
     */
    public void observe(Integer serverLimit, Integer serverRemaining) {
        lock.lock();
        try {
            if (serverLimit != null && serverLimit >= 1 && serverLimit < limit) {
                shrinkTo(serverLimit);
            }
            if (serverRemaining == null || serverRemaining < 0) {
                return;
            }
            long now = nanoClock.getAsLong();
            int excess = remaining() - serverRemaining;
            for (int i = 0; i < excess; i++) {
                // the free slots are the oldest ones, from head on: booking them keeps the log ordered
                sent[head] = now;
                head = (head + 1) % limit;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Keeps the newest {@code newLimit} send times, oldest first. */
    private void shrinkTo(int newLimit) {
        long[] kept = new long[newLimit];
        for (int i = 0; i < newLimit; i++) {
            kept[i] = sent[(head + limit - newLimit + i) % limit];
        }
        sent = kept;
        limit = newLimit;
        head = 0;
        changed.signalAll();
    }

    /** A 429's {@code Retry-After}: nothing goes out before it has passed. */
    public void pauseFor(Duration wait) {
        lock.lock();
        try {
            pausedUntil = Math.max(pausedUntil, nanoClock.getAsLong() + wait.toNanos());
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public int limit() {
        lock.lock();
        try {
            return limit;
        } finally {
            lock.unlock();
        }
    }

    /** The window as enforced, margin included. */
    public Duration window() {
        return Duration.ofNanos(windowNanos);
    }

    @Override
    public String toString() {
        return "RateBudget[" + limit + " per " + window() + ", remaining " + remaining() + "]";
    }
}
