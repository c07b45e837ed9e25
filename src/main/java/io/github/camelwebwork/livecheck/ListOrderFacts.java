package io.github.camelwebwork.livecheck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.github.camelwebwork.client.ApiRequest;
import io.github.camelwebwork.consumer.OrderEvidence;
import io.github.camelwebwork.operation.HouseRules;
import io.github.camelwebwork.operation.ListOrder;
import io.github.camelwebwork.operation.OperationCatalogue;

/**
 * The list order incremental change capture relies on ({@link HouseRules#LIST_ORDER}: new records on the last page),
 * judged by the same {@link OrderEvidence} the consumer's full scans collect: each followed list's first page from
 * the sweep, and the longest one read again over two pages, since the order must hold across pages.
 */
final class ListOrderFacts implements FactGroup {

    static final String GROUP = "List order";
    private static final String REFERENCE = "§4 (silent), HouseRules.LIST_ORDER";

    @Override
    public List<Fact> check(CheckRun run) {
        ListOrder expected = HouseRules.LIST_ORDER;
        List<Read> followed = run.reads().stream().filter(r -> r.ok() && r.op().isConsumable()).toList();
        List<Fact> facts = new ArrayList<>();
        for (Read read : followed) {
            OrderEvidence evidence = new OrderEvidence();
            evidence.page();
            read.answer().records().forEach(evidence::record);
            facts.add(verdict(run, read.op().resource(), "page 1", evidence, read.answer()));
        }
        acrossPages(run, followed).ifPresent(facts::add);
        if (facts.isEmpty()) {
            facts.add(Fact.notCheckable(GROUP, claim(expected, "every list"), REFERENCE, "no followed list answered"));
        }
        return facts;
    }

    private static Optional<Fact> acrossPages(CheckRun run, List<Read> followed) {
        Optional<Read> longest = followed.stream().filter(r -> r.perPage() > 0 && r.answer().records().size() >= 4)
                .max(Comparator.comparingInt(r -> r.answer().records().size()));
        if (longest.isEmpty()) {
            return Optional.empty();
        }
        Read read = longest.get();
        int half = (read.answer().records().size() + 1) / 2;
        OrderEvidence evidence = new OrderEvidence();
        Answer last = null;
        for (int page = 1; page <= 2; page++) {
            ApiRequest request = read.request().withQueryParam("per_page", Integer.toString(half))
                    .withQueryParam("page", Integer.toString(page));
            last = run.probe().send(request);
            if (!last.ok()) {
                return Optional.of(Fact.notCheckable(GROUP, claim(HouseRules.LIST_ORDER, read.op().resource()
                        + " across pages"), REFERENCE, "page " + page + " answered HTTP " + last.status()));
            }
            evidence.page();
            last.records().forEach(evidence::record);
        }
        return Optional.of(verdict(run, read.op().resource(), "pages 1 and 2 of " + half, evidence, last));
    }

    private static Fact verdict(CheckRun run, String resource, String read, OrderEvidence evidence, Answer answer) {
        boolean ordered = OperationCatalogue.require(resource, "list").param(ReadSweep.ORDER_BY).isPresent();
        ListOrder expected = HouseRules.LIST_ORDER;
        String claim = claim(expected, resource + " (" + read + ")");
        ListOrder shown = evidence.order();
        if (shown == expected) {
            return Fact.confirmed(GROUP, claim, REFERENCE, evidence.describe(expected));
        }
        if (shown == null && !evidence.unordered()) {
            return Fact.notCheckable(GROUP, claim, REFERENCE, "too few records to tell: " + evidence.describe(expected));
        }
        return Fact.refuted(GROUP, claim, REFERENCE, evidence.describe(expected), run.evidence(answer),
                (ordered ? "orderBy=asc (sent, yet not honoured) and " : "") + "reconcileEvery=1 on webwork:" + resource
                + " consumers (every scan full; the consumer also falls back "
                + "by itself, with a WARN)" + (shown == ListOrder.NEWEST_FIRST
                ? "; HouseRules.LIST_ORDER = NEWEST_FIRST in the code brings incremental scans back" : ""));
    }

    private static String claim(ListOrder expected, String what) {
        return "Lists answer " + expected + ": " + what;
    }
}
