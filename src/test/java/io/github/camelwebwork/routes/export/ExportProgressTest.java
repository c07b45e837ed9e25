package io.github.camelwebwork.routes.export;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;

import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.model.Member;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import io.github.camelwebwork.support.CapturedLog;
import io.github.camelwebwork.support.SandboxTestSupport;
import io.github.camelwebwork.support.YamlRoutes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * routes/scheduled-export.yaml reports its progress, members done of those listed: as the camel.webwork.progress.*
 * gauges of a registry bound in the Camel registry, and in the log with its rate and the time left.
 */
class ExportProgressTest extends SandboxTestSupport {

    @RegisterExtension
    CapturedLog log = new CapturedLog();

    @TempDir
    Path exportDir;

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected Clock clock() {
        return Clock.fixed(Instant.parse("2027-01-13T10:00:00Z"), ZoneOffset.UTC);
    }

    @Override
    protected WebworkSandbox.Builder sandboxBuilder() {
        return WebworkSandbox.builder().noRateLimit();
    }

    @Override
    protected void configure(WebworkComponent webwork) {
        webwork.getConfiguration().setRateLimit(100_000);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("metricsRegistry", meters);
        return context;
    }

    @Test
    void theExportReportsMembersDoneOfThoseListed() throws Exception {
        Properties properties = new Properties();
        properties.put("webwork.workspace-id", "1");
        properties.put("export.directory", exportDir.toString());
        context.getPropertiesComponent().setOverrideProperties(properties);
        YamlRoutes.load(context, "scheduled-export.yaml");
        List<?> members = template.requestBody("webwork:members?operation=list&workspaceId=1", (Object) null,
                List.class);

        template.sendBodyAndHeader("direct:scheduled-export", null, "ExportWeek", "2027-01-01");

        String job = "export 2026-W53";
        assertThat(members).isNotEmpty().allMatch(Member.class::isInstance);
        assertThat(meters.get("camel.webwork.progress.expected").tag("job", job).gauge().value())
                .isEqualTo(members.size());
        assertThat(meters.get("camel.webwork.progress.done").tag("job", job).gauge().value())
                .as("every member, project viewers (skipped) included").isEqualTo(members.size());
        // the clock stands still: no rate, no time left, and one line at the end
        assertThat(log.text()).contains(job + ": complete, " + members.size() + " done in 0 s");
    }
}
