package io.github.camelwebwork.client;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rate budgets of this JVM, one per API and credential: every component instance and CamelContext that calls the
 * same base URL with the same credential draws on one {@link RateBudget}, as the server counts them together (house
 * rule H5: per user). A budget lives while someone holds it: {@link #hold} and {@link #release} count the holders;
 * the first holder's limit and window set it.
 */
public final class SharedBudgets {

    private static final Logger LOG = LoggerFactory.getLogger(SharedBudgets.class);
    private static final Map<String, Held> BUDGETS = new HashMap<>();

    private SharedBudgets() {
    }

    private static final class Held {
        final RateBudget budget;
        final int limit;
        final Duration window;
        int holders;

        Held(int limit, Duration window) {
            this.budget = new RateBudget(limit, window);
            this.limit = limit;
            this.window = window;
        }
    }

    /**
     * The budget of {@code key} (the base URL and the credential's fingerprint, never a secret), made with this limit
     * and window when no one holds it yet. Each hold is matched by one {@link #release}.
     */
    public static synchronized RateBudget hold(String key, int limit, Duration window) {
        Held held = BUDGETS.computeIfAbsent(key, k -> new Held(limit, window));
        if (held.limit != limit || !held.window.equals(window)) {
            LOG.warn("The rate budget of {} is shared in this JVM and was set to {} requests per {} by its first user;"
                     + " {} per {} is not applied", key, held.limit, held.window, limit, window);
        }
        held.holders++;
        return held.budget;
    }

    /** One holder of {@code key} is done with it; the last one drops the budget. */
    public static synchronized void release(String key, RateBudget budget) {
        Held held = BUDGETS.get(key);
        if (held == null || held.budget != budget) {
            return;
        }
        if (--held.holders == 0) {
            BUDGETS.remove(key);
        }
    }

    /** How many budgets are held (for tests). */
    static synchronized int size() {
        return BUDGETS.size();
    }
}
