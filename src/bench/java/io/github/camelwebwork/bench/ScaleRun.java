package io.github.camelwebwork.bench;

import java.time.Duration;
import java.util.List;

import io.github.camelwebwork.client.BudgetCandidates;
import io.github.camelwebwork.client.BudgetCandidates.Figures;
import io.github.camelwebwork.client.RateBudget.Lane;

import static io.github.camelwebwork.bench.BenchSupport.f;

/**
 * Group scale (issue 16): the rate budget's candidates under WebWork's rule, at most 60 requests in any sliding minute,
 * on a controlled clock (so the figures are exact and the same on any machine): the component's sliding log against
 * Bucket4j token buckets. A token bucket holds the rule only when its capacity plus its refill per window is at most
 * the limit (a full bucket spent at once, then a window of refill); within that, what it gives to bursts it takes from
 * throughput. The sliding log gives both.
 */
final class ScaleRun {

    private static final int LIMIT = 60;
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MINUTES = 600;
    private static final int WAIT_MINUTES = 30;
    private static final Duration CALL_EVERY = Duration.ofSeconds(7);

    private ScaleRun() {
    }

    /** The wait of an interactive call during a full scan, with the lanes and as before them. */
    private static String interactiveWaits() {
        StringBuilder md = new StringBuilder(f("%n### Interactive calls during a full scan%n%n"));
        md.append(f("A full scan of 50,000 tasks (500 requests, more than 8 minutes of the budget) runs for %d minutes"
                    + " taking every request it is given, while a `tasks.get` is issued every %d s (the next one at once when its time passed while the last waited); limit %d a minute,"
                    + " controlled clock. A slot is the window (with its margin) over the limit: %.2f s.%n%n",
                WAIT_MINUTES, CALL_EVERY.toSeconds(), LIMIT, (WINDOW.toNanos() + 1e9) / LIMIT / 1e9));
        md.append("| scan's lane | calls | p50 wait | p95 wait | max wait | p95 in slots | scan requests |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (Lane lane : List.of(Lane.BULK, Lane.INTERACTIVE)) {
            try {
                BudgetCandidates.ScanWaits w = BudgetCandidates.interactiveWaitsDuringScan(LIMIT, WINDOW, CALL_EVERY,
                        WAIT_MINUTES, lane);
                md.append(f("| %s | %d | %.2f s | %.2f s | %.2f s | %.2f | %d |%n", lane == Lane.BULK
                                ? "bulk (change capture's default)" : "interactive (as before the lanes)",
                        w.waitsNanos().size(), w.percentile(50) / 1e9, w.percentile(95) / 1e9, w.max() / 1e9,
                        (double) w.percentile(95) / w.slotNanos(), w.bulkRequests()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        md.append("\nIn the bulk lane the scan is spaced one slot at a time and a waiting interactive call takes the"
                  + " next slot that frees up, so it waits at most about one slot; a scan in the interactive lane takes"
                  + " the whole window's budget as it frees, and a call waits up to a window behind it.\n");
        return md.toString();
    }

    static String run() {
        List<Figures> rows = List.of(
                BudgetCandidates.slidingLog(LIMIT, WINDOW, MINUTES, Lane.INTERACTIVE),
                BudgetCandidates.slidingLog(LIMIT, WINDOW, MINUTES, Lane.BULK),
                BudgetCandidates.tokenBucket(LIMIT, 1, LIMIT - 1, true, WINDOW, MINUTES),
                BudgetCandidates.tokenBucket(LIMIT, 10, LIMIT - 10, true, WINDOW, MINUTES),
                BudgetCandidates.tokenBucket(LIMIT, 30, LIMIT - 30, true, WINDOW, MINUTES),
                BudgetCandidates.tokenBucket(LIMIT, LIMIT, LIMIT, true, WINDOW, MINUTES),
                BudgetCandidates.tokenBucket(LIMIT, LIMIT, LIMIT, false, WINDOW, MINUTES));
        StringBuilder md = new StringBuilder("## 6. Scale: the rate budget's candidates\n\n");
        md.append(f("A caller that takes every request it is given, every millisecond for %d minutes, then idles for two"
                    + " windows and asks again; limit %d a minute, controlled clock (exact, machine-independent)."
                    + " Busiest window: the most requests in any sliding minute (WebWork answers 429 above %d)."
                    + " Steady share: requests after the first minute against the limit.%n%n",
                MINUTES, LIMIT, LIMIT));
        md.append("| candidate | busiest minute | holds the rule | steady share of the limit | burst after idle |\n");
        md.append("|---|---|---|---|---|\n");
        for (Figures r : rows) {
            md.append(f("| %s | %d | %s | %.3f | %d |%n", r.candidate(), r.busiestWindow(),
                    r.busiestWindow() <= LIMIT ? "yes" : "NO (429s)", r.steadyShare(), r.burstAfterIdle()));
        }
        md.append("\nThe sliding log keeps its margin (the window a twentieth longer, at most 1 s: 60/61 = 0.984) and"
                  + " still lets a whole minute's budget go at once after idle (interactive calls; the bulk lane is"
                  + " paced one slot at a time on purpose, so that an interactive call never waits a window behind"
                  + " it); a token bucket that holds the rule trades one for the other (capacity + refill ≤ limit),"
                  + " and the one that gives both breaks it."
                  + " Both keep one record per credential that a distributed engine updates atomically (an entry"
                  + " processor on a Hazelcast IMap in either case), so a call costs them the same round trip.\n");
        md.append(interactiveWaits());
        return md.toString();
    }
}
