package io.github.camelwebwork.bench;

import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.net.httpserver.HttpServer;
import io.github.camelwebwork.client.WebworkJson;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

import static io.github.camelwebwork.bench.BenchSupport.f;
import static io.github.camelwebwork.bench.BenchSupport.mb;

/**
 * Group 3, memory: N synthetic tasks through {@code split(body()).streaming()} of a lazy
 * {@code webwork:tasks?operation=list}. The pages come from a stub that renders page p on the fly from one task the
 * sandbox rendered (so 1,000,000 tasks are never held anywhere); the harness JVM runs with -Xmx256m. Measured: the
 * largest heap in use right after a collection (the live set, from GC notifications) and the JVM's peak heap
 * usage (garbage included) during the run.
 */
final class MemoryRun {

    private static final int PER_PAGE = 100;

    private MemoryRun() {
    }

    static String run() throws Exception {
        String[] template = template();
        HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicLong total = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        List<String> perPageSeen = new ArrayList<>();
        stub.createContext("/api/v2/tasks", exchange -> {
            requests.incrementAndGet();
            Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
            int perPage = Integer.parseInt(q.getOrDefault("per_page", "20"));
            if (perPageSeen.size() < 3) {
                perPageSeen.add(String.valueOf(perPage));
            }
            long page = Long.parseLong(q.getOrDefault("page", "1"));
            byte[] body = page(template, total.get(), page, perPage).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        stub.setExecutor(Executors.newFixedThreadPool(2));
        stub.start();
        String base = "http://127.0.0.1:" + stub.getAddress().getPort() + "/api/v2";

        StringBuilder md = new StringBuilder("## 3. Memory: streaming a lazy list\n\n");
        md.append("`from(direct).to(\"webwork:tasks?operation=list&workspaceId=1&projectId=100\")"
                + ".split(body()).streaming()` counting the tasks, against a stub that renders each page on the fly "
                + "(one task as the sandbox renders it, ids 1..N). Harness JVM `-Xmx256m`. \"Live peak\" = largest heap in "
                + "use right after a GC (GC notifications); \"peak\" = the heap pools' peak usage, garbage included; "
                + "both minus nothing (absolute).\n\n");
        md.append("| tasks | pages | time s | tasks/s | heap before MB | live peak after GC MB | peak incl. garbage MB | GCs |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        CamelContext camel = BenchSupport.camel(base, "stub-token", 1_000_000);
        AtomicLong seen = new AtomicLong();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:stream").to("webwork:tasks?operation=list&workspaceId=1&projectId=100")
                        .split(body()).streaming()
                        .process(e -> seen.incrementAndGet())
                        .end();
            }
        });
        camel.start();
        ProducerTemplate template2 = camel.createProducerTemplate();
        List<Long> lives = new ArrayList<>();
        try {
            for (long n : new long[] {100_000, 1_000_000}) {
                total.set(n);
                seen.set(0);
                requests.set(0);
                System.gc();
                Thread.sleep(200);
                long before = heapUsed();
                GcWatch watch = new GcWatch();
                ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
                long gcs0 = gcCount();
                long t0 = System.nanoTime();
                template2.sendBody("direct:stream", null);
                double secs = (System.nanoTime() - t0) / 1e9;
                long peak = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP) {
                        peak += pool.getPeakUsage().getUsed();
                    }
                }
                watch.close();
                if (seen.get() != n) {
                    throw new IllegalStateException("streamed " + seen.get() + " of " + n);
                }
                lives.add(watch.maxAfterGc);
                md.append(f("| %,d | %,d | %.1f | %,.0f | %d | %d | %d | %d |%n", n, requests.get(), secs, n / secs,
                        mb(before), mb(watch.maxAfterGc), mb(peak), gcCount() - gcs0));
            }
        } finally {
            camel.stop();
            stub.stop(0);
        }
        md.append(f("%nPages requested with per_page=%s (the list asks for the largest page). Live peak 1M / 100k = "
                + "%.2f; target: the same bound for both, under 128 MB: %s.%n", perPageSeen,
                (double) lives.get(1) / Math.max(1, lives.get(0)),
                lives.stream().allMatch(l -> l < 128L * 1024 * 1024) ? "met" : "MISSED"));
        return md.toString();
    }

    /** One page of the sandbox's task list, cut in three: before the id, between id and title, after the title. */
    private static String[] template() throws Exception {
        try (WebworkSandbox sandbox = WebworkSandbox.builder().noRateLimit().build().start()) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            sandbox.baseUrl() + "/tasks?workspace_id=1&project_id=100&per_page=1"))
                    .header("Authorization", "Bearer " + sandbox.token()).build(),
                    HttpResponse.BodyHandlers.ofString());
            ObjectMapper mapper = WebworkJson.newMapper();
            ObjectNode root = (ObjectNode) mapper.readTree(r.body());
            ObjectNode task = (ObjectNode) ((ArrayNode) root.get("data")).get(0);
            task.put("id", 987654321L);
            task.put("title", "TITLE-MARK");
            String taskJson = mapper.writeValueAsString(task);
            int id = taskJson.indexOf("987654321");
            int title = taskJson.indexOf("TITLE-MARK");
            root.remove("data");
            ((ObjectNode) root.get("meta")).remove("pagination");
            return new String[] {taskJson.substring(0, id), taskJson.substring(id + 9, title),
                    taskJson.substring(title + 10), mapper.writeValueAsString(root.get("meta")),
                    root.get("message").asText()};
        }
    }

    private static String page(String[] t, long total, long page, int perPage) {
        long lastPage = Math.max(1, (total + perPage - 1) / perPage);
        long start = (page - 1) * perPage;
        long end = Math.min(total, start + perPage);
        StringBuilder s = new StringBuilder(64 * 1024).append("{\"success\":true,\"data\":[");
        for (long id = start + 1; id <= end; id++) {
            if (id > start + 1) {
                s.append(',');
            }
            s.append(t[0]).append(id).append(t[1]).append("Task ").append(id).append(t[2]);
        }
        String meta = t[3];
        String pagination = f("\"pagination\":{\"total\":%d,\"per_page\":%d,\"current_page\":%d,\"last_page\":%d,"
                + "\"from\":%s,\"to\":%s}", total, perPage, page, lastPage, start < end ? start + 1 : "null",
                start < end ? end : "null");
        s.append("],\"message\":\"").append(t[4]).append("\",\"meta\":")
                .append(meta, 0, meta.length() - 1).append(',').append(pagination).append("}}");
        return s.toString();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new java.util.HashMap<>();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    q.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
        }
        return q;
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    /** The largest heap in use right after any collection while open. */
    private static final class GcWatch implements AutoCloseable {
        volatile long maxAfterGc;
        private final List<NotificationEmitter> emitters = new ArrayList<>();
        private final NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = 0;
                for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (isHeap(e.getKey())) {
                        used += e.getValue().getUsed();
                    }
                }
                synchronized (this) {
                    maxAfterGc = Math.max(maxAfterGc, used);
                }
            }
        };

        GcWatch() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                NotificationEmitter emitter = (NotificationEmitter) gc;
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }

        private static boolean isHeap(String pool) {
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getName().equals(pool)) {
                    return p.getType() == MemoryType.HEAP;
                }
            }
            return false;
        }

        @Override
        public void close() throws Exception {
            for (NotificationEmitter e : emitters) {
                e.removeNotificationListener(listener);
            }
        }
    }
}
