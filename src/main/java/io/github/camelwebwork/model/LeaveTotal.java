package io.github.camelwebwork.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A leave's {@code total}: its length in days and hours (reference §7.11; a v1 field, INFERRED still present). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "days", "hours" })
public class LeaveTotal extends WebworkModel {

    private BigDecimal days;
    private BigDecimal hours;

    public BigDecimal getDays() {
        return days;
    }

    public void setDays(BigDecimal days) {
        this.days = days;
    }

    public BigDecimal getHours() {
        return hours;
    }

    public void setHours(BigDecimal hours) {
        this.hours = hours;
    }

    @Override
    public String toString() {
        return "LeaveTotal[days=" + days + ", hours=" + hours + "]";
    }
}
