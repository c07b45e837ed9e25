package io.github.camelwebwork.resilience;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With every logger at TRACE (HttpClient's {@code org.apache.hc.client5.http.headers} and {@code .wire} included, as a
 * user debugging a call turns them on), the component's HTTP traffic prints no secret: not the bearer token, not the
 * OAuth2 client secret or the tokens it obtains, not a webhook's signing token; while the masked header log still
 * shows each call.
 */
class WireLogSecretsTest {

    @TempDir
    Path work;

    @Test
    void noSecretIsPrintedWithEveryLoggerAtTrace() throws Exception {
        Path secretsFile = work.resolve("secrets.txt");
        Path log = work.resolve("probe.log");
        Process java = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
                "-Dwebwork.secrets.file=" + secretsFile,
                "-cp", System.getProperty("java.class.path"), WireLogProbe.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(java.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(java.exitValue()).as(output).isZero();
        assertThat(output).contains("wire-log probe done");

        List<String> secrets = Files.readAllLines(secretsFile, StandardCharsets.UTF_8).stream()
                .filter(s -> !s.isBlank()).toList();
        assertThat(secrets).as("the token, the client secret, the OAuth2 tokens, the webhook token").hasSizeGreaterThan(3);
        for (String secret : secrets) {
            assertThat(output).as("a secret in the TRACE output").doesNotContain(secret);
        }
        assertThat(output).as("the masked header log shows the calls")
                .contains(">> GET /api/v2/tasks?workspace_id=1&project_id=100")
                .contains("Authorization: Bearer ****")
                .contains(">> POST /oauth/token")
                .contains("<< 200");
    }
}
