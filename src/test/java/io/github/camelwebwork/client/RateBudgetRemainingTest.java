package io.github.camelwebwork.client;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RateBudget#remaining()} (read on every request for the CamelWebworkRateLimitRemaining header) agrees with a
 * count of the sends still in the window, for any arrival pattern, including after server feedback books budget.
 */
class RateBudgetRemainingTest {

    private static final long WINDOW_NANOS = Duration.ofSeconds(10).toNanos() + Duration.ofMillis(500).toNanos();

    @Test
    void remainingIsTheCountOfSendsThatLeftTheWindow() throws Exception {
        check(false);
    }

    @Test
    void serverFeedbackOnlyLowersRemaining() throws Exception {
        check(true);
    }

    private void check(boolean feedback) throws Exception {
        AtomicLong nanos = new AtomicLong(5_000_000_000L);
        int limit = 37;
        RateBudget budget = new RateBudget(limit, Duration.ofSeconds(10), nanos::get);
        long[] sends = new long[100_000];
        int count = 0;
        Random random = new Random(11);
        for (int step = 0; step < 5_000; step++) {
            nanos.addAndGet(random.nextInt(800_000_000));
            if (feedback && random.nextInt(20) == 0) {
                budget.observe(null, random.nextInt(limit));     // spent elsewhere: booked now
            }
            int burst = random.nextInt(4);
            for (int i = 0; i < burst; i++) {
                if (sendAndAnswer(budget)) {
                    sends[count++] = nanos.get();
                }
            }
            long now = nanos.get();
            int inWindow = 0;
            for (int i = Math.max(0, count - limit); i < count; i++) {
                if (sends[i] + WINDOW_NANOS > now) {
                    inWindow++;
                }
            }
            if (feedback) {
                assertThat(budget.remaining()).as("step %d", step).isLessThanOrEqualTo(limit - inWindow);
            } else {
                assertThat(budget.remaining()).as("step %d", step).isEqualTo(limit - inWindow);
            }
        }
    }

    @Test
    void aLargeBudgetAnswersQuickly() throws Exception {
        AtomicLong nanos = new AtomicLong(1_000_000_000L);
        RateBudget budget = new RateBudget(1_000_000, Duration.ofSeconds(1), nanos::get);
        for (int i = 0; i < 10; i++) {
            assertThat(sendAndAnswer(budget)).isTrue();
        }
        // the log is read from its oldest answer on and forgets what left the window: remaining() does not scan a
        // million entries (it did once: 0.5 ms a call); the cost is measured by the benchmarks, not by a timed test
        for (int i = 0; i < 10_000; i++) {
            assertThat(budget.remaining()).isEqualTo(999_990);
        }
    }

    /**
     * The client books an answer's {@code X-RateLimit-*} with its completion, in one lock: the same budget as booking
     * them first and completing after; and the lock-free figure the producer's header reads right after its answer
     * is the exact one, with or without a 429's pause.
     */
    @Test
    void anAnswerBookedWithItsHeadersInOneStepLeavesTheSameBudget() throws Exception {
        AtomicLong nanos = new AtomicLong(5_000_000_000L);
        int limit = 23;
        RateBudget twoSteps = new RateBudget(limit, Duration.ofSeconds(10), nanos::get);
        RateBudget oneStep = new RateBudget(limit, Duration.ofSeconds(10), nanos::get);
        assertThat(oneStep.remainingAtLastChange()).isEqualTo(limit);
        Random random = new Random(7);
        int booked = 0;
        for (int step = 0; step < 5_000; step++) {
            nanos.addAndGet(random.nextInt(900_000_000));
            if (random.nextInt(50) == 0) {
                Duration pause = Duration.ofMillis(random.nextInt(3_000));
                twoSteps.pauseFor(pause);
                oneStep.pauseFor(pause);
                assertThat(oneStep.remainingAtLastChange()).isEqualTo(oneStep.remaining());
            }
            boolean a = twoSteps.acquire(Duration.ZERO);
            boolean b = oneStep.acquire(Duration.ZERO);
            assertThat(b).as("step %d", step).isEqualTo(a);
            if (!a) {
                continue;
            }
            nanos.addAndGet(random.nextInt(200_000_000));
            Integer serverLimit = random.nextInt(200) == 0 ? limit - 1 - random.nextInt(3) : null;
            Integer serverRemaining = random.nextInt(4) == 0 ? random.nextInt(limit) : null;
            twoSteps.observe(serverLimit, serverRemaining);
            twoSteps.completed();
            oneStep.completed(serverLimit, serverRemaining);
            booked++;
            assertThat(oneStep.remaining()).as("step %d", step).isEqualTo(twoSteps.remaining());
            assertThat(oneStep.limit()).isEqualTo(twoSteps.limit());
            assertThat(oneStep.remainingAtLastChange()).as("step %d", step).isEqualTo(oneStep.remaining());
        }
        assertThat(booked).as("answers booked").isGreaterThan(1_000);
    }

    private static boolean sendAndAnswer(RateBudget budget) throws InterruptedException {
        if (!budget.acquire(Duration.ZERO)) {
            return false;
        }
        budget.completed();
        return true;
    }
}
