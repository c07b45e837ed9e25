package io.github.camelwebwork.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The order the sandbox answers every list in, page after page ({@link WebworkSandbox.Builder#listOrder}, or
 * {@link WebworkSandbox#listOrder(ListOrder)} while it runs). The reference does not say which order the API uses
 * (§4 is silent); the sandbox answers {@link #ascending()} by default, the order the project's house rule expects, and
 * the other orders are there to test a client against an API that answers otherwise.
 */
public abstract class ListOrder {

    private final String name;

    private ListOrder(String name) {
        this.name = name;
    }

    /**
     * Oldest first, the default: ascending ids (lists of string ids in the order of creation, time entries by start).
     */
    public static ListOrder ascending() {
        return new ListOrder("ascending") {
            @Override
            <T> List<T> arrange(List<T> records) {
                return records;
            }
        };
    }

    /** Newest first: {@link #ascending()} reversed, so that new records are on page 1. */
    public static ListOrder descending() {
        return new ListOrder("descending") {
            @Override
            <T> List<T> arrange(List<T> records) {
                List<T> copy = new ArrayList<>(records);
                Collections.reverse(copy);
                return copy;
            }
        };
    }

    /**
     * A new order for every list request, as a query without an order might answer: the n-th list request after this
     * order was set is shuffled with {@code new Random(seed + n)}, so the same requests see the same pages.
     */
    public static ListOrder shuffled(long seed) {
        AtomicLong requests = new AtomicLong();
        return new ListOrder("shuffled per request (seed " + seed + ")") {
            @Override
            <T> List<T> arrange(List<T> records) {
                List<T> copy = new ArrayList<>(records);
                Collections.shuffle(copy, new Random(seed + requests.getAndIncrement()));
                return copy;
            }
        };
    }

    /** The records of one list answer, all pages, given {@link #ascending()}. */
    abstract <T> List<T> arrange(List<T> records);

    /** For the sandbox's HTTP layer, which lives in another package. */
    public static <T> List<T> arrange(ListOrder order, List<T> records) {
        return order.arrange(records);
    }

    @Override
    public String toString() {
        return name;
    }
}
