package io.github.camelwebwork.resilience;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.hazelcast.core.HazelcastInstance;
import io.github.camelwebwork.client.HazelcastBudgetStore;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import io.github.camelwebwork.support.BudgetedComponent;
import io.github.camelwebwork.support.HazelcastTestCluster;
import io.github.camelwebwork.support.JavaProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One token, three OS processes (issue 16's proof, the budget part): three {@link BudgetWorkerProcess}es, each a
 * Hazelcast member with its own webwork component keeping the budget in a {@link HazelcastBudgetStore}, call the
 * sandbox as fast as the shared budget lets them, at the sandbox's real sliding-window limit scaled to 10 requests a
 * second; one of them is killed with {@code kill -9} mid-run. No process ever gets a 429 (the sandbox refuses every
 * request that finds its sliding window full, so none means no window held more than the limit), the slots the
 * killed process held come back once the cluster has seen it go (3 s without a heartbeat here), and the two left go
 * on without a failure. The test JVM is the fourth member, holding backups and reading the store. Throughput is
 * printed, not asserted: it depends on the machine (the benchmarks' scale group measures the budget's share of the
 * limit on a controlled clock).
 */
class ThreeProcessBudgetTest {

    private static final int LIMIT = 10;
    private static final Duration WINDOW = Duration.ofSeconds(1);
    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    Path dir;
    private final WebworkSandbox sandbox = WebworkSandbox.builder().rateLimit(LIMIT, WINDOW).build().start();
    private final HazelcastTestCluster cluster = new HazelcastTestCluster(4);
    private final List<JavaProcess> workers = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (JavaProcess worker : workers) {
            worker.kill();
        }
        cluster.close();
        sandbox.close();
    }

    @Test
    void threeProcessesOnOneTokenNeverGetA429AndAKilledOnesSlotsComeBack() throws Exception {
        HazelcastInstance member = cluster.startMember(0, true);
        HazelcastBudgetStore store = new HazelcastBudgetStore(member);
        Path stopFile = dir.resolve("stop");
        for (int i = 1; i <= 3; i++) {
            workers.add(start(i, stopFile));
        }
        await().atMost(START).until(() -> workers.stream().allMatch(w -> w.line("READY ") != null
                                                                      || !w.process().isAlive()));
        workers.forEach(w -> assertThat(w.line("READY ")).as("worker output:%n%s", w.text()).isNotNull());
        long started = System.nanoTime();
        int atStart = sandbox.requests().size();
        await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.requests().size() >= atStart + 6 * LIMIT);
        double before = perWindow(sandbox.requests().size() - atStart, started);

        JavaProcess killed = workers.get(1);
        UUID killedId = UUID.fromString(killed.line("READY ").substring("READY ".length()).trim());
        killed.kill();                    // SIGKILL: no shutdown of anything
        long kill = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).until(() -> member.getCluster().getMembers().size() == 3);
        double gone = (System.nanoTime() - kill) / 1e9;
        // well within the 2-minute lease: the slots came back because the process left, not because they expired
        await().atMost(Duration.ofSeconds(60)).until(() -> store.heldBy(storeKey(), killedId) == 0);
        double back = (System.nanoTime() - kill) / 1e9;

        long afterStart = System.nanoTime();
        int afterCount = sandbox.requests().size();
        await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.requests().size() >= afterCount + 4 * LIMIT);
        double after = perWindow(sandbox.requests().size() - afterCount, afterStart);
        Files.createFile(stopFile);
        for (JavaProcess worker : List.of(workers.get(0), workers.get(2))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> worker.line("DONE ") != null);
        }

        System.out.printf("ThreeProcessBudgetTest: three processes %.1f requests per window of %d (%.2f of the limit);"
                          + " killed process out of the cluster %.1f s after kill -9, its slots back %.1f s after;"
                          + " the two left %.1f per window (%.2f); %d requests, %d × 429; busiest window %d%n", before, LIMIT,
                before / LIMIT, gone, back, after, after / LIMIT, sandbox.requests().size(),
                sandbox.rateLimitedCount(), sandbox.busiestWindow());
        assertThat(sandbox.rateLimitedCount()).as("429s").isZero();
        assertThat(sandbox.requests()).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        for (JavaProcess worker : List.of(workers.get(0), workers.get(2))) {
            String[] done = worker.line("DONE ").split(" ", 4);
            assertThat(Integer.parseInt(done[2])).as("failures of a worker left running: %s", done[3]).isZero();
            assertThat(Integer.parseInt(done[1])).as("calls of a worker left running").isGreaterThan(LIMIT);
        }
    }

    private JavaProcess start(int index, Path stopFile) throws IOException {
        return JavaProcess.start(BudgetWorkerProcess.class, List.of(sandbox.baseUrl(), cluster.name(),
                cluster.ports().stream().map(String::valueOf).collect(Collectors.joining(",")),
                Integer.toString(index), Integer.toString(LIMIT), Long.toString(WINDOW.toMillis()), "4",
                stopFile.toString()), Map.of("WEBWORK_ACCESS_TOKEN", sandbox.token()),
                dir.resolve("worker-" + index + ".log"));
    }

    private static double perWindow(int requests, long since) {
        double seconds = (System.nanoTime() - since) / 1e9;
        return requests / seconds * WINDOW.toMillis() / 1000.0;
    }

    private String storeKey() {
        return BudgetedComponent.storeKey(sandbox);
    }
}
