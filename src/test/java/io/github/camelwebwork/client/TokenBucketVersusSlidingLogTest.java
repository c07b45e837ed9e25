package io.github.camelwebwork.client;

import java.time.Duration;

import io.github.camelwebwork.client.BudgetCandidates.Figures;
import io.github.camelwebwork.client.RateBudget.Lane;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why the budget is a sliding log and not a token bucket (Bucket4j 8.14, whose Hazelcast, JDBC and Redis backends
 * keep the same bucket across machines), on a controlled clock ({@link BudgetCandidates}; the benchmarks' scale group
 * writes the same figures to the results file). The property the server enforces is at most 60 in ANY interval of one
 * minute. A bucket holds it only when its capacity plus its refill per window is at most the limit, which either
 * halves what it sustains or leaves it no burst; the sliding log holds it with both.
 */
class TokenBucketVersusSlidingLogTest {

    private static final int LIMIT = 60;
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MINUTES = 100;

    @Test
    void onlyTheSlidingLogKeepsToTheLimitInEveryWindowAtFullRateWithBursts() {
        Figures log = BudgetCandidates.slidingLog(LIMIT, WINDOW, MINUTES, Lane.INTERACTIVE);
        Figures full = BudgetCandidates.tokenBucket(LIMIT, LIMIT, LIMIT, true, WINDOW, MINUTES);
        Figures fullIntervally = BudgetCandidates.tokenBucket(LIMIT, LIMIT, LIMIT, false, WINDOW, MINUTES);
        Figures half = BudgetCandidates.tokenBucket(LIMIT, 30, 30, true, WINDOW, MINUTES);
        Figures paced = BudgetCandidates.tokenBucket(LIMIT, 1, 59, true, WINDOW, MINUTES);

        assertThat(log.busiestWindow()).isLessThanOrEqualTo(LIMIT);
        assertThat(log.steadyShare()).as("60/61: the margin").isGreaterThan(0.97);
        assertThat(log.burstAfterIdle()).as("a whole window's budget at once after idle").isEqualTo(LIMIT);
        assertThat(full.busiestWindow()).as("a bucket of the limit refilled by the limit").isGreaterThan(LIMIT);
        assertThat(fullIntervally.busiestWindow()).as("a burst before an interval refill, another after")
                .isGreaterThan(LIMIT);
        assertThat(half.busiestWindow()).isLessThanOrEqualTo(LIMIT);
        assertThat(half.steadyShare()).as("half the limit sustained").isLessThan(0.55);
        assertThat(paced.busiestWindow()).isLessThanOrEqualTo(LIMIT);
        assertThat(paced.steadyShare()).isGreaterThan(0.97);
        assertThat(paced.burstAfterIdle()).as("no burst").isEqualTo(1);
    }

    /** The bulk lane is paced on purpose (an interactive call never waits a window behind it): it bursts 1. */
    @Test
    void theBulkLaneIsPacedLikeABucketOfOne() {
        Figures bulk = BudgetCandidates.slidingLog(LIMIT, WINDOW, MINUTES, Lane.BULK);

        assertThat(bulk.busiestWindow()).isLessThanOrEqualTo(LIMIT);
        assertThat(bulk.steadyShare()).isGreaterThan(0.97);
        assertThat(bulk.burstAfterIdle()).isEqualTo(1);
    }
}
