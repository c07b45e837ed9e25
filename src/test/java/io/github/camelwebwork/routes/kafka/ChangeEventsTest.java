package io.github.camelwebwork.routes.kafka;

import io.github.camelwebwork.model.Task;
import io.github.camelwebwork.model.TimeEntry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The record a change becomes: JSON body, key, CloudEvents headers, a stable ce_id, tombstones for deletes. */
class ChangeEventsTest {

    private final CamelContext context = new DefaultCamelContext();
    private final ChangeEvents events = new ChangeEvents();

    @AfterEach
    void close() throws Exception {
        context.close();
    }

    private Exchange change(String type, Object body) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        exchange.getMessage().setHeader("CamelWebworkChangeType", type);
        exchange.getMessage().setHeader("CamelWebworkKey", "1:tasks:512");
        exchange.getMessage().setHeader("CamelWebworkResource", "tasks");
        exchange.getMessage().setHeader("CamelWebworkChangeTime", "2026-11-30T06:00:00Z");
        exchange.getMessage().setHeader("CamelWebworkWorkspaceId", 1L);
        return exchange;
    }

    private static Task task(String title) {
        Task task = Task.titled(title);
        task.setId(512L);
        task.setProjectId(100L);
        task.setPriority(20);
        return task;
    }

    @Test
    void aChangeBecomesJsonWithItsKeyAndCloudEventsHeaders() {
        Exchange exchange = change("CREATED", task("Write the report"));

        events.toCloudEvent(exchange);

        var m = exchange.getMessage();
        assertThat(m.getBody(String.class)).startsWith("{\"id\":512,\"title\":\"Write the report\"")
                .contains("\"project_id\":100").doesNotContain("projectId");
        assertThat(m.getHeader("kafka.KEY")).isEqualTo("1:tasks:512");
        assertThat(m.getHeader("ce_specversion")).isEqualTo("1.0");
        assertThat(m.getHeader("ce_type")).isEqualTo("io.github.camelwebwork.task.created");
        assertThat(m.getHeader("ce_source")).isEqualTo("webwork:workspace/1/tasks");
        assertThat(m.getHeader("ce_subject")).isEqualTo("512");
        assertThat(m.getHeader("ce_time")).isEqualTo("2026-11-30T06:00:00Z");
        assertThat(m.getHeader("ce_webworkworkspace")).isEqualTo("1");
        assertThat(m.getHeader("ce_webworkresource")).isEqualTo("tasks");
        assertThat(m.getHeader("content-type")).isEqualTo("application/json");
        assertThat(m.getHeader("ce_id", String.class)).matches("1:tasks:512/created/[0-9a-f]{32}");
    }

    @Test
    void theIdIsStableForTheSameChangeAndDiffersForAnotherVersionOrType() {
        Exchange first = change("UPDATED", task("Same"));
        Exchange again = change("UPDATED", task("Same"));
        again.getMessage().setHeader("CamelWebworkChangeTime", "2026-11-30T06:05:00Z");   // emitted again later
        Exchange edited = change("UPDATED", task("Edited"));
        Exchange deleted = change("DELETED", task("Same"));

        for (Exchange e : new Exchange[] { first, again, edited, deleted }) {
            events.toCloudEvent(e);
        }

        String id = first.getMessage().getHeader("ce_id", String.class);
        assertThat(again.getMessage().getHeader("ce_id")).isEqualTo(id);
        assertThat(edited.getMessage().getHeader("ce_id")).isNotEqualTo(id);
        assertThat(deleted.getMessage().getHeader("ce_id")).isNotEqualTo(id)
                .isEqualTo(id.replace("/updated/", "/deleted/"));
        assertThat(ChangeEvents.eventId("1:tasks:512", "UPDATED", first.getMessage().getBody(String.class)))
                .isEqualTo(id);
    }

    @Test
    void theStateRecordIsTheJsonForAnUpsertAndATombstoneForADelete() {
        Exchange updated = change("UPDATED", task("Kept"));
        Exchange deleted = change("DELETED", task("Gone"));
        events.toCloudEvent(updated);
        events.toCloudEvent(deleted);
        String json = updated.getMessage().getBody(String.class);

        events.toStateRecord(updated);
        events.toStateRecord(deleted);

        assertThat(updated.getMessage().getBody()).isEqualTo(json);
        assertThat(deleted.getMessage().getBody()).isNull();
        assertThat(deleted.getMessage().getHeader("content-type")).isNull();
        assertThat(deleted.getMessage().getHeader("ce_type")).isEqualTo("io.github.camelwebwork.task.deleted");
        assertThat(deleted.getMessage().getHeader("kafka.KEY")).isEqualTo("1:tasks:512");
    }

    @Test
    void typesAreNamedAfterTheSingularResource() {
        assertThat(ChangeEvents.eventType("time-entries", "CREATED"))
                .isEqualTo("io.github.camelwebwork.time-entry.created");
        assertThat(ChangeEvents.eventType("timesheets", "DELETED"))
                .isEqualTo("io.github.camelwebwork.timesheet.deleted");
        assertThat(ChangeEvents.eventType("project-viewers", "UPDATED"))
                .isEqualTo("io.github.camelwebwork.project-viewer.updated");
        assertThat(ChangeEvents.source("2", "time-entries")).isEqualTo("webwork:workspace/2/time-entries");
    }

    @Test
    void aTimeEntryIsWrittenWithItsWireNames() {
        TimeEntry entry = new TimeEntry();
        entry.setId("a1b2");
        entry.setUserId(103L);
        entry.setDurationMinutes(30);
        entry.setAdditionalProperty("new_field", "kept");

        assertThat(ChangeEvents.toJson(entry)).contains("\"id\":\"a1b2\"", "\"user_id\":103",
                "\"duration_minutes\":30", "\"new_field\":\"kept\"");
    }

    @Test
    void anExchangeThatIsNotAChangeIsRejected() {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody("{}");

        assertThatThrownBy(() -> events.toCloudEvent(exchange)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CamelWebworkChangeType");
        assertThatThrownBy(() -> ChangeEvents.toJson(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
