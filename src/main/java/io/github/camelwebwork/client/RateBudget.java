package io.github.camelwebwork.client;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The request budget of one credential: at most {@code limit} requests in any interval of length {@code window}
 * (house rule H5: 60 per minute per user), shared by every endpoint, producer and consumer that uses the credential.
 * <p>
 * It is a sliding log rather than a token bucket: a bucket of capacity N refilled at N per window lets 2N requests
 * through in a window that straddles a refill, which a server counting a sliding window answers with 429s. A request
 * holds its slot from the moment it is sent ({@link #acquire(Duration)}) until one window after its answer arrived
 * ({@link #completed()}): the server saw it no later than the answer came back, so once that time is a window old it
 * has left the server's window too, however long the request took to arrive, however late the sending thread ran.
 * A request goes out only when fewer than {@code limit} requests are in flight or answered within the last window, so
 * no window of the server's, fixed or sliding, ever sees more, on a busy machine as on an idle one.
 * <p>
 * The window is kept a little longer than the server's (a twentieth, at most 1 s), as a margin for a server that
 * counts a request after it answered it. At WebWork's 60 a minute that is 1 s in 60: a long export runs at 60/61 =
 * 0.984 of the limit less the answers' latency (RateBudgetTest measures it on a controlled clock).
 * <p>
 * The server's view wins when it is stricter: {@link #observe(Integer, Integer)} takes {@code X-RateLimit-Limit} and
 * {@code X-RateLimit-Remaining} (other machines or tools using the same user count there too) and
 * {@link #pauseFor(Duration)} takes a 429's {@code Retry-After}.
 * <p>
 * Requests come in two {@link Lane lanes}. {@link Lane#INTERACTIVE interactive} ones (producers called from routes:
 * a user's call, a command) go first: a {@link Lane#BULK bulk} request (a change-capture scan, an export) does not
 * take a slot while an interactive one waits, and a bulk request goes out only {@code window / limit} after the previous
 * request of either lane, so that a long scan spreads the log over the window instead of taking it all at the start of
 * each: an interactive call that arrives during a scan waits for about one slot, not for the next window.
 */
public final class RateBudget {

    /** Who a request is for: see the class comment. */
    public enum Lane {
        /** A call a route or a user waits for: served first, may use the whole budget at once. */
        INTERACTIVE,
        /** Background work (scans, backfills, exports): never ahead of an interactive call, spaced over the window. */
        BULK
    }

    /** The most the enforced window exceeds the server's (a twentieth of it below 20 s). */
    static final Duration MAX_MARGIN = Duration.ofSeconds(1);

    private int limit;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    /** When the answered requests still in the window were answered, oldest first, from {@code head}; grows. */
    private long[] answered;
    private int head;
    private int count;
    /** Requests sent and not answered yet: they count until their answer, whenever that comes. */
    private int inFlight;
    private long pausedUntil;
    /** Interactive requests waiting in {@link #acquire(Lane, Duration)}: bulk ones wait while there are any. */
    private int interactiveWaiting;
    /** The earliest a bulk request may go out: one {@code window / limit} after the previous request of any lane. */
    private long nextBulkAt;
    // not fair: the waiters' order is the lanes' business; a fair lock hands over on every unlock (a context switch
    // per request under contention)
    private final ReentrantLock lock = new ReentrantLock();
    /** Threads waiting on {@link #changed}: an answer signals only when there are any (most answers find none). */
    private int waiters;
    /** {@link #remainingAtLastChange()}. */
    private volatile int remainingHint;
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
        this.windowNanos = window.toNanos() + Math.min(window.toNanos() / 20, MAX_MARGIN.toNanos());
        this.nanoClock = nanoClock;
        // the log starts small and grows with what is in it (a budget of a million need not take 8 MB at once)
        this.answered = new long[Math.min(limit, 64)];
        this.pausedUntil = nanoClock.getAsLong();
        this.nextBulkAt = pausedUntil;
        this.remainingHint = limit;
    }

    /** An interactive {@link #acquire(Lane, Duration)}. */
    public boolean acquire(Duration maxWait) throws InterruptedException {
        return acquire(Lane.INTERACTIVE, maxWait);
    }

    /**
     * Takes one request from the budget, waiting at most {@code maxWait} for it. Every {@code true} must be followed
     * by one {@link #completed()} when the request's answer (or failure) is in.
     *
     * @return true when the request may be sent now; false when no budget freed up within {@code maxWait}
     */
    public boolean acquire(Lane lane, Duration maxWait) throws InterruptedException {
        boolean interactive = lane == Lane.INTERACTIVE;
        long deadline = nanoClock.getAsLong() + Math.max(0, maxWait.toNanos());
        lock.lockInterruptibly();
        if (interactive) {
            interactiveWaiting++;
        }
        try {
            while (true) {
                long now = nanoClock.getAsLong();
                forgetBefore(now);
                boolean free = now >= pausedUntil && count + inFlight < limit;
                if (free && (interactive || interactiveWaiting == 0 && now >= nextBulkAt)) {
                    inFlight++;
                    // the next bulk request one spacing after this one, of either lane: the log then fills no faster
                    // than it empties, and a slot frees up about every spacing, with no gap for a call to fall into
                    nextBulkAt = Math.max(nextBulkAt, now + bulkSpacing());
                    publishRemaining(now);
                    return true;
                }
                long freeAt = Math.max(freeAt(), pausedUntil);
                if (!interactive) {
                    // behind an interactive waiter: not before it is served, a time no one knows yet
                    freeAt = interactiveWaiting > 0 ? Long.MAX_VALUE : Math.max(freeAt, nextBulkAt);
                }
                if (freeAt != Long.MAX_VALUE && freeAt > deadline || now >= deadline) {
                    return false;
                }
                // a known time, or (every slot in flight) until an answer comes in or the deadline passes
                waiters++;
                try {
                    changed.awaitNanos(Math.min(freeAt, deadline) - now);
                } finally {
                    waiters--;
                }
            }
        } finally {
            if (interactive && --interactiveWaiting == 0) {
                changed.signalAll();                // the bulk requests behind it may go on
            }
            lock.unlock();
        }
    }

    private long bulkSpacing() {
        return windowNanos / limit;
    }

    /** The answer to an acquired request (or its failure) is in: its slot frees up one window from now. */
    public void completed() {
        completed(null, null);
    }

    /**
     * {@link #completed()} and {@link #observe(Integer, Integer)} of the answer's headers in one step: one lock per
     * answer instead of two (either header may be null). The order does not matter: before and after the completion
     * the request counts once, in flight or answered, as it does in the server's remaining count.
     */
    public void completed(Integer serverLimit, Integer serverRemaining) {
        lock.lock();
        try {
            if (inFlight == 0) {
                throw new IllegalStateException("completed() without a request in flight");
            }
            inFlight--;
            long now = nanoClock.getAsLong();
            book(now);
            observeLocked(serverLimit, serverRemaining, now);
            forgetBefore(now);
            publishRemaining(now);
            if (waiters > 0) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Interactive requests waiting for budget now. */
    int interactiveWaiting() {
        lock.lock();
        try {
            return interactiveWaiting;
        } finally {
            lock.unlock();
        }
    }

    /** How many requests could be sent right now. */
    public int remaining() {
        lock.lock();
        try {
            return remainingLocked(nanoClock.getAsLong());
        } finally {
            lock.unlock();
        }
    }

    private int remainingLocked(long now) {
        if (now < pausedUntil) {
            return 0;
        }
        forgetBefore(now);
        return Math.max(0, limit - count - inFlight);
    }

    /**
     * {@link #remaining()} as of the budget's last change (a take, an answer, a server header, a pause), read without
     * the lock: what a call's {@code CamelWebworkRateLimitRemaining} header reports right after its own answer, when
     * the two are the same. Between changes it lags behind the slots that left the window since (it errs low).
     */
    public int remainingAtLastChange() {
        return remainingHint;
    }

    private void publishRemaining(long now) {
        remainingHint = now < pausedUntil ? 0 : Math.max(0, limit - count - inFlight);
    }

    /**
     * The server's {@code X-RateLimit-Limit} and {@code X-RateLimit-Remaining} (either may be null). A lower limit
     * than the configured one is adopted (the configuration was wrong, or the user's plan changed). A lower remaining
     * count than the local one means the difference was spent elsewhere: it is booked now, and frees up one window
     * from now.
     */
    public void observe(Integer serverLimit, Integer serverRemaining) {
        if (serverLimit == null && serverRemaining == null) {
            return;
        }
        lock.lock();
        try {
            long now = nanoClock.getAsLong();
            observeLocked(serverLimit, serverRemaining, now);
            publishRemaining(now);
        } finally {
            lock.unlock();
        }
    }

    private void observeLocked(Integer serverLimit, Integer serverRemaining, long now) {
        if (serverLimit != null && serverLimit >= 1 && serverLimit < limit) {
            shrinkTo(serverLimit);
        }
        if (serverRemaining == null || serverRemaining < 0) {
            return;
        }
        int excess = remainingLocked(now) - serverRemaining;
        for (int i = 0; i < excess; i++) {
            book(now);
        }
    }

    /** Appends an answer time: times are taken under the lock from a monotonic clock, so the log stays ordered. */
    private void book(long at) {
        if (count == answered.length) {
            long[] grown = new long[answered.length * 2];
            for (int i = 0; i < count; i++) {
                grown[i] = answered[(head + i) % answered.length];
            }
            answered = grown;
            head = 0;
        }
        answered[(head + count) % answered.length] = at;
        count++;
    }

    /** Drops the answers that left the window. */
    private void forgetBefore(long now) {
        while (count > 0 && answered[head] + windowNanos <= now) {
            head = (head + 1) % answered.length;
            count--;
        }
    }

    /** When enough answered requests will have left the window for one more to go out; MAX_VALUE: not before an answer. */
    private long freeAt() {
        int toFree = count + inFlight - limit + 1;
        if (toFree <= 0) {
            return Long.MIN_VALUE;
        }
        if (toFree > count) {
            return Long.MAX_VALUE;
        }
        return answered[(head + toFree - 1) % answered.length] + windowNanos;
    }

    /** Keeps the newest answers that fit the new limit. */
    private void shrinkTo(int newLimit) {
        limit = newLimit;
        while (count > Math.max(0, newLimit - inFlight)) {
            head = (head + 1) % answered.length;
            count--;
        }
        changed.signalAll();
    }

    /** A 429's {@code Retry-After}: nothing goes out before it has passed. */
    public void pauseFor(Duration wait) {
        lock.lock();
        try {
            long now = nanoClock.getAsLong();
            pausedUntil = Math.max(pausedUntil, now + wait.toNanos());
            publishRemaining(now);
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
