package io.github.camelwebwork.demo;

import java.util.List;

import io.github.camelwebwork.sandbox.RecordedRequest;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import org.apache.camel.main.Main;

/**
 * The README's first command: starts the WebWork sandbox and runs the shipped YAML routes against it with Camel Main,
 * narrates, prints a summary and exits (non-zero when a route failed). {@code --keep-running} leaves everything up
 * until Ctrl+C, with the sandbox's URL and token printed for your own calls.
 */
public final class Demo {

    static final String ROUTES = "file:routes/tasks-lifecycle.yaml";

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        boolean keepRunning = List.of(args).contains("--keep-running");
        System.setProperty("org.slf4j.simpleLogger.log.io.github.camelwebwork", "info");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.camel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.task-lifecycle", "info");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "false");

        int exitCode;
        try (WebworkSandbox sandbox = WebworkSandbox.startDefault()) {
            say("WebWork sandbox listening on " + sandbox.baseUrl() + " (token " + sandbox.token() + ")");
            say("Running " + ROUTES + " with Camel Main...");
            Main main = new Main();
            main.addInitialProperty("camel.main.name", "camel-webwork-demo");
            main.addInitialProperty("camel.main.routesIncludePattern", ROUTES);
            main.addInitialProperty("camel.component.webwork.base-url", sandbox.baseUrl());
            main.addInitialProperty("camel.component.webwork.access-token", sandbox.token());
            if (!keepRunning) {
                main.addInitialProperty("camel.main.durationMaxMessages", "1");
                main.addInitialProperty("camel.main.durationMaxSeconds", "60");
            }
            main.run();

            List<RecordedRequest> requests = sandbox.requests();
            say("");
            say("Summary: " + requests.size() + " WebWork API calls:");
            requests.forEach(r -> say("  " + r.method() + " " + r.path()
                                      + (r.rawQuery() == null || r.rawQuery().isEmpty() ? "" : "?" + r.rawQuery())));
            List<String> missing = missingCalls(requests, sandbox);
            missing.forEach(m -> say("  MISSING: " + m));
            exitCode = missing.isEmpty() ? 0 : 1;
            say(exitCode == 0 ? "Demo finished successfully." : "Demo FAILED: see the log above.");
        }
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /**
     * What the lifecycle route must have done, checked against the sandbox rather than taken from the log: every
     * call in order, and the task it created deleted at the end.
     */
    static List<String> missingCalls(List<RecordedRequest> requests, WebworkSandbox sandbox) {
        List<String> expected = List.of("POST /api/v2/tasks", "GET /api/v2/tasks", "PUT /api/v2/tasks/{id}",
                "POST /api/v2/tasks/{id}/assign/{id}", "GET /api/v2/tasks/{id}/assignees",
                "DELETE /api/v2/tasks/{id}/unassign/{id}", "DELETE /api/v2/tasks/{id}");
        List<String> seen = requests.stream()
                .map(r -> r.method() + " " + r.path().replaceAll("/\\d+", "/{id}").replace("/api/{id}", "/api/v2"))
                .toList();
        if (!seen.equals(expected)) {
            return List.of("the calls " + expected + " (made: " + seen + ")");
        }
        long taskId = Long.parseLong(requests.get(2).path().replaceAll(".*/", ""));
        boolean deleted = sandbox.state().task(taskId).map(t -> t.deletedAt() != null).orElse(false);
        return deleted ? List.of() : List.of("task " + taskId + " deleted in the sandbox");
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
