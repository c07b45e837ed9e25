package io.github.camelwebwork.sandbox;

/** A project a project viewer (§7.6) may see: {@code viewerId} is the viewer's user id. */
public record SandboxViewerProject(long workspaceId, long viewerId, long projectId) {
}
