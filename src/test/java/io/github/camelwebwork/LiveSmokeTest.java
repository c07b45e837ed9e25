package io.github.camelwebwork;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import io.github.camelwebwork.livecheck.LiveCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opt-in: the {@link LiveCheck} against the REAL WebWork API, read-only, when WEBWORK_ACCESS_TOKEN is set (with
 * WEBWORK_WORKSPACE_ID, else the token's first workspace; WEBWORK_BASE_URL overrides the production URL); skipped
 * otherwise. Fails when a fact is refuted; the report is target/webwork-live-check.md. Users run the check itself:
 * {@code mvn -B compile exec:java@live-check}.
 */
@EnabledIfEnvironmentVariable(named = "WEBWORK_ACCESS_TOKEN", matches = ".+")
class LiveSmokeTest {

    @Test
    void everyFactTheProjectReliesOnHolds() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int code = LiveCheck.run(new String[] {"--report", "target/webwork-live-check.md"}, System.getenv(),
                new PrintStream(console, true, StandardCharsets.UTF_8), Clock.systemUTC());
        assertThat(code).as(console.toString(StandardCharsets.UTF_8)).isEqualTo(LiveCheck.ALL_HOLD);
    }
}
