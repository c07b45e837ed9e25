package io.github.camelwebwork.consumer;

import java.util.Map;

import io.github.camelwebwork.operation.HouseRules;
import io.github.camelwebwork.operation.ListOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the order the API answers a list in is the one incremental scans rely on ({@link HouseRules#LIST_ORDER}:
 * new records at the end they read). Unconfirmed until a full scan observed it in every partition of more than one
 * page (a partition of one page is read whole by an incremental scan too); a full scan that observes another order,
 * or a page of an incremental scan that does, withdraws the confirmation until a later full scan observes the
 * expected order again. Each change is logged once: a WARN when the consumer falls back to full scans, an INFO when
 * it returns to incremental ones.
 */
final class ListOrderWatch {

    private static final Logger LOG = LoggerFactory.getLogger(ListOrderWatch.class);

    private final String resource;
    private final ListOrder expected;
    private final boolean logged;
    /** Null until the first full scan, then whether the last verdict confirmed the order. */
    private Boolean confirmed;

    /**
     * @param logged whether incremental scans are wanted at all (with reconcileEvery=1 every scan is full anyway,
     *               and a change of order is not worth a word)
     */
    ListOrderWatch(String resource, ListOrder expected, boolean logged) {
        this.resource = resource;
        this.expected = expected;
        this.logged = logged;
    }

    ListOrder expected() {
        return expected;
    }

    /** Whether incremental scans may run: the last verdict confirmed the expected order. */
    boolean confirmed() {
        return Boolean.TRUE.equals(confirmed);
    }

    /** A full scan completed: what each partition (key) showed across its pages. */
    void fullScan(Map<String, OrderEvidence> partitions) {
        for (Map.Entry<String, OrderEvidence> e : partitions.entrySet()) {
            OrderEvidence evidence = e.getValue();
            ListOrder shown = evidence.order();
            if (shown != expected && (shown != null || evidence.unordered() || evidence.pages() > 1)) {
                withdraw("a full scan read " + where(e.getKey()) + evidence.describe(expected));
                return;
            }
        }
        if (Boolean.FALSE.equals(confirmed) && logged) {
            LOG.info("webwork:{}: a full scan read every list {} again: incremental scans resume between the full "
                     + "ones", resource, expected);
        }
        confirmed = true;
    }

    /** A page read by an incremental scan: only another order counts (one page says little else). */
    void incrementalPage(String partition, OrderEvidence page) {
        if (page.order() != null && page.order() != expected || page.unordered()) {
            withdraw("an incremental scan read " + where(partition) + page.describe(expected));
        }
    }

    private void withdraw(String observed) {
        if (!Boolean.FALSE.equals(confirmed) && logged) {
            LOG.warn("webwork:{}: {}, not {} as incremental scans need (HouseRules.LIST_ORDER): every scan is full "
                     + "until a full scan reads every list {}", resource, observed, expected, expected);
        }
        confirmed = false;
    }

    private static String where(String partition) {
        return "all".equals(partition) ? "the list " : "the list of " + partition + " ";
    }
}
