package io.github.camelwebwork.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.camelwebwork.sandbox.WebworkSandbox;

import static io.github.camelwebwork.bench.BenchSupport.f;
import static io.github.camelwebwork.bench.BenchSupport.median;

/**
 * Group 5, start-up: fresh JVMs (same java, same class path, -Xmx256m). (a) {@link StartupProbe}: one route using the
 * component against a sandbox started here, JVM start to the first exchange (the probe's own uptime). (b) the whole
 * demo ({@code io.github.camelwebwork.demo.Demo}: sandbox, Kafka KRaft, GreenMail, Camel Main with every route):
 * from process launch to the line listing the started routes, and to exit (the demo's first exchange follows the
 * routes line at once; it is not timed separately).
 */
final class StartupRun {

    private static final int RUNS = 5;
    private static final int DEMO_RUNS = 3;

    private StartupRun() {
    }

    static String run() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        StringBuilder md = new StringBuilder("## 5. Start-up\n\n");
        List<Double> main = new ArrayList<>();
        List<Double> started = new ArrayList<>();
        List<Double> first = new ArrayList<>();
        List<Double> wall = new ArrayList<>();
        try (WebworkSandbox sandbox = WebworkSandbox.builder().noRateLimit().build().start()) {
            String taskId = String.valueOf(sandbox.state().tasks(1, 100).get(0).id());
            for (int i = 0; i < RUNS; i++) {
                long t0 = System.nanoTime();
                List<String> out = launch(List.of(java, "-Xmx256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-cp", cp, StartupProbe.class.getName(), sandbox.baseUrl(), sandbox.token(), taskId), null);
                double w = (System.nanoTime() - t0) / 1e6;
                String line = out.stream().filter(l -> l.startsWith("STARTUP main=")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("probe failed: " + out));
                String[] parts = line.substring("STARTUP ".length()).split(" ");
                main.add(Double.parseDouble(parts[0].split("=")[1]));
                started.add(Double.parseDouble(parts[1].split("=")[1]));
                first.add(Double.parseDouble(parts[2].split("=")[1]));
                wall.add(w);
            }
        }
        md.append(f("(a) One route `timer → webwork:tasks?operation=get` in a fresh JVM, %d runs, median (min–max) "
                + "of the JVM's uptime:%n%n| milestone | ms |%n|---|---|%n", RUNS));
        md.append(row("main() entered", main));
        md.append(row("CamelContext started", started));
        md.append(row("first exchange completed", first));
        md.append(row("process launch to exit (wall)", wall));

        List<Double> routes = new ArrayList<>();
        List<Double> exit = new ArrayList<>();
        String demoOk = "";
        for (int i = 0; i < DEMO_RUNS; i++) {
            long t0 = System.nanoTime();
            double[] marks = new double[] {-1, -1};
            List<String> out = launch(List.of(java, "-Xmx256m", "-cp", cp, "io.github.camelwebwork.demo.Demo"),
                    line -> {
                        double ms = (System.nanoTime() - t0) / 1e6;
                        if (marks[0] < 0 && line.contains("Routes: [")) {
                            marks[0] = ms;
                        }
                    });
            exit.add((System.nanoTime() - t0) / 1e6);
            routes.add(marks[0]);
            demoOk = out.stream().filter(l -> l.contains("Demo finished") || l.contains("Demo FAILED")).findFirst()
                    .orElse("no summary line");
        }
        md.append(f("%n(b) The whole demo (`io.github.camelwebwork.demo.Demo`, what `exec:java@demo` runs) in a fresh "
                + "JVM, %d runs, ms from process launch (median, min–max); last run said \"%s\":%n%n"
                + "| milestone | ms |%n|---|---|%n", DEMO_RUNS, demoOk.trim()));
        md.append(row("sandbox, Kafka, mail and every route started (\"Routes: [...]\")", routes));
        md.append(row("demo done, JVM exited", exit));
        return md.toString();
    }

    private static String row(String label, List<Double> values) {
        return f("| %s | %.0f (%.0f–%.0f) |%n", label, median(values),
                values.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                values.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }

    private static List<String> launch(List<String> command, java.util.function.Consumer<String> onLine)
            throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
                if (onLine != null) {
                    onLine.accept(line);
                }
            }
        }
        p.waitFor();
        return lines;
    }
}
