package io.github.camelwebwork.model;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Webhook event names (reference §7.13, §8: the union of the snapshots; task events beyond
 * {@code task.updated} are unknown). */
public enum WebhookEvent implements WireValue {
    TRACKER_STARTED("tracker.started"),
    TRACKER_STOPPED("tracker.stopped"),
    MEMBER_INVITED("member.invited"),
    MEMBER_UPDATED("member.updated"),
    MEMBER_DELETED("member.deleted"),
    MEMBER_ACTIVATED("member.activated"),
    MEMBER_ARCHIVED("member.archived"),
    PROJECT_CREATED("project.created"),
    PROJECT_UPDATED("project.updated"),
    PROJECT_DELETED("project.deleted"),
    TASK_UPDATED("task.updated");

    private final String wireValue;

    WebhookEvent(String wireValue) {
        this.wireValue = wireValue;
    }

    @JsonValue
    @Override
    public String wireValue() {
        return wireValue;
    }

    /** The constant of a wire value; empty when absent or a value this version does not know (kept as is, H4). */
    public static Optional<WebhookEvent> fromWire(String value) {
        return WireValues.fromWire(WebhookEvent.class, value);
    }
}
