package io.github.camelwebwork.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The benchmark suite's entry point (never part of {@code mvn verify}):
 * <pre>
 * mvn -B -Pbench test-compile exec:exec@bench                              # every group
 * mvn -B -Pbench test-compile exec:exec@bench -Dbench.groups=overhead      # one group (comma-separated for several)
 * </pre>
 * Groups: {@code overhead} (JMH), {@code export}, {@code memory}, {@code changes}, {@code startup}. Each prints its
 * section of the results; all sections, with the date and the machine, go to {@code target/bench/RESULTS.md}
 * (the committed copy is {@code src/test/resources/bench/RESULTS.md}).
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Callable<String>> groups = new LinkedHashMap<>();
        groups.put("overhead", OverheadRun::run);
        groups.put("export", () -> ExportRun.run() + TimeEntriesExportRun.run());
        groups.put("memory", MemoryRun::run);
        groups.put("changes", ChangeCaptureRun::run);
        groups.put("startup", StartupRun::run);
        groups.put("scale", () -> ScaleRun.run() + WebhookDelayRun.run() + ProcessShareRun.run());

        String selection = args.length == 0 || args[0].isBlank() ? "all" : args[0];
        List<String> chosen = selection.equals("all") ? new ArrayList<>(groups.keySet())
                : Arrays.stream(selection.split(",")).map(String::trim).toList();
        for (String g : chosen) {
            if (!groups.containsKey(g)) {
                System.err.println("unknown group " + g + "; groups: " + groups.keySet() + " or all");
                System.exit(2);
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("# camel-webwork benchmark results\n\n");
        md.append("- date: ").append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)).append('\n');
        md.append("- command: `mvn -B -Pbench test-compile exec:exec@bench -Dbench.groups=").append(selection)
                .append("`\n");
        md.append(BenchSupport.machine()).append('\n');
        boolean failed = false;
        for (String g : chosen) {
            System.out.println("=== bench group " + g + " ===");
            long t0 = System.nanoTime();
            String section;
            try {
                section = groups.get(g).call();
            } catch (Exception | Error e) {
                e.printStackTrace();
                section = "## " + g + "\n\nFAILED: " + e + "\n";
                failed = true;
            }
            section += BenchSupport.f("%n_(group run time %.0f s)_%n%n", (System.nanoTime() - t0) / 1e9);
            System.out.println(section);
            md.append(section);
        }
        Path out = Path.of("target", "bench", "RESULTS.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        System.out.println("written " + out.toAbsolutePath());
        System.exit(failed ? 1 : 0);
    }
}
