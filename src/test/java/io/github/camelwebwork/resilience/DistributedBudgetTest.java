package io.github.camelwebwork.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.hazelcast.core.HazelcastInstance;
import io.github.camelwebwork.client.HazelcastBudgetStore;
import io.github.camelwebwork.client.Sha256;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import io.github.camelwebwork.support.BudgetedComponent;
import io.github.camelwebwork.support.CapturedLog;
import io.github.camelwebwork.support.HazelcastTestCluster;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One rate budget per credential across processes (issue 16 item 2): each CamelContext stands for a machine, with a
 * Hazelcast instance of its own in one cluster and a {@link HazelcastBudgetStore} on it registered as the
 * {@code budgetStore} bean; all of them call the sandbox with one token at 20 requests per 2 s. (Two stores in one
 * JVM are two processes to the component: each keeps its own local budget, so only the store keeps them apart.)
 */
class DistributedBudgetTest {

    private static final int LIMIT = 20;
    private static final Duration WINDOW = Duration.ofSeconds(2);
    private static final String GET = "webwork:tasks?operation=get&workspaceId=1&projectId=100&taskId=500"
                                      + "&budgetStore=#bean:budgetStore";

    @RegisterExtension
    final CapturedLog log = new CapturedLog();

    private final WebworkSandbox sandbox = WebworkSandbox.builder().rateLimit(LIMIT, WINDOW).build().start();
    private final HazelcastTestCluster cluster = new HazelcastTestCluster(2);
    private final List<CamelContext> contexts = new ArrayList<>();
    private final List<Load> loads = new ArrayList<>();

    @AfterEach
    void stop() {
        loads.forEach(Load::stop);
        contexts.forEach(CamelContext::stop);
        cluster.close();
        sandbox.close();
    }

    @Test
    void twoMachinesOnOneTokenKeepToTheLimitTogether() {
        Machine a = machine(cluster.startMember(0));
        Machine b = machine(cluster.startMember(1));
        int total = 4 * LIMIT;
        AtomicInteger tickets = new AtomicInteger(total);
        Load loadA = load(a, 4, () -> tickets.getAndDecrement() > 0);
        Load loadB = load(b, 4, () -> tickets.getAndDecrement() > 0);
        loadA.awaitDone();
        loadB.awaitDone();

        assertThat(loadA.failures).isEmpty();
        assertThat(loadB.failures).isEmpty();
        assertThat(sandbox.requests()).hasSize(total);
        assertThat(sandbox.rateLimitedCount()).as("429s").isZero();
        assertThat(sandbox.overLimitCount()).as("requests over the limit").isZero();
        assertThat(loadA.done.size()).as("machine A's share").isGreaterThan(total / 4);
        assertThat(loadB.done.size()).as("machine B's share").isGreaterThan(total / 4);
        double perWindow = perWindow(merge(loadA.done, loadB.done));
        System.out.printf("DistributedBudgetTest: two machines together: %.1f requests per window of %d (%.2f of the"
                          + " limit; A %d, B %d requests)%n", perWindow, LIMIT, perWindow / LIMIT, loadA.done.size(),
                loadB.done.size());
        assertThat(perWindow / LIMIT).as("aggregate throughput, share of the limit").isGreaterThanOrEqualTo(0.8);
        assertThat(storeMode(a)).isEqualTo("shared");
    }

    @Test
    void theSlotsOfAMachineThatLeftComeBackWithinAboutAWindow() {
        Machine a = machine(cluster.startMember(0));
        HazelcastInstance memberB = cluster.startMember(1);
        Machine b = machine(memberB);
        Load before = load(a, 2, countdown(LIMIT / 4));
        Load loadB = load(b, 4, countdown(LIMIT / 4));
        before.awaitDone();
        loadB.awaitDone();
        assertThat(before.failures).isEmpty();
        // B is shut down with requests in flight: it took slots it will never answer
        UUID holderB = memberB.getLocalEndpoint().getUuid();
        int hung = 0;
        while (b.store.take(storeKey(), LIMIT, WINDOW).granted()) {
            hung++;
        }
        assertThat(b.store.heldBy(storeKey(), holderB)).as("B's answered and hung slots").isEqualTo(LIMIT - LIMIT / 4);
        assertThat(a.store.take(storeKey(), LIMIT, WINDOW).granted()).as("a slot for A").isFalse();
        long crash = System.nanoTime();
        memberB.shutdown();

        await().atMost(WINDOW.multipliedBy(3)).until(() -> a.store.heldBy(storeKey(), holderB) == 0);
        double backAfter = (System.nanoTime() - crash) / 1e9;
        Load loadA = load(a, 4, countdown(2 * LIMIT));
        loadA.awaitDone();
        double perWindow = perWindow(loadA.done);
        System.out.printf("DistributedBudgetTest: %d slots in flight on the machine shut down came back %.2f s after"
                          + " it was shut down (window %d s); the remaining machine then sent %.1f requests per window%n",
                hung, backAfter, WINDOW.toSeconds(), perWindow);

        assertThat(hung).as("slots B took beyond its answered requests").isPositive();
        assertThat(backAfter).as("seconds until B's slots are free").isLessThan(1.5 * WINDOW.toSeconds() + 1);
        assertThat(loadA.failures).isEmpty();
        assertThat(sandbox.rateLimitedCount()).as("429s").isZero();
        assertThat(perWindow / LIMIT).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void anUnreachableStoreFallsBackToALocalShareAndBackToTheSharedBudgetWhenItReturns() {
        HazelcastInstance member = cluster.startMember(0);
        Machine a = machine(cluster.startClient());
        Machine b = machine(cluster.startClient());
        AtomicBoolean running = new AtomicBoolean(true);
        Load loadA = load(a, 2, running::get);
        Load loadB = load(b, 2, running::get);
        await().atMost(Duration.ofSeconds(10)).until(() -> completed(loadA, loadB) >= LIMIT / 2);
        assertThat(storeMode(a)).isEqualTo("shared");
        assertThat(storeMode(b)).isEqualTo("shared");

        member.shutdown();
        int beforeOutage = completed(loadA, loadB);
        await().atMost(Duration.ofSeconds(10)).until(() -> "fallback".equals(storeMode(a))
                                                           && "fallback".equals(storeMode(b)));
        // the shares start spent: the first fallback requests one window after the store was lost
        await().atMost(WINDOW.multipliedBy(4)).until(() -> completed(loadA, loadB) >= beforeOutage + LIMIT / 2);

        assertThat(loadA.failures).isEmpty();
        assertThat(loadB.failures).isEmpty();
        cluster.startMember(0);
        // the clients' reconnect is Hazelcast's (about a second here): the bound is for a busy machine
        await().atMost(Duration.ofSeconds(30)).alias("both back to shared; failures " + loadA.failures + loadB.failures)
                .until(() -> "shared".equals(storeMode(a)) && "shared".equals(storeMode(b)));
        int afterReturn = completed(loadA, loadB);
        await().atMost(WINDOW.multipliedBy(5)).until(() -> completed(loadA, loadB) >= afterReturn + LIMIT / 2);
        running.set(false);
        loadA.awaitDone();
        loadB.awaitDone();

        System.out.printf("DistributedBudgetTest: store lost and back: %d requests before the outage, %d by the"
                          + " store's return, %d in all, %d answered 429%n", beforeOutage, afterReturn,
                completed(loadA, loadB), sandbox.rateLimitedCount());
        assertThat(loadA.failures).isEmpty();
        assertThat(loadB.failures).isEmpty();
        assertThat(sandbox.rateLimitedCount()).as("429s").isZero();
        String text = log.text();
        assertThat(count(text, "is unreachable")).as("one warning per machine").isEqualTo(2);
        assertThat(count(text, "is reachable again")).isEqualTo(2);
        assertThat(text).doesNotContain(sandbox.token());
    }

    // ---- machines and their load -----------------------------------------------------------------------------------

    private record Machine(CamelContext context, ProducerTemplate template, HazelcastBudgetStore store) {
    }

    private Machine machine(HazelcastInstance hazelcast) {
        CamelContext context = new DefaultCamelContext();
        HazelcastBudgetStore store = new HazelcastBudgetStore(hazelcast);
        context.getRegistry().bind("budgetStore", store);
        context.addComponent("webwork", BudgetedComponent.of(sandbox, LIMIT, WINDOW));
        HealthCheckRegistry.get(context).setEnabled(true);
        context.start();
        HealthCheckHelper.getHealthCheckRepository(context, "producers").setEnabled(true);
        contexts.add(context);
        return new Machine(context, context.createProducerTemplate(), store);
    }

    /** Callers that each send the GET while {@code more} says so, recording when each answer came. */
    private final class Load {
        final Queue<Long> done = new ConcurrentLinkedQueue<>();
        final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        final ExecutorService callers;
        final List<Future<?>> running = new ArrayList<>();

        Load(Machine machine, int threads, BooleanSupplier more) {
            callers = Executors.newFixedThreadPool(threads);
            for (int i = 0; i < threads; i++) {
                running.add(callers.submit(() -> {
                    while (more.getAsBoolean()) {
                        try {
                            machine.template.requestBody(GET, (Object) null);
                            done.add(System.nanoTime());
                        } catch (RuntimeException e) {
                            failures.add(e);
                            return;
                        }
                    }
                }));
            }
        }

        void awaitDone() {
            await().atMost(Duration.ofSeconds(30)).until(() -> running.stream().allMatch(Future::isDone));
            callers.shutdown();
        }

        void stop() {
            callers.shutdownNow();
        }
    }

    private Load load(Machine machine, int threads, BooleanSupplier more) {
        Load load = new Load(machine, threads, more);
        loads.add(load);
        return load;
    }

    private static BooleanSupplier countdown(int requests) {
        AtomicInteger left = new AtomicInteger(requests);
        return () -> left.getAndDecrement() > 0;
    }

    private static int completed(Load... loads) {
        int n = 0;
        for (Load load : loads) {
            n += load.done.size();
        }
        return n;
    }

    /**
     * Requests per window once the first window's worth went out: the answers after the {@code LIMIT}-th, over the
     * time from it to the last (each later request reuses a slot of one of the first; a slow start does not count).
     */
    private static double perWindow(List<Long> answers) {
        List<Long> sorted = answers.stream().sorted().toList();
        double windows = (sorted.get(sorted.size() - 1) - sorted.get(LIMIT - 1)) / (double) WINDOW.toNanos();
        return (sorted.size() - LIMIT) / windows;
    }

    private static double perWindow(Queue<Long> answers) {
        return perWindow(List.copyOf(answers));
    }

    private static List<Long> merge(Queue<Long> a, Queue<Long> b) {
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The health check's rate.store detail of the machine's producer, as Camel's health endpoint reports it. */
    private static String storeMode(Machine machine) {
        HealthCheck.Result result = HealthCheckHelper.getHealthCheckRepository(machine.context, "producers")
                .getCheck("producer:webwork-tasks").orElseThrow().call();
        return String.valueOf(result.getDetails().get("rate.store"));
    }

    /** The store's key of the sandbox's base URL and token: a fingerprint, as the component makes it. */
    private String storeKey() {
        return "webwork-" + Sha256.hex(sandbox.baseUrl() + " token-" + Sha256.hex(sandbox.token(), 8), 16);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
