package io.github.camelwebwork.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.sandbox.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.StreamSupport;

/** Reads a seed file; field names are the wire names of the reference (snake_case). */
final class SeedReader {

    private SeedReader() {
    }

    static Seed read(InputStream in) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("malformed seed JSON", e);
        }
        Map<String, Long> tokens = new HashMap<>();
        root.path("tokens").properties()
                .forEach(e -> tokens.put(SandboxSecrets.remember(e.getKey()), e.getValue().asLong()));
        Optional<Long> owner = root.hasNonNull("owner_user_id")
                ? Optional.of(root.get("owner_user_id").asLong()) : Optional.empty();
        return new Seed(list(root, "users", SeedReader::user), list(root, "workspaces", SeedReader::workspace),
                list(root, "members", SeedReader::member), list(root, "projects", SeedReader::project),
                list(root, "tasks", SeedReader::task), tokens, owner,
                list(root, "viewer_projects", SeedReader::viewerProject),
                list(root, "contracts", SeedReader::contract), timeData(root.path("time_data")),
                LeaveExpenseSeed.read(root));
    }

    private static <T> List<T> list(JsonNode root, String field, Function<JsonNode, T> reader) {
        return StreamSupport.stream(root.path(field).spliterator(), false).map(reader).toList();
    }

    private static SandboxUser user(JsonNode n) {
        return new SandboxUser(n.path("id").asLong(), text(n, "firstname"), text(n, "lastname"), text(n, "email"),
                n.hasNonNull("timezone") ? text(n, "timezone") : "UTC", text(n, "avatar"));
    }

    private static SandboxWorkspace workspace(JsonNode n) {
        return new SandboxWorkspace(n.path("id").asLong(), text(n, "workspace_name"), n.path("owner_id").asLong(),
                Json.parseTimestamp(text(n, "created_at")));
    }

    private static SandboxMember member(JsonNode n) {
        Role role = Role.fromLabel(text(n, "role"))
                .orElseThrow(() -> new IllegalArgumentException("unknown role in seed: " + n));
        SandboxMember defaults = new SandboxMember(n.path("workspace_id").asLong(), n.path("user_id").asLong(),
                role, n.hasNonNull("status") ? text(n, "status") : "active", text(n, "team_name"), text(n, "title"),
                Json.parseTimestamp(text(n, "activated_at")));
        return new SandboxMember(defaults.workspaceId(), defaults.userId(), role, defaults.status(),
                defaults.teamName(), defaults.title(), defaults.activatedAt(), number(n, "rate"),
                n.hasNonNull("rate_type") ? n.get("rate_type").asInt() : null,
                n.path("rate_status").asInt(defaults.rateStatus()),
                n.hasNonNull("screenshots") ? text(n, "screenshots") : defaults.screenshots(),
                n.has("weekly_hours_limit") ? integer(n, "weekly_hours_limit") : defaults.weeklyHoursLimit(),
                n.path("is_blocked").asBoolean(false), Json.parseTimestamp(text(n, "created_at")),
                Json.parseTimestamp(text(n, "updated_at")), Json.parseTimestamp(text(n, "deleted_at")));
    }

    private static SandboxViewerProject viewerProject(JsonNode n) {
        return new SandboxViewerProject(n.path("workspace_id").asLong(), n.path("viewer_id").asLong(),
                n.path("project_id").asLong());
    }

    private static Integer integer(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asInt() : null;
    }

    private static List<SandboxProjectTag> tags(JsonNode n) {
        return StreamSupport.stream(n.path("tags").spliterator(), false)
                .map(t -> new SandboxProjectTag(t.path("id").asLong(), text(t, "name"), text(t, "color"))).toList();
    }

    private static SandboxProject project(JsonNode n) {
        return new SandboxProject(n.path("id").asLong(), n.path("workspace_id").asLong(), text(n, "name"),
                n.path("owner_id").asLong(), date(n, "start_date"), date(n, "deadline"), number(n, "estimation"),
                number(n, "budget_estimation"), text(n, "notes"), text(n, "icon"), n.path("is_billable").asBoolean(),
                number(n, "rate"), n.hasNonNull("weekly_hours_limit") ? n.get("weekly_hours_limit").asInt() : null,
                text(n, "screenshots"), n.path("status").asInt(1), Json.parseTimestamp(text(n, "created_at")),
                Json.parseTimestamp(text(n, "updated_at")), tags(n), Json.parseTimestamp(text(n, "deleted_at")));
    }

    private static SandboxTask task(JsonNode n) {
        long[] assignees = StreamSupport.stream(n.path("assignees").spliterator(), false)
                .mapToLong(JsonNode::asLong).toArray();
        return SandboxTask.builder(n.path("workspace_id").asLong(), n.path("project_id").asLong(), text(n, "title"))
                .id(n.path("id").asLong()).description(text(n, "description"))
                .ownerId(n.path("owner_id").asLong()).creatorId(n.path("creator_id").asLong())
                .status(n.path("status").asInt(SandboxTask.DEFAULT_STATUS))
                .priority(n.path("priority").asInt(SandboxTask.DEFAULT_PRIORITY))
                .startDate(date(n, "start_date")).endDate(date(n, "end_date"))
                .completedAt(Json.parseTimestamp(text(n, "completed_at"))).assignees(assignees)
                .parentId(n.hasNonNull("parent_id") ? n.get("parent_id").asLong() : null)
                .createdAt(Json.parseTimestamp(text(n, "created_at")))
                .updatedAt(Json.parseTimestamp(text(n, "updated_at")))
                .deletedAt(Json.parseTimestamp(text(n, "deleted_at")))
                .build();
    }

    /** §7.4; rate_type 1 Custom, 2 Member, 3 Project rate (default 3, or 1 when a rate is given). */
    private static SandboxContract contract(JsonNode n) {
        Double rate = number(n, "rate");
        return new SandboxContract(n.path("id").asLong(), n.path("workspace_id").asLong(),
                n.path("project_id").asLong(), n.path("user_id").asLong(), n.path("weekly_hours_limit").asInt(168),
                n.hasNonNull("screenshots") ? text(n, "screenshots") : "full", rate,
                n.path("rate_type").asInt(rate == null ? 3 : 1),
                n.hasNonNull("status") ? text(n, "status") : "active", Json.parseTimestamp(text(n, "created_at")),
                Json.parseTimestamp(text(n, "updated_at")), Json.parseTimestamp(text(n, "deleted_at")));
    }

    /** {@code "time_data": {"workspace_id": 1, "weeks": 4, "random_seed": 42}}: see {@link TimeSeed}. */
    private static Optional<TimeSeed.Settings> timeData(JsonNode n) {
        if (!n.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new TimeSeed.Settings(n.path("workspace_id").asLong(), n.path("weeks").asInt(4),
                n.path("random_seed").asLong(42)));
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static LocalDate date(JsonNode n, String field) {
        return n.hasNonNull(field) ? LocalDate.parse(n.get(field).asText()) : null;
    }

    private static Double number(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asDouble() : null;
    }
}
