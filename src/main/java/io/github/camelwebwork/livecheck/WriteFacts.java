package io.github.camelwebwork.livecheck;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.client.ApiRequest;

/**
 * H1 and H2 for writes, only with {@code --writes}: one throwaway task is created in the first project (scope ids in
 * the JSON body of the POST) and deleted again (scope ids in the JSON body of the DELETE). Nothing else is written.
 */
final class WriteFacts implements FactGroup {

    static final String GROUP = "Writes";
    private static final String CREATE = "POST takes workspace_id and project_id in the JSON body";
    private static final String DELETE = "DELETE takes workspace_id and project_id in a JSON body";
    private static final String SETTING = "no option places the scope ids: HouseRules.scopeLocation and "
                                          + "HouseRules.sendsBody must change (report it with this file)";

    private final boolean enabled;

    WriteFacts(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public List<Fact> check(CheckRun run) {
        if (!enabled) {
            String why = "read-only run: --writes creates and deletes one task";
            return List.of(Fact.notCheckable(GROUP, CREATE, "H1", why), Fact.notCheckable(GROUP, DELETE, "H2", why));
        }
        Long projectId = run.read("projects", "list").filter(Read::ok)
                .map(r -> r.answer().records().path(0).path("id"))
                .filter(JsonNode::canConvertToLong).map(JsonNode::asLong).orElse(null);
        if (projectId == null) {
            String why = "no project to create the task in";
            return List.of(Fact.notCheckable(GROUP, CREATE, "H1", why), Fact.notCheckable(GROUP, DELETE, "H2", why));
        }
        Map<String, Object> options = new HashMap<>();
        options.put("workspaceId", run.workspaceId());
        options.put("projectId", projectId);
        ApiRequest create = run.request("tasks", "create", options,
                Map.of("title", "camel-webwork live check " + Instant.now(run.clock()) + " (deleted at once)"));
        Answer created = run.probe().send(create);
        if (!created.ok() || !created.data().path("id").canConvertToLong()) {
            return List.of(Fact.refuted(GROUP, CREATE, "H1, HouseRules.scopeLocation", "the create answered HTTP "
                            + created.status(), run.evidence(created), SETTING),
                    Fact.notCheckable(GROUP, DELETE, "H2", "no task was created"));
        }
        options.put("taskId", created.data().path("id").asLong());
        Answer deleted = run.probe().send(run.request("tasks", "delete", options, null));
        Fact createFact = Fact.confirmed(GROUP, CREATE, "H1, HouseRules.scopeLocation", "task "
                + created.data().path("id").asLong() + " created, HTTP " + created.status());
        Fact deleteFact = deleted.ok()
                ? Fact.confirmed(GROUP, DELETE, "H2, HouseRules.sendsBody", "task deleted, HTTP " + deleted.status())
                : Fact.refuted(GROUP, DELETE, "H2, HouseRules.sendsBody", "the delete answered HTTP "
                + deleted.status() + ": delete task " + created.data().path("id").asLong() + " by hand",
                run.evidence(deleted), SETTING);
        return List.of(createFact, deleteFact);
    }
}
