package io.github.camelwebwork.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.github.camelwebwork.resilience.BudgetWorkerProcess;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import io.github.camelwebwork.support.HazelcastTestCluster;
import io.github.camelwebwork.support.JavaProcess;

import static io.github.camelwebwork.bench.BenchSupport.f;
import static org.awaitility.Awaitility.await;

/**
 * Group scale, the steady share of three OS processes (issue 16): three {@link BudgetWorkerProcess}es on one token,
 * their budget in Hazelcast, call the sandbox as fast as the shared budget lets them at WebWork's real one-minute
 * sliding window (600 a minute, so that the run is CPU-light: the budget, not the machine, sets the pace), for
 * {@code bench.share.minutes} minutes. Real time; the budget's margin (a twentieth of the window, at most 1 s) caps
 * the steady share at 60/61 = 0.984.
 */
final class ProcessShareRun {

    private static final int LIMIT = 600;
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MINUTES = Integer.getInteger("bench.share.minutes", 4);

    private ProcessShareRun() {
    }

    static String run() throws Exception {
        Path dir = Files.createTempDirectory("webwork-share");
        List<JavaProcess> workers = new ArrayList<>();
        try (WebworkSandbox sandbox = WebworkSandbox.builder().rateLimit(LIMIT, WINDOW).build().start();
             HazelcastTestCluster cluster = new HazelcastTestCluster(4)) {
            cluster.startMember(0, true);
            Path stop = dir.resolve("stop");
            for (int i = 1; i <= 3; i++) {
                workers.add(JavaProcess.start(BudgetWorkerProcess.class, List.of(sandbox.baseUrl(), cluster.name(),
                        cluster.ports().stream().map(String::valueOf).collect(Collectors.joining(",")),
                        Integer.toString(i), Integer.toString(LIMIT), Long.toString(WINDOW.toMillis()), "4",
                        stop.toString()), Map.of("WEBWORK_ACCESS_TOKEN", sandbox.token()),
                        dir.resolve("worker-" + i + ".log")));
            }
            await().atMost(Duration.ofMinutes(3)).until(() -> workers.stream().allMatch(w -> w.line("READY ") != null));
            // the interactive lane sends a window's budget at once as it frees: bursts of LIMIT, one a period; the
            // share is the window over that period, read off when each burst starts (the k-th past k × LIMIT)
            int base = sandbox.requests().size();
            List<Long> bursts = new CopyOnWriteArrayList<>();
            long start = System.nanoTime();
            await().atMost(Duration.ofMinutes(MINUTES + 5)).pollInterval(Duration.ofMillis(10)).until(() -> {
                int sent = sandbox.requests().size() - base;
                while (sent > bursts.size() * LIMIT) {
                    bursts.add(System.nanoTime());
                }
                return System.nanoTime() - start >= Duration.ofMinutes(MINUTES).toNanos();
            });
            int requests = sandbox.requests().size() - base;
            double minutes = (System.nanoTime() - start) / 6e10;
            double period = (bursts.get(bursts.size() - 1) - bursts.get(1)) / 1e9 / (bursts.size() - 2);
            Files.createFile(stop);
            await().atMost(Duration.ofMinutes(2)).until(() -> workers.stream().allMatch(w -> w.line("DONE ") != null));
            StringBuilder md = new StringBuilder(f("%n### Three processes at WebWork's real window%n%n"));
            md.append(f("Three JVMs (`BudgetWorkerProcess`, four calling threads each) on one token, the budget in"
                        + " Hazelcast, against the sandbox's sliding window of %d requests a minute, for %d minutes."
                        + " Interactive calls take a window's budget at once as it frees, so the processes send in"
                        + " bursts of %d, one a period; steady share = window / period, the period measured from the"
                        + " second burst to the last. Real time.%n%n", LIMIT, MINUTES, LIMIT));
            md.append("| processes | requests | minutes | bursts | period | steady share of the limit | 429s |"
                      + " busiest window |\n");
            md.append("|---|---|---|---|---|---|---|---|\n");
            md.append(f("| 3 | %,d | %.2f | %d | %.2f s | %.3f | %d | %d of %d |%n", requests, minutes, bursts.size(),
                    period, WINDOW.toNanos() / 1e9 / period, sandbox.rateLimitedCount(), sandbox.busiestWindow(),
                    LIMIT));
            md.append("\nThe budget keeps its window a second longer than the server's: 60/61 = 0.984 of the limit at"
                      + " most in a steady run, whatever the number of processes sharing it.\n");
            return md.toString();
        } finally {
            for (JavaProcess w : workers) {
                w.kill();
            }
        }
    }
}
