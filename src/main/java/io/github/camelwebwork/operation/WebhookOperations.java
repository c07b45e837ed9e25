package io.github.camelwebwork.operation;

import java.util.List;

import io.github.camelwebwork.model.Webhook;
import io.github.camelwebwork.model.WebhookEvent;

import static io.github.camelwebwork.operation.Sections.inWorkspace;

/** The webhook management API (§7.13). */
final class WebhookOperations {

    /** §4: webhooks answer 50 rows a page and document no per_page. */
    static final int ROWS_PER_PAGE = 50;

    private static final Field WEBHOOK_ID = Field.stringId("webhook_id");
    private static final Field EVENTS = Field.choices("events", WebhookEvent.values());

    private WebhookOperations() {
    }

    static List<OperationDef> all() {
        return List.of(
                inWorkspace("webhooks", "list", "GET", "/webhooks")
                        .pagedWithoutPageSize(ROWS_PER_PAGE)
                        .returns(ResultShape.LIST, Webhook.class)
                        .describedAs("Lists the registered webhooks")
                        .build(),
                inWorkspace("webhooks", "get", "GET", "/webhooks/{webhookId}")
                        .path("webhookId", WEBHOOK_ID).modelId("webhookId")
                        .returns(ResultShape.OBJECT, Webhook.class)
                        .describedAs("Gets one webhook, with its signing token")
                        .build(),
                inWorkspace("webhooks", "create", "POST", "/webhooks")
                        .body("url", Field.url("url").required())
                        .body("events", EVENTS.required())
                        .returns(ResultShape.OBJECT, Webhook.class)
                        .foundBy(CreateLookups.WEBHOOK)
                        .describedAs("Registers a webhook; the answer carries its signing token")
                        .build(),
                inWorkspace("webhooks", "update", "PUT", "/webhooks/{webhookId}")
                        .path("webhookId", WEBHOOK_ID).modelId("webhookId")
                        .body("url", Field.url("url").required())
                        .body("events", EVENTS)
                        .returns(ResultShape.OPTIONAL_OBJECT, Webhook.class)
                        .describedAs("Changes a webhook's URL or events")
                        .build(),
                inWorkspace("webhooks", "delete", "DELETE", "/webhooks/{webhookId}")
                        .path("webhookId", WEBHOOK_ID).modelId("webhookId")
                        .describedAs("Removes a webhook")
                        .build());
    }
}
