package io.github.camelwebwork.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.sandbox.SandboxState;
import io.github.camelwebwork.sandbox.SandboxWebhook;
import io.github.camelwebwork.sandbox.SandboxWorkspace;
import io.github.camelwebwork.sandbox.http.ApiException;
import io.github.camelwebwork.sandbox.http.ApiRequest;
import io.github.camelwebwork.sandbox.http.ApiResponse;
import io.github.camelwebwork.sandbox.http.FormApiHandler;
import io.github.camelwebwork.sandbox.http.Json;
import io.github.camelwebwork.sandbox.http.Messages;
import io.github.camelwebwork.sandbox.http.PageRequest;
import io.github.camelwebwork.sandbox.http.Router;
import io.github.camelwebwork.sandbox.http.Scope;
import io.github.camelwebwork.sandbox.http.Validation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * §7.13 Webhooks management; the registrations (with their secrets) are what §8.1 deliveries go to. Create and
 * update also take form bodies (§2). Everything, reads included, is for owners and executive managers: a read
 * reveals the signing secret. PUT and DELETE answer the usual envelope with {@code data} null: a superset of the
 * documented {@code {success}}. Create answers 200, as §5 does not list it among the 201 creates. DELETE removes
 * the webhook for good (nothing in the reference suggests archiving).
 */
public final class WebhooksApi {

    /** §4 "Exceptions": 50 rows per page by default; the maximum is the usual 100. */
    static final int DEFAULT_PER_PAGE = 50;
    static final int MAX_URL = 2048;

    private final SandboxState state;
    private final Access access;

    public WebhooksApi(SandboxState state, Access access) {
        this.state = state;
        this.access = access;
    }

    public void register(Router router) {
        router.add("GET", "/webhooks", this::list)
                .add("POST", "/webhooks", (FormApiHandler) this::create)
                .add("GET", "/webhooks/{webhookId}", this::get)
                .add("PUT", "/webhooks/{webhookId}", (FormApiHandler) this::update)
                .add("DELETE", "/webhooks/{webhookId}", this::delete);
    }

    ApiResponse list(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        PageRequest page = PageRequest.parse(r, v, DEFAULT_PER_PAGE, PageRequest.MAX_PER_PAGE);
        return access.inWorkspace(r, scope, v, Access.WORKSPACE_ADMINS, "list webhooks", ws -> {
            v.throwIfInvalid();
            return page.respond("Webhooks retrieved successfully", state.webhooks(ws.id()), WebhooksApi::webhook);
        });
    }

    /** The same URL twice in a workspace would deliver every event twice, so it is taken (422). */
    ApiResponse create(ApiRequest r) {
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        String url = url(r.body(), v);
        List<String> events = events(r.body(), true, v);
        return access.inWorkspace(r, scope, v, Access.WORKSPACE_ADMINS, "create webhooks", ws -> {
            checkUrlFree(ws, url, null, v);
            v.throwIfInvalid();
            SandboxWebhook created = state.addWebhook(SandboxWebhook.of(ws.id(), url, events, r.callerId()));
            return ApiResponse.ok("Webhook created successfully", webhook(created));
        });
    }

    ApiResponse get(ApiRequest r) {
        String webhookId = r.pathParams().get("webhookId");
        Validation v = new Validation();
        return access.inWorkspace(r, Scope.of(r, v, false), v, Access.WORKSPACE_ADMINS, "read webhooks", ws ->
                ApiResponse.ok("Webhook retrieved successfully", webhook(webhook(ws, webhookId))));
    }

    /** The token stays: rotating a secret on every edit would break receivers without warning. */
    ApiResponse update(ApiRequest r) {
        String webhookId = r.pathParams().get("webhookId");
        Validation v = new Validation();
        Optional<Scope> scope = Scope.of(r, v, false);
        String url = url(r.body(), v);
        List<String> events = events(r.body(), false, v);
        return access.inWorkspace(r, scope, v, Access.WORKSPACE_ADMINS, "update webhooks", ws -> {
            SandboxWebhook current = webhook(ws, webhookId);
            checkUrlFree(ws, url, current.id(), v);
            v.throwIfInvalid();
            state.saveWebhook(current.withTarget(url, events != null ? events : current.events(), state.now()));
            return ApiResponse.message("Webhook updated successfully");
        });
    }

    ApiResponse delete(ApiRequest r) {
        String webhookId = r.pathParams().get("webhookId");
        Validation v = new Validation();
        return access.inWorkspace(r, Scope.of(r, v, false), v, Access.WORKSPACE_ADMINS, "delete webhooks", ws -> {
            state.removeWebhook(webhook(ws, webhookId).id());
            return ApiResponse.message("Webhook deleted successfully");
        });
    }

    private SandboxWebhook webhook(SandboxWorkspace ws, String webhookId) {
        return state.webhook(webhookId).filter(w -> w.workspaceId() == ws.id())
                .orElseThrow(() -> ApiException.notFound("Webhook"));
    }

    private void checkUrlFree(SandboxWorkspace ws, String url, String exceptId, Validation v) {
        if (url != null && state.webhooks(ws.id()).stream()
                .anyMatch(w -> w.url().equals(url) && !w.id().equals(exceptId))) {
            v.add("url", BodyFields.takenMessage("url"));
        }
    }

    /** Required; an absolute http or https URL with a host (Laravel's url rule, narrowed to web schemes). */
    private static String url(JsonNode body, Validation v) {
        String url = new BodyFields(body, v).text("url", true, MAX_URL);
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // falls through to the validation error
        }
        v.add("url", "The url format is invalid.");
        return null;
    }

    /**
     * An array of §8.1 event names; a comma-separated string is read as a list too, since a form may send
     * {@code events=a,b} rather than {@code events[]=a&events[]=b}. Duplicates collapse. Null when absent or
     * invalid; on update (not {@code required}) absence keeps the current events.
     */
    static List<String> events(JsonNode body, boolean required, Validation v) {
        JsonNode n = body.get("events");
        if (n == null && !required) {
            return null;
        }
        List<String> names = new ArrayList<>();
        if (n != null && n.isTextual()) {
            for (String part : n.asText().split(",")) {
                if (!part.isBlank()) {
                    names.add(part.trim());
                }
            }
        } else if (n != null && n.isArray()) {
            n.forEach(e -> names.add(e.isTextual() ? e.asText() : null));
        } else if (n != null && !n.isNull()) {
            v.add("events", Messages.array("events"));
            return null;
        }
        if (names.isEmpty()) {
            v.add("events", Messages.required("events"));
            return null;
        }
        boolean ok = true;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) == null || !SandboxWebhook.EVENTS.contains(names.get(i))) {
                v.add("events." + i, Messages.invalidChoice("events." + i));
                ok = false;
            }
        }
        return ok ? List.copyOf(new LinkedHashSet<>(names)) : null;
    }

    static ObjectNode webhook(SandboxWebhook w) {
        ObjectNode n = Json.object();
        n.put("id", w.id());
        n.put("url", w.url());
        ArrayNode events = n.putArray("events");
        w.events().forEach(events::add);
        n.put("token", w.token());
        return n;
    }
}
