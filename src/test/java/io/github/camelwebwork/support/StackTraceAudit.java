package io.github.camelwebwork.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Run after the tests (Maven's verify phase): every stack trace in the captured test output
 * ({@code surefire-reports/*-output.txt}) must be one a test asked for, that is one listed in
 * {@code src/test/resources/expected-stack-traces.txt} for that test class (a test that makes a call fail on
 * purpose, and Camel's error handler logs the failure with its trace). Prints the count per test class and exception,
 * and fails (an exception, so that the build fails) naming the traces nobody asked for.
 * <p>
 * Arguments: the allow-list, then the reports directory.
 */
public final class StackTraceAudit {

    private static final Pattern FRAME = Pattern.compile("^\\s+at [\\w$.<>/]+\\(.*\\)$|^\\s+\\.\\.\\. \\d+ more$");
    private static final Pattern CAUSE = Pattern.compile("^\\s*(Caused by|Suppressed): .*");
    private static final Pattern EXCEPTION = Pattern.compile("((?:[a-z][\\w]*\\.)+[A-Z][\\w$]*(?:Exception|Error|Throwable|"
                                                             + "Failure)[\\w$]*)(?::.*)?$");

    private StackTraceAudit() {
    }

    /** One kind of trace a test class asks for: its exception's class, and optionally a text of its message. */
    record Expected(String testClass, String exception, String message) {
        boolean matches(String test, String thrown, String header) {
            return (test.equals(testClass) || test.endsWith("." + testClass) || test.contains("." + testClass + "$"))
                   && (thrown.equals(exception) || thrown.endsWith("." + exception))
                   && (message == null || header.contains(message));
        }
    }

    public static void main(String[] args) throws IOException {
        List<Expected> expected = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] parts = l.split("\\s+", 3);
            if (parts.length < 2) {
                throw new IllegalArgumentException("expected-stack-traces: '<test class> <exception> [message]', not '"
                                                   + l + "'");
            }
            expected.add(new Expected(parts[0], parts[1], parts.length > 2 ? parts[2] : null));
        }
        Path reports = Path.of(args[1]);
        if (!Files.isDirectory(reports)) {
            System.out.println("StackTraceAudit: no " + reports + " (no test ran); nothing to do");
            return;
        }
        Map<String, Integer> asked = new TreeMap<>();
        Map<String, Integer> unasked = new TreeMap<>();
        Map<String, String> example = new TreeMap<>();
        int total = 0;
        try (Stream<Path> files = Files.list(reports)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-output.txt")).sorted().toList()) {
                String test = file.getFileName().toString().replace("-output.txt", "");
                List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
                for (int i = 1; i < lines.size(); i++) {
                    boolean frame = FRAME.matcher(lines.get(i)).matches();
                    boolean previousIsTrace = FRAME.matcher(lines.get(i - 1)).matches()
                                              || CAUSE.matcher(lines.get(i - 1)).matches();
                    if (!frame || previousIsTrace) {
                        continue;
                    }
                    String header = headerAbove(lines, i);
                    Matcher m = EXCEPTION.matcher(header);
                    String thrown = m.find() ? m.group(1) : "(no exception line)";
                    total++;
                    String key = test + "  " + thrown;
                    if (expected.stream().anyMatch(e -> e.matches(test, thrown, header))) {
                        asked.merge(key, 1, Integer::sum);
                    } else {
                        unasked.merge(key, 1, Integer::sum);
                        example.putIfAbsent(key, header.strip());
                    }
                }
            }
        }
        System.out.println("StackTraceAudit: " + total + " stack traces in the test output, "
                           + (total - unasked.values().stream().mapToInt(Integer::intValue).sum())
                           + " of them asked for by their test:");
        asked.forEach((k, n) -> System.out.println("  " + n + " x " + k));
        if (!unasked.isEmpty()) {
            System.out.println("StackTraceAudit: stack traces no test asked for (fix their cause, or list them in "
                               + args[0] + " when the test provokes them):");
            unasked.forEach((k, n) -> System.out.println("  " + n + " x " + k + "\n      e.g. " + example.get(k)));
            throw new IllegalStateException("StackTraceAudit: " + unasked.values().stream().mapToInt(Integer::intValue)
                    .sum() + " stack trace(s) in the test output that no test asked for");
        }
    }

    /** The line that names the exception: the nearest non-blank one above the first frame (some loggers add one). */
    private static String headerAbove(List<String> lines, int firstFrame) {
        for (int j = firstFrame - 1; j >= Math.max(0, firstFrame - 4); j--) {
            if (!lines.get(j).isBlank()) {
                return lines.get(j);
            }
        }
        return "";
    }
}
