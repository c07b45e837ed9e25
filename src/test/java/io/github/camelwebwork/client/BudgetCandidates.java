package io.github.camelwebwork.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

/**
 * The two candidates for the rate budget, on one controlled clock, under WebWork's rule: at most {@code limit}
 * requests in ANY interval of one window (a sliding minute). The sliding log is {@link RateBudget} as the component
 * uses it; the token bucket is Bucket4j's (the engine of bucket4j_jdk17-hazelcast, -postgresql, -infinispan: the
 * distributed backends keep the same bucket state in the engine, so the arithmetic is theirs too). Each candidate is
 * driven by a caller that asks as fast as it is let (every millisecond, as many as it is given), then idles for about
 * two windows and asks again for one more; the send times give the figures. In this package for the budget's clock-taking constructor.
 * Used by {@code TokenBucketVersusSlidingLogTest} (which asserts the figures) and the benchmarks' scale group (which
 * writes them to the results file).
 */
public final class BudgetCandidates {

    /** What one candidate did. */
    public record Figures(String candidate, int limit, int busiestWindow, double steadyShare, int burstAfterIdle) {
    }

    /** The waits of interactive calls made during a bulk scan, sorted, and what the scan got meanwhile. */
    public record ScanWaits(List<Long> waitsNanos, int bulkRequests, long slotNanos) {

        public long percentile(int p) {
            return waitsNanos.get(Math.min(waitsNanos.size() - 1, waitsNanos.size() * p / 100));
        }

        public long max() {
            return waitsNanos.get(waitsNanos.size() - 1);
        }
    }

    private static final long MS = 1_000_000L;

    private BudgetCandidates() {
    }

    /**
     * The sliding log, as the component runs it, in one lane (answers arrive at once: {@code completed()} after each
     * send).
     */
    public static Figures slidingLog(int limit, Duration window, int minutes, RateBudget.Lane lane) {
        AtomicLong now = new AtomicLong(1_000_000 * MS);
        RateBudget budget = new RateBudget(limit, window, now::get);
        return drive("sliding log (the component's RateBudget), " + lane.name().toLowerCase() + " lane", limit, window,
                minutes, now, () -> {
            try {
                if (budget.acquire(lane, Duration.ZERO)) {
                    budget.completed();
                    return true;
                }
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    /**
     * Bucket4j: capacity {@code burst}, refilled with {@code refill} tokens a window, greedily (a token as soon as its
     * share of the window passed) or intervally (all of them at the end of each window).
     */
    public static Figures tokenBucket(int limit, int burst, int refill, boolean greedy, Duration window, int minutes) {
        AtomicLong now = new AtomicLong(1_000_000 * MS);
        TimeMeter clock = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return now.get();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        Bucket bucket = Bucket.builder().addLimit(l -> greedy ? l.capacity(burst).refillGreedy(refill, window)
                        : l.capacity(burst).refillIntervally(refill, window))
                .withCustomTimePrecision(clock).build();
        return drive("token bucket (Bucket4j), capacity " + burst + ", refill " + refill + " a window "
                     + (greedy ? "greedily" : "at its end"), limit, window, minutes, now, () -> bucket.tryConsume(1));
    }

    private static Figures drive(String name, int limit, Duration window, int minutes, AtomicLong now,
                                 BooleanSupplier take) {
        List<Long> sent = new ArrayList<>();
        long start = now.get();
        long end = start + Duration.ofMinutes(minutes).toNanos();
        while (now.get() < end) {
            while (take.getAsBoolean()) {
                sent.add(now.get());
            }
            now.addAndGet(MS);
        }
        // the steady share: all but the first window (the starting burst), over a run long enough that where the last
        // burst falls moves the figure by less than 0.002
        long from = start + window.toNanos();
        long steady = sent.stream().filter(t -> t >= from).count();
        double share = steady / ((double) limit * (end - from) / window.toNanos());
        // idle for two windows less a millisecond (a bucket refilled at the end of each window is about to be
        // refilled), then as many as are given at one instant, then a window more of asking as fast as it is let
        now.set(end + 2 * window.toNanos() - MS);
        int burst = 0;
        while (take.getAsBoolean()) {
            sent.add(now.get());
            burst++;
        }
        long after = now.get() + window.toNanos();
        while (now.get() < after) {
            now.addAndGet(MS);
            while (take.getAsBoolean()) {
                sent.add(now.get());
            }
        }
        return new Figures(name, limit, busiest(sent, window.toNanos()), share, burst);
    }

    /**
     * A scan that takes every bulk request it is given (a full scan of 50,000 tasks is 500 requests, longer than this
     * run at the limit) while an interactive call is issued every {@code every}, for {@code minutes}, in 1 ms steps;
     * the interactive call is tried first in each step. {@code scanLane}: BULK as change capture runs today (spaced
     * one slot at a time), INTERACTIVE as it ran before the lanes (it took the whole window's budget at once).
     */
    public static ScanWaits interactiveWaitsDuringScan(int limit, Duration window, Duration every, int minutes,
                                                       RateBudget.Lane scanLane) throws InterruptedException {
        AtomicLong now = new AtomicLong(1_000_000 * MS);
        RateBudget budget = new RateBudget(limit, window, now::get);
        long nextCall = now.get() + every.toNanos();
        long waitingSince = -1;
        List<Long> waits = new ArrayList<>();
        int bulk = 0;
        for (long step = 0; step < minutes * 60_000L; step++) {
            if (waitingSince < 0 && now.get() >= nextCall) {
                waitingSince = now.get();
                nextCall += every.toNanos();
            }
            if (waitingSince >= 0 && budget.acquire(RateBudget.Lane.INTERACTIVE, Duration.ZERO)) {
                budget.completed();
                waits.add(now.get() - waitingSince);
                waitingSince = -1;
            }
            while (budget.acquire(scanLane, Duration.ZERO)) {
                budget.completed();
                bulk++;
            }
            now.addAndGet(MS);
        }
        waits.sort(null);
        long margin = Math.min(window.toNanos() / 20, Duration.ofSeconds(1).toNanos());
        return new ScanWaits(List.copyOf(waits), bulk, (window.toNanos() + margin) / limit);
    }

    /** The most send times in any interval [t, t + window): what a server counting a sliding window sees at worst. */
    static int busiest(List<Long> times, long window) {
        int most = 0;
        int from = 0;
        for (int to = 0; to < times.size(); to++) {
            while (times.get(to) - times.get(from) >= window) {
                from++;
            }
            most = Math.max(most, to - from + 1);
        }
        return most;
    }
}
