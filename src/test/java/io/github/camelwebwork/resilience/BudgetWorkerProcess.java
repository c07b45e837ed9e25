package io.github.camelwebwork.resilience;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.hazelcast.core.HazelcastInstance;
import io.github.camelwebwork.client.HazelcastBudgetStore;
import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.support.HazelcastTestCluster;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One machine of {@link ThreeProcessBudgetTest}, in an OS process of its own: a Hazelcast member of the test's
 * cluster, a CamelContext whose webwork component keeps its rate budget in a {@link HazelcastBudgetStore} on that
 * member, and {@code threads} threads calling {@code tasks.get} as fast as the budget lets them until the stop file
 * appears. The token comes from the environment (WEBWORK_ACCESS_TOKEN), never the command line. Prints
 * {@code READY <member uuid>} once its first call worked, and {@code DONE <calls> <failures>} at the end.
 * <p>
 * Arguments: base URL, cluster name, member ports (comma-separated), this member's index, limit, window in ms,
 * threads, stop file.
 */
public final class BudgetWorkerProcess {

    private BudgetWorkerProcess() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        List<Integer> ports = Arrays.stream(args[2].split(",")).map(Integer::valueOf).toList();
        HazelcastTestCluster cluster = new HazelcastTestCluster(args[1], ports);
        HazelcastInstance member = cluster.startMember(Integer.parseInt(args[3]), true);
        int limit = Integer.parseInt(args[4]);
        long windowMillis = Long.parseLong(args[5]);
        int threads = Integer.parseInt(args[6]);
        Path stop = Path.of(args[7]);

        CamelContext context = new DefaultCamelContext();
        WebworkComponent webwork = new WebworkComponent();
        webwork.getConfiguration().setBaseUrl(baseUrl);
        webwork.getConfiguration().setAccessToken(System.getenv("WEBWORK_ACCESS_TOKEN"));
        webwork.getConfiguration().setRateLimit(limit);
        webwork.getConfiguration().setRateLimitWindow(windowMillis);
        webwork.getConfiguration().setBudgetStore(new HazelcastBudgetStore(member));
        context.addComponent("webwork", webwork);
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        String get = "webwork:tasks?operation=get&workspaceId=1&projectId=100&taskId=500";
        template.requestBody(get, (Object) null);
        System.out.println("READY " + member.getLocalEndpoint().getUuid());
        System.out.flush();

        AtomicInteger calls = new AtomicInteger(1);
        AtomicInteger failures = new AtomicInteger();
        List<String> firstFailures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            pool.execute(() -> {
                while (!Files.exists(stop)) {
                    try {
                        template.requestBody(get, (Object) null);
                        calls.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                        synchronized (firstFailures) {
                            if (firstFailures.size() < 3) {
                                firstFailures.add(String.valueOf(e.getMessage()));
                            }
                        }
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(Duration.ofMinutes(5).toMillis(), TimeUnit.MILLISECONDS);
        context.stop();
        System.out.println("DONE " + calls.get() + " " + failures.get() + " " + firstFailures);
        System.out.flush();
        member.getLifecycleService().terminate();
    }
}
