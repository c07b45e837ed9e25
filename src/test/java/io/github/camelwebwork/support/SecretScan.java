package io.github.camelwebwork.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Run after the tests (Maven's verify phase): checks that no secret the sandboxes knew or issued during the whole
 * test run (the file written by {@code SandboxSecrets}) appears in the captured test output and reports, that is in
 * no log line, exception message, stack trace or URI. Exits non-zero, naming the files, when one does.
 * <p>
 * Arguments: the secrets file, then the directories to scan.
 */
public final class SecretScan {

    private SecretScan() {
    }

    public static void main(String[] args) throws IOException {
        Path secretsFile = Path.of(args[0]);
        if (!Files.isRegularFile(secretsFile)) {
            System.out.println("SecretScan: no secrets file " + secretsFile + " (no test ran a sandbox); nothing to do");
            return;
        }
        List<String> secrets = Files.readAllLines(secretsFile, StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(s -> s.length() >= 8).distinct().toList();
        List<String> leaks = new ArrayList<>();
        int scanned = 0;
        for (int i = 1; i < args.length; i++) {
            Path dir = Path.of(args[i]);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                    scanned++;
                    for (String secret : secrets) {
                        if (text.contains(secret)) {
                            leaks.add(file + " contains a secret starting " + secret.substring(0, 4) + "...");
                        }
                    }
                }
            }
        }
        if (!leaks.isEmpty()) {
            leaks.forEach(l -> System.out.println("SecretScan: " + l));
            throw new IllegalStateException("SecretScan: " + leaks.size() + " secret(s) leaked into test output");
        }
        System.out.println("SecretScan: " + secrets.size() + " secrets, " + scanned + " files, no leak");
    }
}
