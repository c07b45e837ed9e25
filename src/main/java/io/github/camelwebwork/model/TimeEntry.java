package io.github.camelwebwork.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A time entry (reference §7.8, G3 only). {@code id} is an encrypted UUID string (H10); {@code start_time} and
 * {@code end_time} are ISO date-times in answers but {@code HH:mm} clock times in a create or update, and stay strings.
 * {@code notes} is the request field of a create or update (answers carry {@code activity_description}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "id", "user_id", "contract_id", "project_id", "project_name", "task_id", "task_title",
        "activity_description", "notes", "method", "date", "start_time", "end_time", "duration_minutes" })
public class TimeEntry extends AbstractTimeEntry {

    private String id;
    private String notes;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    @Override
    public String toString() {
        return "TimeEntry[id=" + id + ", userId=" + getUserId() + ", date=" + getDate() + ", durationMinutes="
               + getDurationMinutes() + "]";
    }
}
