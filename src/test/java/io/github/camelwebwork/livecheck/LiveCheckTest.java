package io.github.camelwebwork.livecheck;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.github.camelwebwork.sandbox.WebworkSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LiveCheckTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void normalSandbox() throws Exception {
        try (WebworkSandbox sandbox = WebworkSandbox.startDefault()) {
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            Path report = dir.resolve("report.md");
            int code = LiveCheck.run(new String[] {"--base-url", sandbox.baseUrl(), "--workspace", "1", "--report",
                    report.toString()}, Map.of("WEBWORK_ACCESS_TOKEN", sandbox.token()),
                    new PrintStream(console, true, StandardCharsets.UTF_8), CLOCK);
            System.out.println(console.toString(StandardCharsets.UTF_8));
            System.out.println(Files.readString(report));
            assertThat(code).isZero();
        }
    }
}
