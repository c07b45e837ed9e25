package io.github.camelwebwork.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why the budget is a sliding log and not a token bucket (Bucket4j 8.14, whose Hazelcast, JDBC and Redis backends
 * keep the same bucket across machines): each limiter is driven on a controlled clock by a caller that sends whenever
 * it is allowed, over 100 windows of 60 requests per minute, then again after a quiet time that ends just before a
 * window boundary.
 * The property the server enforces is at most 60 in ANY interval of one minute. A bucket holds it only when its
 * capacity plus its refill per window is at most the limit, which either halves what it sustains or leaves it no
 * burst.
 */
class TokenBucketVersusSlidingLogTest {

    private static final int LIMIT = 60;
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final long STEP = Duration.ofMillis(10).toNanos();

    private final AtomicLong nanos = new AtomicLong();

    record Figures(String limiter, int worstWindow, double sustainedShare, double burstSeconds) {
        @Override
        public String toString() {
            return String.format("| %s | %d | %.2f | %.1f |", limiter, worstWindow, sustainedShare, burstSeconds);
        }
    }

    @Test
    void onlyTheSlidingLogKeepsToTheLimitInEveryWindowAtFullRateWithBursts() {
        List<Figures> figures = new ArrayList<>();
        RateBudget log = new RateBudget(LIMIT, WINDOW, nanos::get);
        figures.add(run("sliding log (RateBudget)", () -> {
            try {
                if (log.acquire(Duration.ZERO)) {
                    log.completed();
                    return true;
                }
                return false;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        figures.add(run("Bucket4j: 60, refill 60/min greedy", bucket(60, 60, true)));
        figures.add(run("Bucket4j: 60, refill 60/min intervally", bucket(60, 60, false)));
        figures.add(run("Bucket4j: 30, refill 30/min greedy", bucket(30, 30, true)));
        figures.add(run("Bucket4j: 1, refill 59/min greedy", bucket(1, 59, true)));
        System.out.println("| limiter | most requests in a 1-minute window | sustained, share of 60/min |"
                           + " seconds to send 20 calls after a quiet time |");
        figures.forEach(System.out::println);

        Figures slidingLog = figures.get(0);
        assertThat(slidingLog.worstWindow()).isLessThanOrEqualTo(LIMIT);
        assertThat(slidingLog.sustainedShare()).as("60/61: the margin").isGreaterThan(0.97);
        assertThat(slidingLog.burstSeconds()).isZero();
        assertThat(figures.get(1).worstWindow()).as("a bucket of the limit refilled by the limit").isGreaterThan(LIMIT);
        assertThat(figures.get(2).worstWindow()).as("a burst before an interval refill, another after").isGreaterThan(LIMIT);
        assertThat(figures.get(3).worstWindow()).isLessThanOrEqualTo(LIMIT);
        assertThat(figures.get(3).sustainedShare()).as("half the limit sustained").isLessThan(0.55);
        assertThat(figures.get(4).worstWindow()).isLessThanOrEqualTo(LIMIT);
        assertThat(figures.get(4).burstSeconds()).as("no burst: 20 calls spaced a second apart").isGreaterThan(15);
    }

    private BooleanSupplier bucket(int capacity, int refill, boolean greedy) {
        Bucket bucket = Bucket.builder()
                .addLimit(greedy ? Bandwidth.builder().capacity(capacity).refillGreedy(refill, WINDOW).build()
                        : Bandwidth.builder().capacity(capacity).refillIntervally(refill, WINDOW).build())
                .withCustomTimePrecision(new TimeMeter() {
                    @Override
                    public long currentTimeNanos() {
                        return nanos.get();
                    }

                    @Override
                    public boolean isWallClockBased() {
                        return false;
                    }
                }).build();
        return () -> bucket.tryConsume(1);
    }

    /**
     * A caller that sends whenever allowed (answers take no time) for 100 windows; then quiet until just before a
     * window boundary of the limiter (where an interval refill comes), and sending whenever allowed for one more window:
     * the worst window is over every send, sustained is the rate after the first window, and the burst is how long the
     * first 20 calls after the quiet time took.
     */
    private Figures run(String name, BooleanSupplier trySend) {
        List<Long> sent = new ArrayList<>();
        long window = WINDOW.toNanos();
        long start = nanos.get();
        long end = start + 100 * window;
        sendWhileAllowed(trySend, sent, end);
        long sustainedFrom = start + window;
        double sustained = sent.stream().filter(t -> t >= sustainedFrom).count()
                           / ((end - sustainedFrom) / (double) window) / LIMIT;
        nanos.set(end + 2 * window - STEP);
        int before = sent.size();
        long burstStart = nanos.get();
        sendWhileAllowed(trySend, sent, burstStart + window);
        double burstSeconds = (sent.get(before + 19) - burstStart) / 1e9;
        return new Figures(name, worstWindow(sent), sustained, burstSeconds);
    }

    private void sendWhileAllowed(BooleanSupplier trySend, List<Long> sent, long until) {
        for (; nanos.get() < until; nanos.addAndGet(STEP)) {
            while (trySend.getAsBoolean()) {
                sent.add(nanos.get());
            }
        }
    }

    /** The most sends in any interval [t, t + window), t a send time (the worst interval starts at one). */
    private static int worstWindow(List<Long> sent) {
        int worst = 0;
        int from = 0;
        for (int to = 0; to < sent.size(); to++) {
            while (sent.get(to) - sent.get(from) >= WINDOW.toNanos()) {
                from++;
            }
            worst = Math.max(worst, to - from + 1);
        }
        return worst;
    }
}
