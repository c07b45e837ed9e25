package io.github.camelwebwork.livecheck;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelwebwork.sandbox.Deviation;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link LiveCheck#main} as users run it: its own JVM, its arguments, its exit code, its console. */
class LiveCheckMainTest {

    private static final String TOKEN = LiveCheckTest.TOKEN;

    @TempDir
    Path dir;

    @Test
    void mainExitsNonZeroWhenAFactIsRefutedAndPrintsTheSetting() throws Exception {
        try (WebworkSandbox sandbox = WebworkSandbox.builder().token(TOKEN)
                .deviations(Deviation.NO_RATE_LIMIT_HEADERS).build().start()) {
            Path report = dir.resolve("report.md");
            ProcessBuilder java = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                    LiveCheck.class.getName(), "--base-url", sandbox.baseUrl(), "--workspace", "1", "--report",
                    report.toString()).redirectErrorStream(true);
            java.environment().put("WEBWORK_ACCESS_TOKEN", TOKEN);
            Process process = java.start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String console = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(process.exitValue()).as(console).isEqualTo(LiveCheck.REFUTED);
            assertThat(console).contains("REFUTED       Rate limit: Answers carry X-RateLimit-Limit")
                    .contains("Settings to change:").contains("rateLimit=60&rateLimitWindow=60000")
                    .contains("report: " + report.toAbsolutePath()).doesNotContain(TOKEN);
            assertThat(Files.readString(report)).contains("| Rate limit |").doesNotContain(TOKEN);
        }
    }

    @Test
    void argumentsAreParsedAndNeverEchoed() {
        assertThat(run(new String[] {"--workspace", "1"}, Map.of())).isEqualTo(new Outcome(LiveCheck.NO_RUN,
                "no token: set WEBWORK_ACCESS_TOKEN (or --token)\n" + LiveCheckArgs.USAGE + "\n"));
        // the token pasted where an option belongs: the message names the mistake, not the value
        Outcome stray = run(new String[] {TOKEN}, Map.of());
        assertThat(stray.code()).isEqualTo(LiveCheck.NO_RUN);
        assertThat(stray.console()).startsWith("unknown argument (a value without its --option)")
                .doesNotContain(TOKEN);
        assertThat(run(new String[] {"--workspace", "one"}, Map.of("WEBWORK_ACCESS_TOKEN", TOKEN)).console())
                .startsWith("--workspace takes the workspace's integer id, not one");
        assertThat(run(new String[] {"--report"}, Map.of("WEBWORK_ACCESS_TOKEN", TOKEN)).console())
                .startsWith("--report needs a value");
    }

    @Test
    void tokenByArgumentAndAnUnreachableApiGiveNoRunWithoutTheToken() {
        Outcome outcome = run(new String[] {"--token", TOKEN, "--base-url", "http://127.0.0.1:1/api/v2",
                "--workspace", "1", "--report", dir.resolve("r.md").toString()}, Map.of());
        assertThat(outcome.code()).isEqualTo(LiveCheck.NO_RUN);
        assertThat(outcome.console()).startsWith("live check failed: GET /api/v2/workspaces").doesNotContain(TOKEN);
    }

    private static Outcome run(String[] args, Map<String, String> env) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int code = LiveCheck.run(args, env, new PrintStream(console, true, StandardCharsets.UTF_8), Clock.systemUTC());
        return new Outcome(code, console.toString(StandardCharsets.UTF_8));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    record Outcome(int code, String console) {
    }
}
