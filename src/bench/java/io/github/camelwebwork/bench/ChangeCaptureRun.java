package io.github.camelwebwork.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelwebwork.sandbox.SandboxTask;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.PollingConsumerPollStrategy;

import static io.github.camelwebwork.bench.BenchSupport.f;

/**
 * Group 4, change-capture cost: the tasks consumer over one project of N tasks; between two polls (in the poll
 * strategy's commit, so exactly between them) a share of the tasks, spread at random, is edited. Requests per poll
 * are counted on the sandbox, for every scan full ({@code reconcileEvery=1}) and for incremental scans with a full
 * one every 10th ({@code reconcileEvery=10}).
 */
final class ChangeCaptureRun {

    /** Polls measured after the first scan ({@code -Dbench.changes.polls}, default 20). */
    private static final int POLLS = Integer.getInteger("bench.changes.polls", 20);
    /** Tasks N ({@code -Dbench.changes.sizes}, comma-separated, default 1000,10000,50000). */
    private static final String SIZES = System.getProperty("bench.changes.sizes", "1000,10000,50000");
    /** Shares changed per poll ({@code -Dbench.changes.shares}, default 0.01,0.10). */
    private static final String SHARES = System.getProperty("bench.changes.shares", "0.01,0.10");
    /** reconcileEvery values ({@code -Dbench.changes.reconcile}, default 1,10). */
    private static final String RECONCILE = System.getProperty("bench.changes.reconcile", "1,10");

    private ChangeCaptureRun() {
    }

    static String run() throws Exception {
        StringBuilder md = new StringBuilder("## 4. Change-capture cost\n\n");
        md.append(f("`webwork:tasks?workspaceId=1&projectId=102&snapshot=false&reconcileEvery=R` (100 tasks a page), "
                + "sandbox rate limit off. After the first (silent) scan, %d polls; before each, the given share of the "
                + "N tasks (random ones) is edited. Requests per poll counted by the sandbox; the tasks "
                + "edited are never on the newest page, so only full scans see them; a task edited twice between two "
                + "scans that see it is one UPDATED event.%n%n", POLLS));
        md.append("| tasks N | changed per poll | reconcileEvery | requests/poll full scan | requests/poll incremental "
                  + "| mean requests/poll | UPDATED events / edits made / distinct tasks edited |\n|---|---|---|---|---|---|---|\n");
        for (int n : ints(SIZES)) {
            for (double share : java.util.Arrays.stream(SHARES.split(",")).map(String::trim)
                    .mapToDouble(Double::parseDouble).toArray()) {
                for (int reconcile : ints(RECONCILE)) {
                    long t0 = System.nanoTime();
                    String row = one(n, share, reconcile);
                    System.out.print(row);
                    System.out.printf(java.util.Locale.ROOT, "  (row took %.1f s)%n", (System.nanoTime() - t0) / 1e9);
                    md.append(row);
                }
            }
        }
        md.append("\nA full scan reads every page (N / 100 requests) whatever the share changed. An incremental scan "
                + "reads page 1 and the newest page back to one with nothing new: 2 requests for a quiet partition, "
                + "independent of N; edits to older tasks are seen at the next full scan (every R-th poll), so the "
                + "number of changes reported is the same, only later.\n");
        return md.toString();
    }

    private static int[] ints(String csv) {
        return java.util.Arrays.stream(csv.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }

    private static String one(int n, double share, int reconcile) throws Exception {
        try (WebworkSandbox sandbox = WebworkSandbox.builder().noRateLimit().build().start()) {
            List<SandboxTask> tasks = new ArrayList<>(sandbox.state().addTasks(1, 102, n));
            int perPoll = (int) Math.round(n * share);
            Random random = new Random(42);
            AtomicInteger updates = new AtomicInteger();
            // tasks on the newest page are never edited: only full scans see the edits
            AtomicInteger edits = new AtomicInteger();
            java.util.Set<Long> distinct = java.util.concurrent.ConcurrentHashMap.newKeySet();
            List<int[]> polls = new ArrayList<>();      // {requests, index}
            CountDownLatch done = new CountDownLatch(1);
            PollingConsumerPollStrategy strategy = new PollingConsumerPollStrategy() {
                int before;
                int index;

                @Override
                public boolean begin(Consumer consumer, Endpoint endpoint) {
                    before = sandbox.requests().size();
                    return true;
                }

                @Override
                public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
                    int requests = sandbox.requests().size() - before;
                    sandbox.clearRequests();
                    before = 0;
                    if (index > 0) {
                        polls.add(new int[] {requests, index});
                    }
                    index++;
                    if (polls.size() >= POLLS) {
                        done.countDown();
                        return;
                    }
                    for (int i = 0; i < perPoll; i++) {
                        int k = random.nextInt(tasks.size() - 100);
                        SandboxTask t = tasks.get(k);
                        SandboxTask edited = sandbox.state().saveTask(t.toBuilder()
                                .description("edit " + index + "." + i).build());
                        tasks.set(k, edited);
                        edits.incrementAndGet();
                        distinct.add(edited.id());
                    }
                }

                @Override
                public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
                    cause.printStackTrace();
                    return false;
                }
            };
            CamelContext camel = BenchSupport.camel(sandbox.baseUrl(), sandbox.token(), 1_000_000);
            camel.getRegistry().bind("counter", strategy);
            camel.getShutdownStrategy().setTimeout(5);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("webwork:tasks?workspaceId=1&projectId=102&snapshot=false&reconcileEvery=" + reconcile
                         + "&pollStrategy=#counter&delay=10&initialDelay=0")
                            .process(e -> updates.incrementAndGet());
                }
            });
            camel.start();
            try {
                if (!done.await(10, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("polls did not finish");
                }
            } finally {
                camel.stop();
            }
            int full = 0;
            int incremental = Integer.MAX_VALUE;
            long sum = 0;
            for (int[] p : polls) {
                full = Math.max(full, p[0]);
                incremental = Math.min(incremental, p[0]);
                sum += p[0];
            }
            return f("| %,d | %,d (%.0f%%) | %d | %d | %s | %.1f | %,d / %,d / %,d |%n", n, perPoll, share * 100, reconcile,
                    full, reconcile == 1 ? "—" : String.valueOf(incremental), (double) sum / polls.size(),
                    updates.get(), edits.get(), distinct.size());
        }
    }
}
