package io.github.camelwebwork.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeds, programmatic seeding and the state's guarantees. */
class SandboxStateTest {

    @Test
    void defaultSeedMatchesTheWireExamples() {
        Seed seed = Seed.defaultWorkspace();
        SandboxState state = SandboxState.of(seed, Clock.systemUTC());

        assertThat(seed.primaryOwnerId()).hasValue(100L);
        assertThat(state.workspace(1)).get().extracting(SandboxWorkspace::name).isEqualTo("Acme Studio");
        assertThat(state.member(1, 100)).get().extracting(SandboxMember::role).isEqualTo(Role.OWNER);
        assertThat(state.member(1, 101)).get().extracting(SandboxMember::role).isEqualTo(Role.EXECUTIVE_MANAGER);
        assertThat(state.project(100)).get().extracting(SandboxProject::name).isEqualTo("Website Relaunch");
        assertThat(state.project(101)).get().extracting(SandboxProject::name).isEqualTo("Mobile App");
        assertThat(state.tasks(1, 100)).hasSize(11).first().extracting(SandboxTask::id).isEqualTo(500L);
        assertThat(state.task(511)).get().extracting(SandboxTask::isDeleted).isEqualTo(true);
        assertThat(seed.tokens()).containsEntry(WebworkSandbox.REGULAR_USER_TOKEN, 103L);
        assertThat(state.member(1, 103)).get().extracting(SandboxMember::role).isEqualTo(Role.REGULAR_USER);
    }

    @Test
    void bulkSeedsThousandsOfTasksAndKeepsIdsIncreasing() {
        SandboxState state = SandboxState.of(Seed.defaultWorkspace(), Clock.systemUTC());

        List<SandboxTask> added = state.addTasks(1, 102, 5_000);
        SandboxTask custom = state.addTask(SandboxTask.builder(1, 102, "Custom").status(20).priority(10)
                .startDate("2024-05-01").endDate(LocalDate.of(2024, 5, 3)).assignees(101, 103));

        assertThat(state.tasks(1, 102)).hasSize(5_001);
        assertThat(added.get(0).id()).isEqualTo(516);
        assertThat(added.get(4_999).id()).isEqualTo(5_515);
        assertThat(added.get(0).title()).isEqualTo("Task 1");
        assertThat(custom.id()).isEqualTo(5_516);
        assertThat(custom.ownerId()).isEqualTo(100);
        assertThat(custom.completedAt()).isNotNull();
        assertThat(custom.assignments()).extracting(TaskAssignment::assignerId).containsOnly(100L);
        assertThat(custom.assignments()).extracting(TaskAssignment::taskId).containsOnly(5_516L);
    }

    @Test
    void addsProjectsMembersAndWorkspaces() {
        SandboxState state = new SandboxState(Clock.fixed(Instant.parse("2025-02-19T19:24:55Z"), ZoneOffset.UTC));
        state.addUser(SandboxUser.of(1, "Ada", "Admin", "ada@x.example"));
        state.addWorkspace(SandboxWorkspace.of(7, "Seven", 1));
        SandboxProject project = state.addProject(7, "P");
        state.addMember(7, SandboxUser.of(2, "Bo", "Builder", "bo@x.example"), Role.TEAM_MANAGER);
        SandboxTask first = state.addTask(7, project.id(), "First");
        SandboxTask second = state.addTask(7, project.id(), "Second");

        assertThat(state.members(7)).extracting(SandboxMember::userId).containsExactly(1L, 2L);
        assertThat(state.member(7, 1)).get().extracting(SandboxMember::role).isEqualTo(Role.OWNER);
        assertThat(first.id()).isEqualTo(1);
        assertThat(second.createdAt()).isAfter(first.createdAt()); // strictly increasing even on a fixed clock
        assertThatThrownBy(() -> state.addTask(8, project.id(), "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> state.addTask(SandboxTask.builder(7, project.id(), "x").assignees(99)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loadsASeedFileAndMapsTheOwnerToken(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("seed.json");
        Files.writeString(file, """
                {"users": [{"id": 7, "firstname": "Kim", "lastname": "Kay", "email": "kim@k.example"},
                           {"id": 8, "firstname": "Lou", "lastname": "Low", "email": "lou@k.example"}],
                 "workspaces": [{"id": 3, "workspace_name": "Kay Co", "owner_id": 7}],
                 "members": [{"workspace_id": 3, "user_id": 8, "role": "Regular User"}],
                 "projects": [{"id": 30, "workspace_id": 3, "name": "Only"}],
                 "tasks": [{"id": 900, "workspace_id": 3, "project_id": 30, "title": "Seeded", "assignees": [8]}]}
                """);

        try (WebworkSandbox sandbox = WebworkSandbox.builder().seedFile(file).token("kim").addToken("lou", 8)
                .build().start()) {
            SandboxClient client = new SandboxClient(sandbox);
            SandboxClient.Reply reply = client.get("/tasks/900?workspace_id=3&project_id=30");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.data().path("owner_id").asLong()).isEqualTo(7);
            assertThat(client.get("/tasks?workspace_id=3&project_id=30", "lou").status()).isEqualTo(200);
            assertThat(client.get("/tasks?workspace_id=3&project_id=30", WebworkSandbox.DEFAULT_TOKEN).status())
                    .isEqualTo(401);
            assertThat(client.send("POST", "/tasks", "{\"workspace_id\":3,\"project_id\":30,\"title\":\"n\"}")
                    .data().path("id").asLong()).isEqualTo(901);
        }
    }

    @Test
    void concurrentCreatesGetDistinctIds() {
        try (WebworkSandbox sandbox = WebworkSandbox.startDefault()) {
            SandboxClient client = new SandboxClient(sandbox);
            List<CompletableFuture<SandboxClient.Reply>> replies = IntStream.range(0, 24)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> client.send("POST", "/tasks",
                            "{\"workspace_id\":1,\"project_id\":101,\"title\":\"Parallel " + i + "\"}")))
                    .toList();

            List<Long> ids = replies.stream().map(CompletableFuture::join)
                    .map(r -> r.data().path("id").asLong()).toList();
            assertThat(ids).doesNotHaveDuplicates().hasSize(24);
            assertThat(sandbox.requests()).hasSize(24);
        }
    }

    @Test
    void closeIsIdempotentAndStopsServing() {
        WebworkSandbox sandbox = WebworkSandbox.startDefault();
        String url = sandbox.baseUrl() + "/workspaces";
        sandbox.close();
        sandbox.close();
        assertThatThrownBy(() -> SandboxClient.sendRaw("GET", url, null, WebworkSandbox.DEFAULT_TOKEN, null))
                .isInstanceOf(RuntimeException.class);
    }
}
