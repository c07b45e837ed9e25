package io.github.camelwebwork.model;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A leave policy: an element of {@code GET /leaves/policies} (reference §7.11; path and fields INFERRED, the page was
 * not seen). {@code is_paid} may be a boolean or {@code yes}/{@code no} and {@code allowance} a number or text, so
 * both are kept as JSON; {@link #getIsPaidValue()} reads either form of {@code is_paid}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "id", "name", "is_paid", "unit", "allowance" })
public class LeavePolicy extends WebworkModel {

    private Long id;
    private String name;
    private JsonNode isPaid;
    private String unit;
    @JsonAlias({ "allowance_per_year" })
    private JsonNode allowance;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public JsonNode getIsPaid() {
        return isPaid;
    }

    public void setIsPaid(JsonNode isPaid) {
        this.isPaid = isPaid;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public JsonNode getAllowance() {
        return allowance;
    }

    public void setAllowance(JsonNode allowance) {
        this.allowance = allowance;
    }

    /** {@code is_paid} as a boolean: true, false, "yes", "no", 1 or 0; empty when absent or another value. */
    @JsonIgnore
    public Optional<Boolean> getIsPaidValue() {
        if (isPaid == null || isPaid.isNull()) {
            return Optional.empty();
        }
        if (isPaid.isBoolean()) {
            return Optional.of(isPaid.booleanValue());
        }
        if (isPaid.isIntegralNumber()) {
            int v = isPaid.intValue();
            return v == 0 || v == 1 ? Optional.of(v == 1) : Optional.empty();
        }
        if (isPaid.isTextual()) {
            return PaidFilter.fromWire(isPaid.textValue().trim().toLowerCase(Locale.ROOT))
                    .map(p -> p == PaidFilter.YES);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "LeavePolicy[id=" + id + ", name=" + name + ", isPaid=" + isPaid + ", unit=" + unit + "]";
    }
}
