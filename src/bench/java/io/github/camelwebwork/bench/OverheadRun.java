package io.github.camelwebwork.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import static io.github.camelwebwork.bench.BenchSupport.f;

/** Runs {@link OverheadBenchmark} with JMH at 1 and 8 threads; every ratio is to the bare Apache client of the same run. */
final class OverheadRun {

    private static final String[] ORDER = {"apacheBare", "jdkBare", "webwork", "camelHttp"};

    private OverheadRun() {
    }

    static String run() throws Exception {
        StringBuilder md = new StringBuilder("## 1. Per-call overhead (JMH)\n\n");
        int warmups = Integer.getInteger("bench.jmh.warmups", 8);
        int iterations = Integer.getInteger("bench.jmh.iterations", 5);
        md.append(f("`GET /tasks/{id}` against the sandbox on loopback, rate limit off (sandbox `noRateLimit()`, "
                + "component `rateLimit=1000000&rateLimitWindow=1000`, a million a second). JMH 1.37, average time, 1 fork, %d × 1 s warm-up, %d × 2 s "
                + "measurement; throughput = threads / average latency. Ratio = latency / latency of the bare Apache "
                + "HttpClient 5 + Jackson in the same run. The server (JDK HttpServer sandbox) runs in the same fork "
                + "and shares the cores. CPU/call: CPU time of the calling threads per call (`CallCpuProfiler`; "
                + "with the classic Apache client every variant sends, waits and parses on them), which other load on "
                + "the machine does not inflate as it does latency; bytes/call: allocation per call of the whole "
                + "fork, server included (JMH's gc profiler).%n%n", warmups, iterations));
        md.append("| threads | variant | latency µs/call (± 99.9% CI) | calls/s | ratio to bare Apache "
                  + "| CPU µs/call (ratio) | KB allocated/call (ratio) |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (int threads : new int[] {1, 8}) {
            Options options = new OptionsBuilder()
                    .include(OverheadBenchmark.class.getName() + "\\.")
                    .forks(1)
                    .jvmArgs("-Xmx512m", "-Dorg.slf4j.simpleLogger.log.io.github.camelwebwork=warn",
                            "-Dorg.slf4j.simpleLogger.log.org.apache.camel=warn")
                    .warmupIterations(warmups).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(iterations).measurementTime(TimeValue.seconds(2))
                    .threads(threads)
                    .addProfiler(CallCpuProfiler.class)
                    .addProfiler(GCProfiler.class)
                    .build();
            Collection<RunResult> results = new Runner(options).run();
            Map<String, double[]> byName = new LinkedHashMap<>();
            for (RunResult r : results) {
                String label = r.getParams().getBenchmark();
                label = label.substring(label.lastIndexOf('.') + 1);
                Map<String, Result> secondary = r.getSecondaryResults();
                byName.put(label, new double[] {r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError(),
                        score(secondary, "cpu.caller") / 1_000, score(secondary, "gc.alloc.rate.norm") / 1_000});
            }
            double[] base = byName.get("apacheBare");
            for (String name : ORDER) {
                double[] s = byName.get(name);
                md.append(f("| %d | %s | %.1f ± %.1f | %.0f | %.2f× | %.1f (%.2f×) | %.1f (%.2f×) |%n", threads,
                        describe(name), s[0], s[1], threads * 1e6 / s[0], s[0] / base[0], s[2], s[2] / base[2], s[3],
                        s[3] / base[3]));
            }
        }
        return md.toString();
    }

    private static double score(Map<String, Result> secondary, String name) {
        Result result = secondary.get(name);
        return result == null ? Double.NaN : result.getScore();
    }

    private static String describe(String name) {
        return switch (name) {
            case "apacheBare" -> "bare Apache HttpClient 5 + Jackson";
            case "jdkBare" -> "JDK HttpClient + Jackson";
            case "webwork" -> "`webwork:tasks?operation=get` (ProducerTemplate)";
            case "camelHttp" -> "camel-http route + `unmarshal().json()`";
            default -> name;
        };
    }
}
