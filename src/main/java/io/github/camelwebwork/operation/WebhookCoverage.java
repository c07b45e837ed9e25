package io.github.camelwebwork.operation;

import java.util.List;

import io.github.camelwebwork.model.WebhookEvent;

/**
 * The webhook events (§8) that announce changes of a list's records: each names one record in its {@code data}
 * ({@code id}, and the partition's id such as {@code project_id}). {@code announcesNewRecords}: whether a new record
 * is announced too, so that no scan has to look for it between reconciliations.
 */
public record WebhookCoverage(List<WebhookEvent> events, boolean announcesNewRecords) {

    public WebhookCoverage {
        events = List.copyOf(events);
    }

    /** The events' wire names, as a webhook registration lists them. */
    public List<String> eventNames() {
        return events.stream().map(WebhookEvent::wireValue).toList();
    }

    public boolean covers(String event) {
        return eventNames().contains(event);
    }
}
