package io.github.camelwebwork.sandbox.http;

import java.util.Optional;

/**
 * The {@code workspace_id} (and, for tasks, {@code project_id}) a request acts in. House rules H1/H2 live
 * here and only here: GET reads them from the query string; POST, PUT and DELETE from the JSON body, so a
 * write that carries them only in the query gets 422.
 */
public record Scope(long workspaceId, Long projectId) {

    static final String WRONG_PLACE_HINT = "workspace_id and project_id belong in the JSON body on POST, PUT "
            + "and DELETE, not in the query string (house rule H1)";

    /** Empty when a required id is missing or invalid; the reasons are in {@code v}. */
    public static Optional<Scope> of(ApiRequest request, Validation v, boolean withProject) {
        Long workspaceId = read(request, v, "workspace_id");
        Long projectId = withProject ? read(request, v, "project_id") : null;
        if (workspaceId == null || (withProject && projectId == null)) {
            return Optional.empty();
        }
        return Optional.of(new Scope(workspaceId, projectId));
    }

    private static Long read(ApiRequest request, Validation v, String field) {
        if (request.isRead()) {
            return v.queryInteger(request, field, true);
        }
        boolean inBody = request.body().hasNonNull(field);
        if (!inBody && request.query(field) != null) {
            v.hint(WRONG_PLACE_HINT);
        }
        return v.bodyInteger(request.body(), field);
    }
}
