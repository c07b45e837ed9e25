package io.github.camelwebwork.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules every {@link BudgetStore} keeps ({@link SlidingLog}), on {@link LocalBudgetStore} and a controlled clock:
 * a slot is held from its take until one window after its answer; a holder's slots come back when it goes away.
 */
class LocalBudgetStoreTest {

    private static final Duration WINDOW = Duration.ofMillis(1000);
    private static final String KEY = "webwork-test";

    private final AtomicLong millis = new AtomicLong(1_000_000);
    private final LocalBudgetStore store = new LocalBudgetStore(millis::get, Duration.ofSeconds(30));

    @Test
    void aSlotIsHeldFromItsTakeUntilOneWindowAfterItsAnswer() {
        List<Long> slots = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            BudgetStore.Take take = store.take(KEY, 3, WINDOW);
            assertThat(take.granted()).isTrue();
            slots.add(take.slot());
        }
        BudgetStore.Take full = store.take(KEY, 3, WINDOW);
        assertThat(full.granted()).isFalse();
        // all three in flight: only an answer can free one; ask again soon
        assertThat(full.retryAfter()).isEqualTo(Duration.ofMillis(SlidingLog.pollMillis(3, WINDOW)));

        millis.addAndGet(5_000);                  // a request in flight counts however long it takes
        assertThat(store.take(KEY, 3, WINDOW).granted()).isFalse();
        store.answered(KEY, slots.get(0), 3, WINDOW, -1);
        millis.addAndGet(400);
        BudgetStore.Take waiting = store.take(KEY, 3, WINDOW);
        assertThat(waiting.retryAfter()).isEqualTo(Duration.ofMillis(600));
        millis.addAndGet(600);
        assertThat(store.take(KEY, 3, WINDOW).granted()).isTrue();
    }

    @Test
    void aSlotGivenBackIsFreeAtOnce() {
        long slot = store.take(KEY, 1, WINDOW).slot();
        store.giveBack(KEY, slot);
        assertThat(store.take(KEY, 1, WINDOW).granted()).isTrue();
    }

    @Test
    void whatTheServerSaysWasSpentElsewhereIsBookedForOneWindow() {
        long slot = store.take(KEY, 10, WINDOW).slot();
        store.answered(KEY, slot, 10, WINDOW, 4);          // the log has 9 left; the server 4: 5 spent elsewhere
        assertThat(store.held(KEY)).isEqualTo(6);
        millis.addAndGet(WINDOW.toMillis());
        assertThat(store.held(KEY)).isZero();
    }

    @Test
    void aSlotWhoseAnswerNeverComesFreesUpAtItsLeaseEndPlusOneWindow() {
        store.take(KEY, 1, WINDOW);
        millis.addAndGet(30_000 + WINDOW.toMillis() - 1);
        assertThat(store.take(KEY, 1, WINDOW).granted()).isFalse();
        millis.addAndGet(1);
        assertThat(store.take(KEY, 1, WINDOW).granted()).isTrue();
    }

    @Test
    void theSlotsInFlightOfAHolderThatWentAwayFreeUpOneWindowLater() {
        long[] log = SlidingLog.EMPTY;
        for (int i = 0; i < 2; i++) {
            log = SlidingLog.take(log, 0, 3, 1000, 60_000, 7, 7, 5).log();       // the holder that goes away
        }
        log = SlidingLog.take(log, 0, 3, 1000, 60_000, 1, 1, 5).log();
        log = SlidingLog.releaseHolder(log, 100, 7, 7);
        assertThat(SlidingLog.heldBy(log, 100, 7, 7)).isEqualTo(2);
        assertThat(SlidingLog.heldBy(log, 1100, 7, 7)).isZero();
        assertThat(SlidingLog.heldBy(log, 1100, 1, 1)).as("another holder's slot in flight").isEqualTo(1);
    }
}
