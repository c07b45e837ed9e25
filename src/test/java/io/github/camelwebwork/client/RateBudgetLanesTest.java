package io.github.camelwebwork.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelwebwork.client.RateBudget.Lane;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The budget's lanes: interactive calls first, bulk work spaced over the window (on a controlled clock). */
class RateBudgetLanesTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong nanos = new AtomicLong(1_000 * SECOND);

    /** A bulk caller that asks as fast as it can is given one request per window / limit, not the whole window. */
    @Test
    void bulkRequestsAreSpacedOverTheWindow() throws Exception {
        RateBudget budget = new RateBudget(60, Duration.ofMinutes(1), nanos::get);
        List<Long> sent = new ArrayList<>();
        for (long step = 0; step < 120_000; step++) {           // two minutes in 1 ms steps
            if (budget.acquire(Lane.BULK, Duration.ZERO)) {
                budget.completed();
                sent.add(nanos.get());
            }
            nanos.addAndGet(1_000_000);
        }
        long spacing = Duration.ofSeconds(61).toNanos() / 60;   // the window with its margin, over the limit
        for (int i = 1; i < sent.size(); i++) {
            assertThat(sent.get(i) - sent.get(i - 1)).as("gap before bulk request %d", i)
                    .isGreaterThanOrEqualTo(spacing);
        }
        assertThat(sent.size()).as("two minutes of bulk at the full rate").isBetween(117, 120);
        assertThat(budget.acquire(Lane.INTERACTIVE, Duration.ZERO)).as("interactive is not spaced").isTrue();
        budget.completed();
    }

    /**
     * The figure issue 16 asks for, on the controlled clock: during a scan that takes every bulk request it is given,
     * an interactive call issued every 7 s waits for at most about one slot (window / limit = 1.02 s), never for the
     * next window (the scan of old took the whole window at its start).
     */
    @Test
    void anInteractiveCallDuringAFullScanWaitsForAboutOneSlot() throws Exception {
        BudgetCandidates.ScanWaits scan = BudgetCandidates.interactiveWaitsDuringScan(60, Duration.ofMinutes(1),
                Duration.ofSeconds(7), 30, Lane.BULK);
        long slot = scan.slotNanos();
        assertThat(slot).isEqualTo(Duration.ofSeconds(61).toNanos() / 60);
        System.out.printf("interactive waits during a scan: p50 %d ms, p95 %d ms, max %d ms (slot %d ms); %d bulk"
                          + " requests in 30 min%n", scan.percentile(50) / 1_000_000, scan.percentile(95) / 1_000_000,
                scan.max() / 1_000_000, slot / 1_000_000, scan.bulkRequests());
        assertThat(scan.waitsNanos()).hasSizeGreaterThan(250);
        assertThat(scan.percentile(95)).as("p95 wait").isLessThanOrEqualTo(slot * 3 / 2);
        assertThat(scan.max()).as("max wait").isLessThanOrEqualTo(2 * slot);
        assertThat(scan.bulkRequests() + scan.waitsNanos().size()).as("the scan and the calls together use the budget")
                .isGreaterThanOrEqualTo((int) (0.95 * 30 * 60));
    }

    /** A bulk request does not take a slot that frees up while an interactive one waits for it. */
    @Test
    void aWaitingInteractiveCallIsServedBeforeBulk() throws Exception {
        RateBudget budget = new RateBudget(1, Duration.ofMillis(20), nanos::get);
        assertThat(budget.acquire(Lane.INTERACTIVE, Duration.ZERO)).isTrue();       // in flight: the budget is full
        CompletableFuture<Boolean> interactive = CompletableFuture.supplyAsync(() -> {
            try {
                return budget.acquire(Lane.INTERACTIVE, Duration.ofHours(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> budget.interactiveWaiting() == 1);

        budget.completed();
        nanos.addAndGet(Duration.ofMillis(25).toNanos());                      // the slot left the window
        boolean bulk = budget.acquire(Lane.BULK, Duration.ZERO);

        assertThat(interactive.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bulk).as("bulk while interactive waited").isFalse();
        assertThat(budget.remaining()).isZero();
    }
}
