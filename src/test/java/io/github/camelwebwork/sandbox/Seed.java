package io.github.camelwebwork.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a sandbox starts with. The default seed is the classpath file {@value #DEFAULT_RESOURCE} (its one
 * source of truth); other files use the same JSON structure (see that file). {@code ownerUserId} is the user
 * the owner token maps to: by default the owner of the first workspace.
 */
public record Seed(List<SandboxUser> users, List<SandboxWorkspace> workspaces, List<SandboxMember> members,
                   List<SandboxProject> projects, List<SandboxTask> tasks, Map<String, Long> tokens,
                   Optional<Long> ownerUserId, List<SandboxViewerProject> viewerProjects,
                   List<SandboxContract> contracts, Optional<TimeSeed.Settings> timeData,
                   LeaveExpenseSeed leavesAndExpenses) {

    public static final String DEFAULT_RESOURCE = "sandbox/default-seed.json";

    public Seed {
        users = List.copyOf(users);
        workspaces = List.copyOf(workspaces);
        members = List.copyOf(members);
        projects = List.copyOf(projects);
        tasks = List.copyOf(tasks);
        tokens = Map.copyOf(tokens);
        viewerProjects = viewerProjects == null ? List.of() : List.copyOf(viewerProjects);
        contracts = contracts == null ? List.of() : List.copyOf(contracts);
        timeData = timeData == null ? Optional.empty() : timeData;
        leavesAndExpenses = leavesAndExpenses == null ? LeaveExpenseSeed.EMPTY : leavesAndExpenses;
    }

    /** Workspace 1 "Acme Studio" and friends, matching the reference's "Tasks: wire examples". */
    public static Seed defaultWorkspace() {
        return DefaultSeedHolder.SEED;
    }

    public static Seed empty() {
        return new Seed(List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), Optional.empty(), List.of(),
                List.of(), Optional.empty(), LeaveExpenseSeed.EMPTY);
    }

    public static Seed fromJson(Path json) {
        try (InputStream in = Files.newInputStream(json)) {
            return fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seed " + json, e);
        }
    }

    public static Seed fromJson(InputStream json) {
        return SeedReader.read(json);
    }

    public static Seed fromClasspath(String resource) {
        try (InputStream in = Seed.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no seed on the classpath at " + resource);
            }
            return fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seed " + resource, e);
        }
    }

    /** The user behind the owner token: {@code ownerUserId}, else the first workspace's owner. */
    public Optional<Long> primaryOwnerId() {
        return ownerUserId.or(() -> workspaces.stream().findFirst().map(SandboxWorkspace::ownerId));
    }

    private static final class DefaultSeedHolder {
        static final Seed SEED = fromClasspath(DEFAULT_RESOURCE);
    }
}
