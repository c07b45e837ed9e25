package io.github.camelwebwork.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The {@code data} of the {@code POST /time-entries} answer (reference §7.8): what was saved. The answer's top-level
 * {@code saved_minutes} (possibly less than asked because of limits or overlaps) and {@code message} are outside
 * {@code data} and are not part of this model. Fields after {@code method} are INFERRED from the TimeEntry fields
 * (the page lists "..." after it).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "user_id", "contract_id", "project_id", "project_name", "task_id", "task_title",
        "activity_description", "method", "date", "start_time", "end_time", "duration_minutes" })
public class TimeEntryCreation extends AbstractTimeEntry {

    @Override
    public String toString() {
        return "TimeEntryCreation[userId=" + getUserId() + ", projectId=" + getProjectId() + ", date=" + getDate()
               + ", durationMinutes=" + getDurationMinutes() + "]";
    }
}
