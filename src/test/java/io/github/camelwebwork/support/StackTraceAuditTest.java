package io.github.camelwebwork.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The build's stack-trace audit: a listed trace passes, an unlisted one fails the build, a blank line is skipped. */
class StackTraceAuditTest {

    @TempDir
    Path dir;

    private static final String PROVOKED = """
            12:00:00.000 [main] ERROR DefaultErrorHandler - Failed delivery
            java.lang.IllegalStateException: downstream is down
            \tat io.github.example.Route.process(Route.java:12)
            \tat java.base/java.lang.Thread.run(Thread.java:840)
            Caused by: java.io.IOException: nested
            \tat io.github.example.Route.call(Route.java:20)
            \t... 2 more
            """;

    @Test
    void aTraceListedForItsTestPasses() throws Exception {
        Path allow = allowList("ChangeCaptureTest IllegalStateException downstream is down");
        Files.writeString(dir.resolve("reports/io.github.camelwebwork.consumer.ChangeCaptureTest-output.txt"), PROVOKED);

        assertThatCode(() -> StackTraceAudit.main(new String[] {allow.toString(), dir.resolve("reports").toString()}))
                .doesNotThrowAnyException();
    }

    @Test
    void aTraceOfAnotherTestOrMessageFails() throws Exception {
        Path allow = allowList("ChangeCaptureTest IllegalStateException downstream is down");
        Files.writeString(dir.resolve("reports/io.github.camelwebwork.consumer.WebhookConsumerTest-output.txt"), PROVOKED);
        Files.writeString(dir.resolve("reports/io.github.camelwebwork.consumer.ChangeCaptureTest-output.txt"),
                PROVOKED.replace("downstream is down", "something else"));

        assertThatThrownBy(() -> StackTraceAudit.main(new String[] {allow.toString(), dir.resolve("reports").toString()}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2 stack trace(s)");
    }

    @Test
    void theExceptionIsFoundAboveABlankLine() throws Exception {
        Path allow = allowList("EmailDigestsRouteTest AuthenticationFailedException");
        Files.writeString(dir.resolve("reports/x.EmailDigestsRouteTest-output.txt"), """
                jakarta.mail.AuthenticationFailedException: 535 5.7.8  Authentication credentials invalid

                \tat org.eclipse.angus.mail.smtp.SMTPTransport.authenticate(SMTPTransport.java:954)
                """);

        assertThatCode(() -> StackTraceAudit.main(new String[] {allow.toString(), dir.resolve("reports").toString()}))
                .doesNotThrowAnyException();
    }

    private Path allowList(String line) throws Exception {
        Files.createDirectories(dir.resolve("reports"));
        return Files.writeString(dir.resolve("allow.txt"), "# comment\n\n" + line + "\n");
    }
}
