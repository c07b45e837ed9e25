package io.github.camelwebwork.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A webhook registration (reference §7.13). {@code id} is an encoded string (H10); {@code events} stay strings so an
 * event this version does not know survives, with {@link #getEventValues()} for the known ones. {@code token} is the
 * secret that authenticates deliveries (example prefix {@code whsec_}): {@link #toString()} never prints it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "id", "url", "events", "token" })
public class Webhook extends WebworkModel {

    private String id;
    private String url;
    private List<String> events = new ArrayList<>();
    private String token;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public List<String> getEvents() {
        return events;
    }

    public void setEvents(List<String> events) {
        this.events = events == null ? new ArrayList<>() : events;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    /** The events of {@link #getEvents()} that this version knows, in order; unknown names are left out. */
    @JsonIgnore
    public List<WebhookEvent> getEventValues() {
        return events.stream().map(WebhookEvent::fromWire).flatMap(Optional::stream).toList();
    }

    public void setEventValues(List<WebhookEvent> events) {
        this.events = events == null ? new ArrayList<>()
                : events.stream().map(WebhookEvent::wireValue).collect(Collectors.toList());
    }

    /** Names the id, URL and events; the token is a secret and is never printed. */
    @Override
    public String toString() {
        return "Webhook[id=" + id + ", url=" + url + ", events=" + events + ", token="
               + (token == null ? "none" : "<hidden>") + "]";
    }
}
