package io.github.camelwebwork.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import io.github.camelwebwork.component.WebworkComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/** Shared helpers of the benchmark groups: a Camel context on a base URL, the machine, formatting. */
final class BenchSupport {

    private BenchSupport() {
    }

    /**
     * A context whose webwork component points at {@code baseUrl} with a budget of {@code perSecond} requests a
     * second. (The budget is a sliding log of {@code rateLimit} longs: 100 million a minute would allocate 800 MB,
     * so a high budget is given per second.)
     */
    static CamelContext camel(String baseUrl, String token, int perSecond) {
        CamelContext camel = new DefaultCamelContext();
        WebworkComponent webwork = new WebworkComponent();
        webwork.getConfiguration().setBaseUrl(baseUrl);
        webwork.getConfiguration().setAccessToken(token);
        webwork.getConfiguration().setRateLimit(perSecond);
        webwork.getConfiguration().setRateLimitWindow(1000);
        camel.addComponent("webwork", webwork);
        return camel;
    }

    /** Cores, memory, JDK and OS of this machine, from nproc, free -m and the running JVM. */
    static String machine() {
        StringBuilder out = new StringBuilder();
        out.append("- cores (`nproc`): ").append(command("nproc").trim()).append('\n');
        String free = command("free", "-m");
        String mem = free.lines().filter(l -> l.startsWith("Mem:")).findFirst().orElse("?");
        out.append("- memory (`free -m`, total MB): ").append(mem.trim().split("\\s+").length > 1
                ? mem.trim().split("\\s+")[1] : "?").append('\n');
        out.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" (").append(System.getProperty("java.vendor"))
                .append(")\n");
        out.append("- OS: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(' ').append(System.getProperty("os.arch")).append('\n');
        out.append("- harness JVM max heap: ").append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MB (")
                .append(ManagementFactory.getRuntimeMXBean().getInputArguments()).append(")\n");
        return out.toString();
    }

    static String command(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                StringBuilder s = new StringBuilder();
                r.lines().forEach(l -> s.append(l).append('\n'));
                p.waitFor();
                return s.toString();
            }
        } catch (Exception e) {
            return "? (" + e + ")";
        }
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static long mb(long bytes) {
        return Math.round(bytes / (1024.0 * 1024.0));
    }
}
