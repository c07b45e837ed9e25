package io.github.camelwebwork.sandbox.http;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * H5's budget as a sliding window log: a request is admitted when fewer than {@code limit} admitted requests of
 * the same key arrived within the last {@code window}; a refused one does not count. Sliding is the strictest
 * reading of "60 per minute" (a fixed window would let 120 through across a boundary), so a client that keeps to
 * it keeps to any window. Time comes from a monotonic nanosecond ticker.
 */
public final class RateLimiter {

    private final int limit;
    private final long windowNanos;
    private final LongSupplier ticker;
    private final Map<String, Deque<Long>> admitted = new HashMap<>();
    private int refused;
    private int busiest;

    public RateLimiter(int limit, Duration window, LongSupplier ticker) {
        if (limit < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("rate limit needs requests >= 1 and a positive window");
        }
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.ticker = ticker;
    }

    /** Counts one request of {@code key} if the window has room. */
    public synchronized Decision acquire(String key) {
        long now = ticker.getAsLong();
        Deque<Long> log = admitted.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!log.isEmpty() && now - log.peekFirst() >= windowNanos) {
            log.removeFirst();
        }
        if (log.size() >= limit) {
            refused++;
            return new Decision(false, limit, 0, log.peekFirst() + windowNanos - now);
        }
        log.addLast(now);
        busiest = Math.max(busiest, log.size());
        return new Decision(true, limit, limit - log.size(), 0);
    }

    /** Requests refused because their key's window was full. */
    public synchronized int refused() {
        return refused;
    }

    /** The most requests of one key admitted within any one window so far (at most the limit, by construction). */
    public synchronized int busiestWindow() {
        return busiest;
    }

    /** Forgets every window (the refused count stays). */
    public synchronized void reset() {
        admitted.clear();
    }

    /** {@code retryAfterNanos} is the wait until the window frees a slot (0 when admitted). */
    public record Decision(boolean admitted, int limit, int remaining, long retryAfterNanos) {

        /** {@code X-RateLimit-*}, and on a refusal {@code Retry-After} (whole seconds, rounded up, at least 1) and
         * the sandbox-only {@code Retry-After-Millis} (the exact wait, rounded up to a millisecond). */
        public Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("X-RateLimit-Limit", Integer.toString(limit));
            headers.put("X-RateLimit-Remaining", Integer.toString(remaining));
            if (!admitted) {
                long millis = Math.max(1, ceilDiv(retryAfterNanos, 1_000_000L));
                headers.put("Retry-After", Long.toString(Math.max(1, ceilDiv(millis, 1000L))));
                headers.put("Retry-After-Millis", Long.toString(millis));
            }
            return headers;
        }

        private static long ceilDiv(long a, long b) {
            return -Math.floorDiv(-a, b);
        }
    }
}
