package io.github.camelwebwork.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One project (contract) of a user on one day of the tracked-hours report: an element of
 * {@code data.<date>.users[].projects[]} (reference §7.14). CONFIRMED: grouping by {@code user_id},
 * {@code project_id} and {@code contract_id}, minutes in {@code total_minutes}, {@code total_amount} as an object
 * keyed by currency code when rates are visible. INFERRED: that the group is a {@code projects[]} array and the name
 * {@code project_name}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "project_id", "project_name", "contract_id", "total_minutes", "total_amount" })
public class TrackedHoursProject extends AbstractProjectTotal {
}
