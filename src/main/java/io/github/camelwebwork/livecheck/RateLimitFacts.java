package io.github.camelwebwork.livecheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.camelwebwork.component.WebworkConfiguration;

/**
 * H5 and §6: answers carry {@code X-RateLimit-Limit} and {@code X-RateLimit-Remaining}, the limit is the one the
 * budget assumes (rateLimit, 60), and the remaining count goes down as requests are sent. The window itself is not
 * measured: that would spend the whole budget and wait for a 429.
 */
final class RateLimitFacts implements FactGroup {

    static final String GROUP = "Rate limit";
    private static final String HEADERS = "Answers carry X-RateLimit-Limit and X-RateLimit-Remaining";
    private static final String LIMIT = "The limit is rateLimit requests per rateLimitWindow";
    private static final String WINDOW = "The window is rateLimitWindow, sliding";
    private static final String REFERENCE = "H5, §6";

    @Override
    public List<Fact> check(CheckRun run) {
        WebworkConfiguration defaults = new WebworkConfiguration();
        List<Answer> answers = run.reads().stream().filter(Read::answered).map(Read::answer).toList();
        List<Fact> facts = new ArrayList<>();
        if (answers.isEmpty()) {
            return List.of(Fact.notCheckable(GROUP, HEADERS, REFERENCE, "no read answered"));
        }
        Optional<Answer> bare = answers.stream().filter(a -> limit(a) == null || remaining(a) == null).findFirst();
        String budget = "rateLimit=" + defaults.getRateLimit() + "&rateLimitWindow=" + defaults.getRateLimitWindow();
        if (bare.isPresent()) {
            facts.add(Fact.refuted(GROUP, HEADERS, REFERENCE + ", client.WebworkClient", bare.get().status()
                            + " answer without them (" + answers.stream().filter(a -> limit(a) == null).count() + " of "
                            + answers.size() + " answers)", run.evidence(bare.get()),
                    "keep " + budget + " (the budget's own count is all there is: nothing corrects it) and lower "
                    + "rateLimit when other programs use the same token"));
            facts.add(Fact.notCheckable(GROUP, LIMIT, REFERENCE, "no X-RateLimit-Limit to compare"));
        } else {
            facts.add(Fact.confirmed(GROUP, HEADERS, REFERENCE + ", client.WebworkClient", answers.size()
                    + " answers, each with both"));
            facts.add(limitFact(run, answers, defaults));
        }
        facts.add(Fact.notCheckable(GROUP, WINDOW, REFERENCE, "measuring it spends the whole budget and waits for a "
                + "429; this run sent " + run.probe().sent() + " requests"));
        return facts;
    }

    private static Fact limitFact(CheckRun run, List<Answer> answers, WebworkConfiguration defaults) {
        Optional<Answer> other = answers.stream().filter(a -> limit(a) != defaults.getRateLimit()).findFirst();
        if (other.isPresent()) {
            return Fact.refuted(GROUP, LIMIT, REFERENCE, "X-RateLimit-Limit " + limit(other.get()) + ", not "
                            + defaults.getRateLimit(), run.evidence(other.get()),
                    "rateLimit=" + limit(other.get()) + " (per rateLimitWindow " + defaults.getRateLimitWindow()
                    + " ms, unless WebWork says otherwise)");
        }
        Answer first = answers.get(0);
        Answer last = answers.get(answers.size() - 1);
        return Fact.confirmed(GROUP, LIMIT, REFERENCE, "X-RateLimit-Limit " + limit(first) + "; Remaining "
                + remaining(first) + " to " + remaining(last) + " over " + answers.size() + " requests");
    }

    private static Integer limit(Answer answer) {
        return integer(answer.header("X-RateLimit-Limit"));
    }

    private static Integer remaining(Answer answer) {
        return integer(answer.header("X-RateLimit-Remaining"));
    }

    private static Integer integer(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
