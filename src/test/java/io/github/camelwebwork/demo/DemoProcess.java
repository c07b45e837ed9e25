package io.github.camelwebwork.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * The demo as a user runs it: its own JVM (the test class path), its output (stdout and stderr) in
 * {@code target/demo-tests/<name>.log}. The output names tokens, so tests assert on it without echoing it; the
 * child records its secrets in the same {@code webwork.secrets.file} as the tests, for the verify phase's scan.
 */
final class DemoProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private DemoProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static DemoProcess start(String name, String... args) {
        Path log = Path.of("target", "demo-tests", name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString()));
        String secrets = System.getProperty("webwork.secrets.file");
        if (secrets != null) {
            command.add("-Dwebwork.secrets.file=" + secrets);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Demo.class.getName()));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            return new DemoProcess(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the demo", e);
        }
    }

    Process process() {
        return process;
    }

    /** Where the whole output is, for a failure message (the output itself holds tokens). */
    Path log() {
        return log;
    }

    /** Every line printed so far. */
    List<String> lines() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first line printed so far that {@code pattern} finds something in. */
    Optional<Matcher> find(Pattern pattern) {
        return lines().stream().map(pattern::matcher).filter(Matcher::find).findFirst();
    }

    /** Waits until a line is exactly {@code line}; fails early when the demo ends first. */
    void awaitLine(String line, Duration atMost) {
        await("the demo prints \"" + line + "\" (output in " + log + ")").atMost(atMost)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (lines().contains(line)) {
                        return true;
                    }
                    if (!process.isAlive()) {
                        throw new AssertionError("the demo ended with " + process.exitValue() + " before printing \""
                                                 + line + "\"; output in " + log);
                    }
                    return false;
                });
    }

    /** Whatever state it is in: asks it to stop, then ends it. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
