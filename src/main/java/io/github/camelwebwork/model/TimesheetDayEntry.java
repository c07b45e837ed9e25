package io.github.camelwebwork.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One project's time on one day of a timesheet: an element of {@code daily_breakdown.<date>[]} (reference §7.9, G3).
 * {@code total_amount} is present only when rates are visible and may be a number or an object keyed by currency.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "project_id", "project_name", "contract_id", "total_minutes", "total_amount" })
public class TimesheetDayEntry extends AbstractProjectTotal {
}
