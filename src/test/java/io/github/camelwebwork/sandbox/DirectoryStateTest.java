package io.github.camelwebwork.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state and seed behind members, projects, project viewers and webhooks (§7.2, §7.3, §7.6, §7.13). */
class DirectoryStateTest {

    @Test
    void defaultSeedHasTagsAViewerProjectAndNoWebhooks() {
        SandboxState state = SandboxState.of(Seed.defaultWorkspace(), Clock.systemUTC());

        assertThat(state.project(100).orElseThrow().tags()).extracting(SandboxProjectTag::name)
                .containsExactly("Client work", "Web");
        assertThat(state.project(102).orElseThrow().tags()).isEmpty();
        assertThat(state.viewerProjectIds(1, 105)).containsExactly(100L);
        assertThat(state.webhooks(1)).isEmpty();
        assertThat(state.member(1, 100).orElseThrow().rateStatus()).isEqualTo(1);
        assertThat(state.member(1, 103).orElseThrow().rateStatus()).isZero();
        assertThat(state.member(1, 103).orElseThrow().createdAt()).isEqualTo(Instant.parse("2023-11-13T09:00:00Z"));
    }

    @Test
    void readsMemberSettingsTagsAndViewerProjectsFromASeedFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("seed.json");
        Files.writeString(file, """
                {"users": [{"id": 1, "firstname": "Kim", "lastname": "Kay", "email": "kim@k.example"},
                           {"id": 2, "firstname": "Vic", "lastname": "View", "email": "vic@k.example"}],
                 "workspaces": [{"id": 3, "workspace_name": "Kay Co", "owner_id": 1}],
                 "members": [{"workspace_id": 3, "user_id": 2, "role": "Project viewer", "status": "left",
                              "rate": 50, "rate_type": 1, "rate_status": 1, "weekly_hours_limit": null,
                              "is_blocked": true, "deleted_at": "2024-02-01T00:00:00.000000Z"}],
                 "projects": [{"id": 30, "workspace_id": 3, "name": "Only", "deleted_at": "2024-03-01 10:00:00",
                               "tags": [{"id": 9, "name": "Ops", "color": "#000"}]},
                              {"id": 31, "workspace_id": 3, "name": "Live"}],
                 "viewer_projects": [{"workspace_id": 3, "viewer_id": 2, "project_id": 31}]}
                """);

        SandboxState state = SandboxState.of(Seed.fromJson(file), Clock.systemUTC());

        SandboxMember vic = state.member(3, 2).orElseThrow();
        assertThat(vic.rate()).isEqualTo(50.0);
        assertThat(vic.rateType()).isEqualTo(1);
        assertThat(vic.rateStatus()).isEqualTo(1);
        assertThat(vic.weeklyHoursLimit()).isNull();
        assertThat(vic.blocked()).isTrue();
        assertThat(vic.isArchived()).isTrue();
        assertThat(vic.deletedAt()).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
        assertThat(state.project(30).orElseThrow().isDeleted()).isTrue();
        assertThat(state.project(30).orElseThrow().tags()).containsExactly(new SandboxProjectTag(9, "Ops", "#000"));
        assertThat(state.projects(3)).extracting(SandboxProject::id).containsExactly(31L);
        assertThat(state.viewerProjectIds(3, 2)).containsExactly(31L);
    }

    @Test
    void invitationsGetNewUsersAndActivateOnAcceptance() {
        SandboxState state = SandboxState.of(Seed.defaultWorkspace(), Clock.systemUTC());
        long highest = state.users().stream().mapToLong(SandboxUser::id).max().orElseThrow();

        SandboxUser nina = state.addUser("Nina", "New", "nina@acme.example");
        state.addMember(new SandboxMember(1, nina.id(), Role.REGULAR_USER, "inactive", null, null, null));

        assertThat(nina.id()).isEqualTo(highest + 1);
        assertThat(state.userByEmail("NINA@acme.example")).contains(nina);
        SandboxMember accepted = state.acceptInvitation(1, nina.id());
        assertThat(accepted.isActive()).isTrue();
        assertThat(accepted.deletedAt()).isNull();
        assertThatThrownBy(() -> state.acceptInvitation(1, nina.id())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsWebhooksPerWorkspaceWithTheirSecrets() {
        SandboxState state = SandboxState.of(Seed.defaultWorkspace(), Clock.systemUTC());

        SandboxWebhook first = state.addWebhook(SandboxWebhook.of(1, "https://a.example/", List.of("tracker.started"),
                100));
        SandboxWebhook second = state.addWebhook(new SandboxWebhook("fixed-id", 1, "https://b.example/",
                List.of("project.created"), "whsec_0123456789abcdef0123456789abcdef", 100, null, null));
        state.addWebhook(SandboxWebhook.of(2, "https://c.example/", List.of("task.updated"), 100));

        assertThat(state.webhooks(1)).containsExactly(first, second);
        assertThat(first.token()).matches("whsec_[0-9a-f]{32}");
        assertThat(second.token()).isEqualTo("whsec_0123456789abcdef0123456789abcdef");
        assertThat(second.createdAt()).isNotNull();
        assertThat(state.webhooks(1).stream().filter(w -> w.subscribes("project.created"))).containsExactly(second);
        assertThat(state.removeWebhook("fixed-id")).isTrue();
        assertThat(state.removeWebhook("fixed-id")).isFalse();
        assertThat(state.webhooks(2)).hasSize(1);
    }
}
