package io.github.camelwebwork.livecheck;

/**
 * One fact the project relies on and its verdict.
 *
 * @param group     the fact group, e.g. "Pagination"
 * @param claim     the fact as the project states it
 * @param reference where the reference (webwork-api.md) and the code keep it, e.g. "§4, HouseRules.MAX_PER_PAGE"
 * @param observed  what the answers showed, in a line
 * @param evidence  the request and answer that refuted it, or null
 * @param setting   what a user changes where it is refuted (an endpoint option, or the code to report), or null
 */
public record Fact(String group, String claim, String reference, Verdict verdict, String observed, Evidence evidence,
                   String setting) {

    static Fact confirmed(String group, String claim, String reference, String observed) {
        return new Fact(group, claim, reference, Verdict.CONFIRMED, observed, null, null);
    }

    static Fact notCheckable(String group, String claim, String reference, String why) {
        return new Fact(group, claim, reference, Verdict.NOT_CHECKABLE, why, null, null);
    }

    static Fact refuted(String group, String claim, String reference, String observed, Evidence evidence,
                        String setting) {
        return new Fact(group, claim, reference, Verdict.REFUTED, observed, evidence, setting);
    }
}
