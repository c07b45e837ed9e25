package io.github.camelwebwork.sandbox;

import java.util.Objects;

/** An expense category (§7.12, H8 {@code GET /expenses/categories}); string id per H10, a UUID. */
public record SandboxExpenseCategory(String id, long workspaceId, String name) {

    public SandboxExpenseCategory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
