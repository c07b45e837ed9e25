package io.github.camelwebwork.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.github.camelwebwork.client.WebworkJson;

/**
 * One webhook delivery (house rule H9, reference §8.1): {@code {id, event, workspace_id, created_at, data}}.
 * {@code data} is the Member, Project or Task for {@code member.*}, {@code project.*} and {@code task.*} events and
 * the tracker session for {@code tracker.*}; {@link #dataAs(Class)} reads it as one.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "id", "event", "workspace_id", "created_at", "data" })
public class WebhookPayload extends WebworkModel {

    private static final ObjectMapper MAPPER = WebworkJson.newMapper();

    private String id;
    private String event;
    private Long workspaceId;
    private String createdAt;
    private JsonNode data;

    /** The delivery id (the same on every retry of a delivery). */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** The event name, e.g. {@code tracker.started}. */
    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    public Long getWorkspaceId() {
        return workspaceId;
    }

    public void setWorkspaceId(Long workspaceId) {
        this.workspaceId = workspaceId;
    }

    public String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }

    public JsonNode getData() {
        return data;
    }

    public void setData(JsonNode data) {
        this.data = data;
    }

    /** {@code data} as a model: {@code Task.class} for task events, {@code Member.class}, {@code Project.class}. */
    public <T> T dataAs(Class<T> type) {
        return data == null || data.isNull() ? null : MAPPER.convertValue(data, type);
    }

    @Override
    public String toString() {
        return "WebhookPayload[id=" + id + ", event=" + event + ", workspaceId=" + workspaceId + "]";
    }
}
