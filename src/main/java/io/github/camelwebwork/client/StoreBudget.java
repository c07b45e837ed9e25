package io.github.camelwebwork.client;

import java.time.Duration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A credential's rate budget kept in a {@link BudgetStore}, as this process takes it: each request takes a slot in
 * the store after the JVM's own {@link RateBudget} (lanes, {@code Retry-After} pauses) let it go. When the store cannot
 * be reached, the process falls back to a share of the limit of its own ({@code budgetFallbackShare}) and asks the
 * store again every {@link #STORE_RETRY} at most; both changes are logged once, and {@link #mode()} tells the health
 * check.
 * <p>
 * Neither change may let the machines together exceed the limit. The store does not know what the process sends in
 * fallback, and the fallback share does not know what went through the store: the share starts spent (its first
 * request goes out one window after the store was lost, when every slot taken through the store has left the window),
 * and after the store returns the share still applies for one window besides the store.
 */
public final class StoreBudget {

    private static final Logger LOG = LoggerFactory.getLogger(StoreBudget.class);
    /** How often the store is tried again while it is unreachable. */
    static final Duration STORE_RETRY = Duration.ofSeconds(1);

    /** What one request holds: a slot of the store (0: none) and a slot of the fallback share (null: none). */
    public static final class Ticket {
        final long slot;
        final RateBudget share;
        int serverRemaining = -1;

        Ticket(long slot, RateBudget share) {
            this.slot = slot;
            this.share = share;
        }
    }

    /** The store budgets of this JVM, per store and key, with their holders: one fallback share per credential. */
    private static final Map<BudgetStore, Map<String, StoreBudget>> HELD = new IdentityHashMap<>();

    private final BudgetStore store;
    private final String key;
    private int holders;
    private final String name;
    private final int limit;
    private final Duration window;
    private final Duration enforcedWindow;
    private final int configuredShare;
    private final LongSupplier nanoClock;
    /** How many processes held slots at the last take. */
    private volatile int sharers;
    private volatile boolean fallback;
    private volatile RateBudget share;
    private volatile long retryStoreAt;
    /** After the store returned: the share still applies until then. */
    private volatile long shareUntil;

    /**
     * {@code key}: the store's key of the credential (a fingerprint); {@code name}: how logs name it (no secret);
     * {@code fallbackShare}: requests per window in fallback, 0 for the limit divided by the number of processes last
     * seen (the store's members, or the holders of slots at the last take, whichever is more; at least 2).
     */
    public StoreBudget(BudgetStore store, String key, String name, int limit, Duration window, int fallbackShare) {
        this(store, key, name, limit, window, fallbackShare, System::nanoTime);
    }

    StoreBudget(BudgetStore store, String key, String name, int limit, Duration window, int fallbackShare,
                LongSupplier nanoClock) {
        this.store = store;
        this.key = key;
        this.name = name;
        this.limit = limit;
        this.window = window;
        this.enforcedWindow = new RateBudget(limit, window).window();
        this.configuredShare = fallbackShare;
        this.nanoClock = nanoClock;
        this.shareUntil = nanoClock.getAsLong();
    }

    /**
     * The budget of {@code key} in {@code store}, shared by every component of this JVM that uses the store, made with
     * these settings when no one holds it yet; each hold is matched by one {@link #release}.
     */
    public static synchronized StoreBudget hold(BudgetStore store, String key, String name, int limit, Duration window,
                                                int fallbackShare) {
        StoreBudget budget = HELD.computeIfAbsent(store, s -> new HashMap<>())
                .computeIfAbsent(key, k -> new StoreBudget(store, key, name, limit, window, fallbackShare));
        budget.holders++;
        return budget;
    }

    /** One holder is done with the budget; the last one drops it. */
    public static synchronized void release(StoreBudget budget) {
        Map<String, StoreBudget> ofStore = HELD.get(budget.store);
        if (ofStore == null || ofStore.get(budget.key) != budget || --budget.holders > 0) {
            return;
        }
        ofStore.remove(budget.key);
        if (ofStore.isEmpty()) {
            HELD.remove(budget.store);
        }
    }

    /**
     * Takes one request from the store (or the fallback share), waiting at most {@code maxWait}; every ticket is
     * followed by one {@link #completed}.
     *
     * @return the request's ticket, or null when no budget freed up within {@code maxWait}
     */
    public Ticket acquire(RateBudget.Lane lane, Duration maxWait) throws InterruptedException {
        long deadline = nanoClock.getAsLong() + Math.max(0, maxWait.toNanos());
        while (true) {
            long now = nanoClock.getAsLong();
            if (!fallback || now - retryStoreAt >= 0) {
                BudgetStore.Take take;
                try {
                    take = store.take(key, limit, enforcedWindow);
                } catch (RuntimeException e) {
                    enterFallback(e);
                    continue;
                }
                if (fallback) {
                    backToShared();
                }
                sharers = take.sharers();
                if (take.granted()) {
                    return withShare(take.slot(), lane, deadline);
                }
                long wait = take.retryAfter().toNanos();
                if (now + wait - deadline > 0) {
                    return null;
                }
                TimeUnit.NANOSECONDS.sleep(wait);
                continue;
            }
            RateBudget fallbackShare = share;
            long until = Math.min(deadline, retryStoreAt);
            if (fallbackShare.acquire(lane, Duration.ofNanos(Math.max(0, until - now)))) {
                return new Ticket(0, fallbackShare);
            }
            now = nanoClock.getAsLong();
            if (now - deadline >= 0) {
                return null;
            }
            // the share knew nothing would free up before it is time to ask the store again
            TimeUnit.NANOSECONDS.sleep(Math.max(0, until - now));
        }
    }

    /** A store slot, plus a slot of the share while the share still applies after the store returned. */
    private Ticket withShare(long slot, RateBudget.Lane lane, long deadline) throws InterruptedException {
        RateBudget stillApplies = nanoClock.getAsLong() - shareUntil < 0 ? share : null;
        if (stillApplies == null) {
            return new Ticket(slot, null);
        }
        if (stillApplies.acquire(lane, Duration.ofNanos(Math.max(0, deadline - nanoClock.getAsLong())))) {
            return new Ticket(slot, stillApplies);
        }
        try {
            store.giveBack(key, slot);
        } catch (RuntimeException e) {
            enterFallback(e);                       // the slot frees up at its lease's end
        }
        return null;
    }

    /** The server's {@code X-RateLimit-Remaining} of the ticket's answer; booked with the answer. */
    public void observe(Ticket ticket, Integer serverRemaining) {
        if (serverRemaining == null) {
            return;
        }
        ticket.serverRemaining = serverRemaining;
        if (ticket.share != null) {
            ticket.share.observe(null, serverRemaining);
        }
    }

    /** The answer to the ticket's request (or its failure) is in. */
    public void completed(Ticket ticket) {
        if (ticket.share != null) {
            ticket.share.completed();
        }
        if (ticket.slot > 0) {
            try {
                store.answered(key, ticket.slot, limit, enforcedWindow, ticket.serverRemaining);
            } catch (RuntimeException e) {
                enterFallback(e);                   // the slot frees up at its lease's end
            }
        }
    }

    private synchronized void enterFallback(RuntimeException cause) {
        long now = nanoClock.getAsLong();
        retryStoreAt = now + STORE_RETRY.toNanos();
        if (fallback) {
            return;
        }
        int members = 0;
        try {
            members = store.members();
        } catch (RuntimeException ignored) {
            // unknown: half
        }
        int requests = configuredShare > 0 ? Math.min(configuredShare, limit)
                : Math.max(1, limit / Math.max(2, Math.max(members, sharers)));
        RateBudget fallbackShare = new RateBudget(requests, window);
        // spent for one window: what this process and the others took through the store may still be in it
        fallbackShare.observe(null, 0);
        share = fallbackShare;
        shareUntil = now + TimeUnit.DAYS.toNanos(365);
        fallback = true;
        LOG.warn("The rate budget store {} of {} is unreachable ({}): this process now keeps to {} requests per {} of"
                 + " its own, starting one window from now, and tries the store again every {}", store, name,
                 cause.getClass().getSimpleName(), requests, window, STORE_RETRY);
    }

    private synchronized void backToShared() {
        if (!fallback) {
            return;
        }
        shareUntil = nanoClock.getAsLong() + enforcedWindow.toNanos();
        fallback = false;
        LOG.info("The rate budget store {} of {} is reachable again: back to the shared budget of {} requests per {}"
                 + " (the share of this process still applies for one window)", store, name, limit, window);
    }

    /** {@code shared} while the store is in use, {@code fallback} while it is unreachable. */
    public String mode() {
        return fallback ? "fallback" : "shared";
    }

    public BudgetStore store() {
        return store;
    }

    @Override
    public String toString() {
        return "StoreBudget[" + name + ", " + limit + " per " + window + " in " + store + ", " + mode() + "]";
    }
}
