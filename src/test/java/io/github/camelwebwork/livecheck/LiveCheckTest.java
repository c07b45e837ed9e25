package io.github.camelwebwork.livecheck;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelwebwork.sandbox.Deviation;
import io.github.camelwebwork.sandbox.RecordedRequest;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The live check against the sandbox: in its normal mode every fact holds (or cannot be checked, with the reason);
 * with each {@link Deviation} the fact it breaks is refuted, shown with its request and an excerpt of the answer, and
 * the setting to change is printed. The token never appears in the report nor on the console.
 */
class LiveCheckTest {

    static final String TOKEN = "livecheck-user-token-7f3a9c";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void normalSandboxConfirmsEveryFactAndOnlyReads() throws Exception {
        try (WebworkSandbox sandbox = sandbox()) {
            Run run = run(sandbox);

            assertThat(run.code()).isEqualTo(LiveCheck.ALL_HOLD);
            assertThat(run.report()).startsWith("# WebWork live check").contains("| Group | Fact |")
                    .contains("0 refuted").doesNotContain("## Refuted");
            for (String group : List.of(PathFacts.GROUP, EnvelopeFacts.GROUP, PaginationFacts.GROUP,
                    ListOrderFacts.GROUP, RateLimitFacts.GROUP, ErrorFacts.GROUP, ModelFitFacts.GROUP)) {
                assertThat(run.report()).as(group).contains("| " + group + " |").contains("| confirmed |");
            }
            assertThat(run.report().lines().filter(l -> l.contains("| not checkable |")))
                    .allSatisfy(line -> assertThat(line).doesNotEndWith("|  |"));
            assertThat(run.console()).doesNotContain("REFUTED").doesNotContain("Settings to change");
            assertThat(sandbox.requests()).extracting(RecordedRequest::method).containsOnly("GET");
            run.assertTokenNowhere();
        }
    }

    @Test
    void writesCreateAndDeleteOneTaskWithTheScopeInTheBody() throws Exception {
        try (WebworkSandbox sandbox = sandbox()) {
            int tasksBefore = sandbox.state().tasks(1, 100).size();

            Run run = run(sandbox, "--writes");

            assertThat(run.code()).isEqualTo(LiveCheck.ALL_HOLD);
            assertThat(run.report()).contains("with writes").contains("| Writes | POST takes workspace_id and project_id"
                    + " in the JSON body | H1, HouseRules.scopeLocation | confirmed |");
            List<RecordedRequest> writes = sandbox.requests().stream().filter(r -> !r.method().equals("GET")).toList();
            assertThat(writes).extracting(RecordedRequest::method).containsExactly("POST", "DELETE");
            assertThat(writes).allSatisfy(w -> {
                assertThat(w.rawQuery()).isNull();
                assertThat(w.json().path("workspace_id").asLong()).isEqualTo(1);
                assertThat(w.json().path("project_id").asLong()).isEqualTo(100);
            });
            assertThat(writes.get(1).path()).matches("/api/v2/tasks/\\d+");
            assertThat(sandbox.state().tasks(1, 100)).hasSize(tasksBefore);
            run.assertTokenNowhere();
        }
    }

    static Stream<Arguments> deviations() {
        return Stream.of(
                arguments(Deviation.WORKSPACE_ID_IN_PATH, PathFacts.GROUP, "GET takes workspace_id in the query",
                        "HouseRules.scopeLocation"),
                arguments(Deviation.BARE_DATA_WITHOUT_ENVELOPE, EnvelopeFacts.GROUP, "A success answers",
                        "client.ApiResponse"),
                arguments(Deviation.PAGE_CAPPED_AT_50, PaginationFacts.GROUP, "serves its largest page",
                        "perPage=50 on the webwork: endpoints and consumers of [workspaces, members"),
                arguments(Deviation.LIST_ORDER_NEWEST_FIRST, ListOrderFacts.GROUP, "Lists answer oldest first: members",
                        "reconcileEvery=1 on webwork:members"),
                arguments(Deviation.LIST_ORDER_UNORDERED, ListOrderFacts.GROUP, "Lists answer oldest first: members",
                        "reconcileEvery=1 on webwork:members"),
                arguments(Deviation.NO_RATE_LIMIT_HEADERS, RateLimitFacts.GROUP, "X-RateLimit-Remaining",
                        "rateLimit=60&rateLimitWindow=60000"),
                arguments(Deviation.ERROR_SHAPE_DIFFERENT, ErrorFacts.GROUP, "Errors answer", "client.ApiErrors"),
                arguments(Deviation.FIELD_OF_ANOTHER_TYPE, ModelFitFacts.GROUP, "GET /projects fits Project",
                        "model.Project must change"),
                arguments(Deviation.FIELD_MISSING, ModelFitFacts.GROUP, "GET /projects fits Project",
                        "model.Project must change"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deviations")
    void eachDeviationIsRefutedWithItsRequestAnswerAndSetting(Deviation deviation, String group, String claim,
                                                              String setting) throws Exception {
        try (WebworkSandbox sandbox = WebworkSandbox.builder().token(TOKEN).deviations(deviation).build().start()) {
            Run run = run(sandbox);

            assertThat(run.code()).isEqualTo(LiveCheck.REFUTED);
            String line = run.report().lines().filter(l -> l.startsWith("| " + group + " |") && l.contains(claim))
                    .findFirst().orElseThrow(() -> new AssertionError("no fact '" + claim + "' in\n" + run.report()));
            assertThat(line).contains("| **refuted** |");
            String details = run.report().substring(run.report().indexOf("### " + group + ": "));
            assertThat(details).contains("Request: `GET /api/v2/").contains("Answer: HTTP ").contains("```json\n")
                    .contains("Setting to change: ");
            assertThat(run.console()).contains("REFUTED       " + group).contains("Settings to change:")
                    .contains(setting);
            assertThat(sandbox.requests()).extracting(RecordedRequest::method).containsOnly("GET");
            run.assertTokenNowhere();
        }
    }

    @Test
    void aDeviationRefutesItsOwnFactOnly() throws Exception {
        try (WebworkSandbox sandbox = WebworkSandbox.builder().token(TOKEN)
                .deviations(Deviation.PAGE_CAPPED_AT_50).build().start()) {
            assertThat(run(sandbox).report().lines().filter(l -> l.contains("| **refuted** |")))
                    .singleElement().asString().contains("serves its largest page")
                    .contains("asked per_page=100, answered per_page 50");
        }
        try (WebworkSandbox sandbox = WebworkSandbox.builder().token(TOKEN)
                .deviations(Deviation.WORKSPACE_ID_IN_PATH).build().start()) {
            assertThat(run(sandbox).report().lines().filter(l -> l.contains("| **refuted** |")))
                    .singleElement().asString().contains("GET takes workspace_id in the query string")
                    .contains("answered with it in the path: GET /api/v2/workspaces/1/members");
        }
    }

    private WebworkSandbox sandbox() {
        return WebworkSandbox.builder().token(TOKEN).build().start();
    }

    private Run run(WebworkSandbox sandbox, String... extra) throws Exception {
        Path report = dir.resolve("live-check.md");
        String[] args = Stream.concat(Stream.of("--base-url", sandbox.baseUrl(), "--workspace", "1", "--report",
                report.toString()), Stream.of(extra)).toArray(String[]::new);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int code = LiveCheck.run(args, Map.of("WEBWORK_ACCESS_TOKEN", TOKEN),
                new PrintStream(console, true, StandardCharsets.UTF_8), CLOCK);
        return new Run(code, console.toString(StandardCharsets.UTF_8),
                Files.exists(report) ? Files.readString(report) : "");
    }

    record Run(int code, String console, String report) {

        void assertTokenNowhere() {
            assertThat(console).doesNotContain(TOKEN);
            assertThat(report).doesNotContain(TOKEN);
        }
    }
}
