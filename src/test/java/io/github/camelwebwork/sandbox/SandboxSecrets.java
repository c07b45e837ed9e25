package io.github.camelwebwork.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Every secret a sandbox knows or issues (tokens, client secrets, refresh tokens, codes), appended to the file named by
 * the system property {@code webwork.secrets.file} when it is set. After the test run, {@code SecretScan} checks that
 * none of them appears in any captured output or report: no log line, exception message or URI leaked one.
 */
public final class SandboxSecrets {

    private static final Set<String> REMEMBERED = new HashSet<>();

    private SandboxSecrets() {
    }

    /** Remembers {@code secret} and returns it. */
    public static synchronized String remember(String secret) {
        if (secret == null || !REMEMBERED.add(secret)) {
            return secret;
        }
        String file = System.getProperty("webwork.secrets.file");
        if (file != null) {
            try {
                Path path = Path.of(file);
                Files.createDirectories(path.toAbsolutePath().getParent());
                Files.writeString(path, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return secret;
    }
}
