package io.github.camelwebwork.livecheck;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.client.ApiRequest;
import io.github.camelwebwork.client.WebworkJson;

/**
 * Checks the facts the project relies on (paths and where workspace_id goes, the envelope, pagination, list order,
 * the rate-limit headers, error shapes, the model fit of every read) against the live API with the user's token, and
 * writes a Markdown report: each fact confirmed, refuted (with the request and an excerpt of the answer, the token
 * masked) or not checkable. Reads only, unless {@code --writes} (one throwaway task created and deleted). Prints the
 * settings to change where a fact was refuted. Exit code 0: nothing refuted; 1: something refuted; 2: no run.
 * <pre>WEBWORK_ACCESS_TOKEN=... java -cp camel-webwork.jar:... io.github.camelwebwork.livecheck.LiveCheck --workspace 42</pre>
 */
public final class LiveCheck {

    public static final int ALL_HOLD = 0;
    public static final int REFUTED = 1;
    public static final int NO_RUN = 2;

    private LiveCheck() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, Clock.systemUTC()));
    }

    /** A run as {@link #main} does it, with its environment, console and clock given; returns the exit code. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, Clock clock) {
        LiveCheckArgs parsed;
        try {
            parsed = LiveCheckArgs.parse(args, env);
        } catch (LiveCheckException e) {
            out.println(e.getMessage());
            return NO_RUN;
        }
        Masking masking = new Masking(parsed.token());
        try {
            Result result = check(parsed, clock);
            write(parsed.report(), result.markdown());
            print(out, result, parsed.report());
            return result.refuted().isEmpty() ? ALL_HOLD : REFUTED;
        } catch (LiveCheckException | IOException e) {
            out.println("live check failed: " + masking.mask(e.getMessage()));
            return NO_RUN;
        }
    }

    /** The facts and the report of one run. */
    public record Result(List<Fact> facts, String markdown, int requests) {

        public List<Fact> refuted() {
            return facts.stream().filter(f -> f.verdict() == Verdict.REFUTED).toList();
        }
    }

    static Result check(LiveCheckArgs args, Clock clock) {
        ObjectMapper mapper = WebworkJson.newMapper();
        Probe probe = new Probe(args.baseUrl(), args.token(), mapper);
        long workspaceId = args.workspaceId() != null ? args.workspaceId() : firstWorkspace(probe);
        List<Read> reads = new ReadSweep(mapper, clock).run(probe, workspaceId);
        CheckRun run = new CheckRun(probe, workspaceId, reads, mapper, clock);
        List<Fact> facts = new ArrayList<>();
        for (FactGroup group : List.of(new PathFacts(), new EnvelopeFacts(), new PaginationFacts(),
                new ListOrderFacts(), new RateLimitFacts(), new ErrorFacts(), new ModelFitFacts(),
                new WriteFacts(args.writes()))) {
            facts.addAll(group.check(run));
        }
        String markdown = probe.masking().mask(MarkdownReport.render(probe.baseUrl(), workspaceId, args.writes(),
                clock.instant(), facts));
        return new Result(List.copyOf(facts), markdown, probe.sent());
    }

    private static long firstWorkspace(Probe probe) {
        Answer answer = probe.send(new ApiRequest("GET", "/workspaces", List.of(), null));
        JsonNode id = answer.records().path(0).path("id");
        if (!answer.ok() || !id.canConvertToLong()) {
            throw new LiveCheckException("no workspace given and GET /workspaces gave none (HTTP " + answer.status()
                                         + "): pass --workspace <id>");
        }
        return id.asLong();
    }

    private static void write(Path report, String markdown) throws IOException {
        Path parent = report.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(report, markdown, StandardCharsets.UTF_8);
    }

    private static void print(PrintStream out, Result result, Path report) {
        for (Fact f : result.facts()) {
            out.println(String.format("%-13s %s: %s", f.verdict(), f.group(), f.claim()));
        }
        List<Fact> refuted = result.refuted();
        if (!refuted.isEmpty()) {
            out.println();
            out.println("Settings to change:");
            refuted.stream().map(Fact::setting).distinct().forEach(s -> out.println("  - " + s));
        }
        out.println();
        out.println(result.facts().size() + " facts, " + refuted.size() + " refuted, " + result.requests()
                    + " requests; report: " + report.toAbsolutePath());
    }
}
