package io.github.camelwebwork;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.model.Project;
import io.github.camelwebwork.model.TrackedHoursReport;
import io.github.camelwebwork.model.Workspace;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opt-in smoke test against the REAL WebWork API: read-only operations only. Runs when WEBWORK_ACCESS_TOKEN is set
 * (and WEBWORK_WORKSPACE_ID; WEBWORK_BASE_URL overrides the production URL); skipped otherwise. A pass confirms the
 * house rules behind these reads (paths, where workspace_id goes, the envelope, pagination, the model shapes):
 * <pre>WEBWORK_ACCESS_TOKEN=... WEBWORK_WORKSPACE_ID=... mvn -B test -Dtest=LiveSmokeTest</pre>
 */
@EnabledIfEnvironmentVariable(named = "WEBWORK_ACCESS_TOKEN", matches = ".+")
class LiveSmokeTest {

    private static CamelContext context;
    private static ProducerTemplate template;
    private static long workspaceId;

    @BeforeAll
    static void start() throws Exception {
        context = new DefaultCamelContext();
        WebworkComponent webwork = new WebworkComponent();
        webwork.getConfiguration().setAccessToken(System.getenv("WEBWORK_ACCESS_TOKEN"));
        if (System.getenv("WEBWORK_BASE_URL") != null) {
            webwork.getConfiguration().setBaseUrl(System.getenv("WEBWORK_BASE_URL"));
        }
        context.addComponent("webwork", webwork);
        context.start();
        template = context.createProducerTemplate();
        String ws = System.getenv("WEBWORK_WORKSPACE_ID");
        workspaceId = ws != null ? Long.parseLong(ws) : firstWorkspace();
        webwork.getConfiguration().setWorkspaceId(workspaceId);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.stop();
        }
    }

    private static long firstWorkspace() {
        List<?> workspaces = template.requestBody("webwork:workspaces?operation=list&maxResults=1", null, List.class);
        assertThat(workspaces).as("the token's user has a workspace").isNotEmpty();
        return ((Workspace) workspaces.get(0)).getId();
    }

    private List<?> list(String uri) {
        return template.requestBody(uri, null, List.class);
    }

    @Test
    void directoryReads() {
        assertThat(list("webwork:workspaces?operation=list")).isNotEmpty();
        assertThat(list("webwork:members?operation=list&maxResults=200")).isNotEmpty();
        List<?> projects = list("webwork:projects?operation=list&maxResults=50");
        list("webwork:project-viewers?operation=list&maxResults=50");
        list("webwork:contracts?operation=list&maxResults=50");
        if (!projects.isEmpty()) {
            long projectId = ((Project) projects.get(0)).getId();
            template.requestBody("webwork:projects?operation=get&projectId=" + projectId, null, Project.class);
            list("webwork:tasks?operation=list&maxResults=50&projectId=" + projectId);
        }
    }

    @Test
    void timeReads() {
        LocalDate monday = LocalDate.now().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        String range = "&dateFrom=" + monday + "&dateTo=" + monday.plusDays(6);
        list("webwork:timesheets?operation=list&maxResults=50" + range);
        list("webwork:time-requests?operation=list&maxResults=50" + range);
        list("webwork:leaves?operation=list&maxResults=50" + range);
        list("webwork:leaves?operation=policies");
        list("webwork:expenses?operation=list&maxResults=50" + range);
        list("webwork:expenses?operation=categories");
        list("webwork:webhooks?operation=list");
    }

    @Test
    void reports() {
        LocalDate monday = LocalDate.now().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        String range = "&startDate=" + monday + "&endDate=" + monday.plusDays(6);
        TrackedHoursReport report = template.requestBody("webwork:reports?operation=trackedHours" + range, null,
                TrackedHoursReport.class);
        assertThat(report).isNotNull();
        list("webwork:reports?operation=dailyTimeline&maxResults=30&date=" + monday);
        list("webwork:reports?operation=activityLevel&maxResults=30" + range);
        list("webwork:reports?operation=taskReport&maxResults=30" + range);
        list("webwork:reports?operation=dailyAttendance&maxResults=30&date=" + monday);
        list("webwork:reports?operation=activityDescriptions&maxResults=30" + range);
    }
}
