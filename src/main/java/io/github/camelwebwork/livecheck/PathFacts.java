package io.github.camelwebwork.livecheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.camelwebwork.client.ApiRequest;
import io.github.camelwebwork.operation.HouseRules;
import io.github.camelwebwork.operation.Location;

/**
 * §7's paths and house rule H1 for reads: every GET of the catalogue exists at its path, and takes
 * {@code workspace_id} in the query string. A scoped read answered 404 is sent once more with the id in the path
 * ({@code /workspaces/{id}/...}), to tell a missing route from a misplaced id.
 */
final class PathFacts implements FactGroup {

    static final String GROUP = "Paths and workspace_id";
    private static final String PATHS = "Every read of the catalogue answers at its path";
    private static final String SCOPE = "GET takes workspace_id in the query string";

    @Override
    public List<Fact> check(CheckRun run) {
        List<Read> sent = run.reads().stream().filter(Read::answered).toList();
        List<Read> missing = sent.stream().filter(r -> r.answer().status() == 404 && isList(r)).toList();
        List<Fact> facts = new ArrayList<>();
        if (sent.isEmpty()) {
            facts.add(Fact.notCheckable(GROUP, PATHS, "§7", "no read could be sent"));
            return facts;
        }
        Optional<Answer> inPath = missing.stream().filter(PathFacts::isScoped)
                .map(r -> run.probe().send(inPath(r.request(), run.workspaceId()))).filter(Answer::ok).findFirst();
        if (inPath.isPresent()) {
            Read first = missing.get(0);
            facts.add(Fact.refuted(GROUP, SCOPE, "H1, HouseRules.scopeLocation", "404 with workspace_id in the query; "
                            + "answered with it in the path: " + run.probe().masking().mask(inPath.get().request()),
                    run.evidence(first.answer()), "no option places workspace_id: HouseRules.scopeLocation must "
                            + "change (report it with this file)"));
        } else {
            long scoped = sent.stream().filter(r -> isScoped(r) && r.answer().status() != 404).count();
            facts.add(scoped > 0 ? Fact.confirmed(GROUP, SCOPE, "H1, HouseRules.scopeLocation",
                    scoped + " scoped reads answered with workspace_id=" + run.workspaceId() + " in the query")
                    : Fact.notCheckable(GROUP, SCOPE, "H1", "no scoped read answered"));
        }
        if (missing.isEmpty()) {
            facts.add(Fact.confirmed(GROUP, PATHS, "§7, operation/*Operations",
                    sent.size() + " reads sent, none answered 404 on a list path"));
        } else if (inPath.isEmpty()) {
            facts.add(Fact.refuted(GROUP, PATHS, "§7, operation/*Operations", missing.size()
                            + " list paths answered 404: " + missing.stream().map(r -> r.op().httpCall()).toList(),
                    run.evidence(missing.get(0).answer()), "none: report the paths with this file"));
        }
        return facts;
    }

    /** A list, not a get: a get's 404 may mean the record went, a list's means the route. */
    private static boolean isList(Read read) {
        return read.op().params(Location.PATH).isEmpty();
    }

    private static boolean isScoped(Read read) {
        return read.op().param("workspace_id").map(p -> p.location() == HouseRules.scopeLocation("GET"))
                .orElse(false);
    }

    private static ApiRequest inPath(ApiRequest request, long workspaceId) {
        return new ApiRequest(request.method(), "/workspaces/" + workspaceId + request.path(), request.query(), null)
                .withoutQueryParam("workspace_id");
    }
}
