package io.github.camelwebwork.livecheck;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * §4: a paged list answers {@code meta.pagination{total, per_page, current_page, last_page}} and serves its largest
 * page (the catalogue's maxPerPage: 100, time entries 50), which the lazy walk asks for. Every paged read of the
 * sweep asked for it.
 */
final class PaginationFacts implements FactGroup {

    static final String GROUP = "Pagination";
    private static final String META = "A paged list answers meta.pagination{total, per_page, current_page, last_page}";
    private static final String LARGEST = "A paged list serves its largest page (per_page = the catalogue's maximum)";
    private static final List<String> FIELDS = List.of("total", "per_page", "current_page", "last_page");

    @Override
    public List<Fact> check(CheckRun run) {
        List<Read> paged = run.reads().stream().filter(r -> r.ok() && r.perPage() > 0).toList();
        if (paged.isEmpty()) {
            return List.of(Fact.notCheckable(GROUP, META, "§4", "no paged list answered 2xx"),
                    Fact.notCheckable(GROUP, LARGEST, "§4", "no paged list answered 2xx"));
        }
        List<Fact> facts = new ArrayList<>();
        List<Read> withMeta = paged.stream().filter(r -> hasMeta(r.answer().pagination())).toList();
        Read without = paged.stream().filter(r -> !hasMeta(r.answer().pagination())).findFirst().orElse(null);
        if (without == null) {
            facts.add(Fact.confirmed(GROUP, META, "§4, client.ApiResponse.pagination",
                    paged.size() + " paged lists, each with its pagination"));
        } else {
            // §4 knows lists documented without pagination; the walk then goes on while pages are full
            facts.add(Fact.refuted(GROUP, META, "§4, client.ApiResponse.pagination", without.op().httpCall()
                            + " answered without pagination (" + (paged.size() - withMeta.size()) + " of "
                            + paged.size() + " lists)", run.evidence(without.answer()),
                    "none needed: without pagination a walk goes on while pages are full; maxResults bounds it"));
        }
        facts.add(largest(run, withMeta));
        return facts;
    }

    private static Fact largest(CheckRun run, List<Read> withMeta) {
        if (withMeta.isEmpty()) {
            return Fact.notCheckable(GROUP, LARGEST, "§4", "no list answered its pagination");
        }
        List<Read> shortened = withMeta.stream().filter(PaginationFacts::shortPage).toList();
        if (shortened.isEmpty()) {
            return Fact.confirmed(GROUP, LARGEST, "§4, HouseRules.MAX_PER_PAGE", withMeta.size()
                    + " lists answered the per_page asked for: " + withMeta.stream()
                    .map(r -> r.op().resource() + " " + r.perPage()).distinct().toList());
        }
        Read first = shortened.get(0);
        JsonNode pagination = first.answer().pagination();
        int answered = pagination.path("per_page").asInt();
        List<String> resources = shortened.stream().map(r -> r.op().resource()).distinct().toList();
        return Fact.refuted(GROUP, LARGEST, "§4, HouseRules.MAX_PER_PAGE", first.op().httpCall() + " asked per_page="
                        + first.perPage() + ", answered per_page " + answered + " with "
                        + first.answer().records().size() + " records of " + pagination.path("total").asText()
                        + " total; " + shortened.size() + " of " + withMeta.size() + " lists so: " + resources,
                run.evidence(first.answer()), "perPage=" + answered + " on the webwork: endpoints and consumers of "
                        + resources + ", or pages are read short and records skipped");
    }

    /** Fewer records than asked for on a page that is not the last, or another per_page than asked for. */
    private static boolean shortPage(Read read) {
        JsonNode pagination = read.answer().pagination();
        int records = read.answer().records().size();
        boolean lastPage = pagination.path("current_page").asInt() >= pagination.path("last_page").asInt();
        return pagination.path("per_page").asInt() != read.perPage() || records > read.perPage()
               || records < read.perPage() && !lastPage;
    }

    private static boolean hasMeta(JsonNode pagination) {
        return pagination.isObject() && FIELDS.stream().allMatch(f -> pagination.path(f).canConvertToInt());
    }
}
