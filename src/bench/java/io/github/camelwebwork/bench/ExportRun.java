package io.github.camelwebwork.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelwebwork.sandbox.WebworkSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

import static io.github.camelwebwork.bench.BenchSupport.f;

/**
 * Group 2, export at the rate limit: 10,000 tasks of one project read through the component with the sandbox and
 * the component both at 600 requests a minute (scaled: 10 per second, so the run lasts seconds, not minutes), once
 * as the lazy list (largest page, 100) and once as a naive loop of {@code page=p} calls with the API's default
 * page size of 20. Theoretical maximum = limit × page size over the elapsed time.
 */
final class ExportRun {

    /** Tasks exported ({@code -Dbench.export.tasks}, default 10,000). */
    private static final int TASKS = Integer.getInteger("bench.export.tasks", 10_000);
    private static final int LIMIT = 10;
    private static final Duration WINDOW = Duration.ofSeconds(1);

    private ExportRun() {
    }

    static String run() throws Exception {
        StringBuilder md = new StringBuilder("## 2. Export at the rate limit\n\n");
        md.append(f("%,d tasks in one project; sandbox `rateLimit(%d, %s)` and component `rateLimit=%d&rateLimitWindow="
                + "%d` (= 600 requests a minute, the window scaled to 1 s). Theoretical maximum = %d requests/s × page "
                + "size × elapsed time. Time entries: below.%n%n", TASKS, LIMIT,
                WINDOW, LIMIT, WINDOW.toMillis(), LIMIT));
        md.append("| variant | requests | 429s | time s | records/min | max records/min | ratio to max |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        md.append(one("lazy list, `split(body()).streaming()` (per_page=100)", false));
        md.append(one("naive loop `page=p`, default page size 20", true));
        md.append("\nThe budget is a sliding log of the last `rateLimit` sends and waits a margin of window/20 (at most "
                + "1 s) beyond the window so the server never counts one too many: with a 1 s window that margin alone "
                + "caps a long export at 1/1.05 = 0.952 of the maximum (with WebWork's real 1-minute window: 60/61 = "
                + "0.984, measured on a controlled clock by RateBudgetTest). The first window's burst (all `rateLimit` "
                + "requests at once) lifts short runs above it.\n");
        return md.toString();
    }

    private static String one(String label, boolean naive) throws Exception {
        try (WebworkSandbox sandbox = WebworkSandbox.builder().rateLimit(LIMIT, WINDOW).build().start()) {
            sandbox.state().addTasks(1, 102, TASKS);
            CamelContext camel = BenchSupport.camel(sandbox.baseUrl(), sandbox.token(), LIMIT);
            AtomicLong seen = new AtomicLong();
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:export").to("webwork:tasks?operation=list&workspaceId=1&projectId=102")
                            .split(body()).streaming().process(e -> seen.incrementAndGet()).end();
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            long t0 = System.nanoTime();
            try {
                if (naive) {
                    for (int page = 1; ; page++) {
                        List<?> tasks = template.requestBody("webwork:tasks?operation=list&workspaceId=1&projectId=102"
                                                             + "&perPage=20&page=" + page, null, List.class);
                        seen.addAndGet(tasks.size());
                        if (tasks.size() < 20) {
                            break;
                        }
                    }
                } else {
                    template.sendBody("direct:export", null);
                }
            } finally {
                camel.stop();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            if (seen.get() != TASKS) {
                throw new IllegalStateException(label + ": exported " + seen.get() + " of " + TASKS);
            }
            int pageSize = naive ? 20 : 100;
            double perMin = TASKS / secs * 60;
            double max = LIMIT / (double) WINDOW.toSeconds() * pageSize * 60;
            return f("| %s | %d | %d | %.1f | %,.0f | %,.0f | %.3f |%n", label, sandbox.requests().size(),
                    sandbox.rateLimitedCount(), secs, perMin, max, perMin / max);
        }
    }
}
