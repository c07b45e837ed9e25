package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.sandbox.SandboxContract;
import io.github.camelwebwork.sandbox.SandboxMember;
import io.github.camelwebwork.sandbox.SandboxProject;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxUser;
import io.github.camelwebwork.sandbox.http.Json;
import java.util.Map;

/** The Contract of §7.4, and the hourly rate behind contract amounts (timesheets). */
final class ContractJson {

    /** The workspace currency is not modelled; the sandbox bills in US dollars. */
    static final String CURRENCY = "USD";

    /** §7.4 gives only "Screenshot on" (for {@code full}); the other labels follow the product's wording. */
    private static final Map<String, String> SCREENSHOT_LABELS = Map.of(
            "full", "Screenshot on",
            "blurred", "Blurred screenshot",
            "no_preview", "Screenshot without preview",
            "no_screenshot", "Screenshot off",
            "background_blurred", "Background blurred",
            "video_full", "Video on",
            "video_blurred", "Blurred video",
            "video_full_silent", "Video on, silent",
            "video_blurred_silent", "Blurred video, silent");

    private ContractJson() {
    }

    /** Rate fields are null unless the caller may see rates and the project is billable (§2 "Rate visibility"). */
    static ObjectNode contract(SandboxContract c, SandboxState state, boolean seesRates) {
        SandboxProject project = state.project(c.projectId()).orElseThrow();
        SandboxUser user = state.user(c.userId()).orElseThrow();
        Double rate = seesRates ? hourlyRate(c, state) : null;
        ObjectNode n = Json.object();
        n.put("id", c.id());
        n.put("project_id", project.id());
        n.put("project_name", project.name());
        n.put("project_icon", project.icon());
        n.put("user_id", user.id());
        n.put("user_firstname", user.firstname());
        n.put("user_lastname", user.lastname());
        n.put("user_email", user.email());
        n.put("user_role", state.member(c.workspaceId(), c.userId()).map(m -> m.role().label()).orElse(null));
        n.put("weekly_hours_limit", c.weeklyHoursLimit());
        n.put("screenshots", c.screenshots());
        n.put("screenshots_label", SCREENSHOT_LABELS.get(c.screenshots()));
        n.put("rate", rate);
        n.put("rate_type", c.rateType());
        n.put("status", c.status());
        n.put("currency", rate == null ? null : CURRENCY);
        n.put("contract_name", project.name() + " - " + user.fullName());
        n.put("created_at", Json.timestamp(c.createdAt()));
        n.put("updated_at", Json.timestamp(c.updatedAt()));
        return n;
    }

    /**
     * What an hour on this contract is billed at, or null when the project is not billable: rate_type 1 the
     * contract's own rate, 2 the member's rate, 3 the project's (each falling back to the project rate).
     */
    static Double hourlyRate(SandboxContract c, SandboxState state) {
        SandboxProject project = state.project(c.projectId()).orElse(null);
        if (project == null || !project.billable()) {
            return null;
        }
        Double own = switch (c.rateType()) {
            case 1 -> c.rate();
            case 2 -> state.member(c.workspaceId(), c.userId()).map(SandboxMember::rate).orElse(null);
            default -> null;
        };
        return own != null ? own : project.rate();
    }
}
