package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.sandbox.SandboxMember;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxTimeEntry;
import io.github.camelwebwork.sandbox.SandboxWebhook;
import io.github.camelwebwork.sandbox.http.Json;
import java.util.List;
import java.util.function.Function;

/**
 * Where the API handlers report §8.1 events. A handler fires an event only after its state change is saved, inside
 * the same atomic block, so {@code data} is rendered from exactly the state the change produced. The
 * implementation ({@code WebhookSender}) renders {@code data} once per subscribed webhook at once, on the caller's
 * thread, and sends asynchronously: firing never blocks or fails the API call.
 *
 * <p>{@code data} is rendered per webhook because the Member and Project shapes depend on who reads them (§2 "Rate
 * visibility"): a delivery carries the record as the webhook's creator would get it from the sandbox's GET.
 */
@FunctionalInterface
public interface WebhookEvents {

    /** Fires nothing (a router built without deliveries). */
    WebhookEvents NONE = (workspaceId, event, data) -> List.of();

    /**
     * Creates one delivery per webhook of the workspace that subscribes to {@code event}; returns their ids in
     * creation order (empty when nobody subscribes).
     */
    List<String> fire(long workspaceId, String event, Function<SandboxWebhook, ? extends JsonNode> data);

    /**
     * Rate fields as the webhook's creator sees them: only while the creator is an active member with rate_status
     * 1 (a creator who has left sees nothing).
     */
    static boolean creatorSeesRates(SandboxState state, SandboxWebhook hook) {
        return state.member(hook.workspaceId(), hook.creatorId()).filter(SandboxMember::isActive)
                .filter(m -> m.rateStatus() == 1).isPresent();
    }

    /** {@code member.*} data: the Member as {@code GET /members/{id}} answers the webhook's creator. */
    static Function<SandboxWebhook, JsonNode> member(SandboxState state, SandboxMember m) {
        return hook -> MembersApi.member(m, state.user(m.userId()).orElseThrow(), creatorSeesRates(state, hook));
    }

    /**
     * {@code tracker.*} data (§8.1): {@code user_id, contract_id, project_id, task_id, activity_description,
     * start_time}, plus {@code end_time} once the entry is stopped (absent on {@code tracker.started}).
     */
    static ObjectNode tracker(SandboxTimeEntry e) {
        ObjectNode n = Json.object();
        n.put("user_id", e.userId());
        n.put("contract_id", e.contractId());
        n.put("project_id", e.projectId());
        n.put("task_id", e.taskId());
        n.put("activity_description", e.activityDescription());
        n.put("start_time", Json.timestamp(e.start()));
        if (e.end() != null) {
            n.put("end_time", Json.timestamp(e.end()));
        }
        return n;
    }
}
