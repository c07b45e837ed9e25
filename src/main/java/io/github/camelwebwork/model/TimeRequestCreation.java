package io.github.camelwebwork.model;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The {@code data} of {@code POST /time-requests} in G3: the new request's encrypted id and status (§7.10). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "id", "status" })
public class TimeRequestCreation extends WebworkModel {

    private String id;
    private String status;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    /** {@link #getStatus()} as a {@link TimeRequestStatus}; empty when absent or not a value this version knows. */
    @JsonIgnore
    public Optional<TimeRequestStatus> getStatusValue() {
        return TimeRequestStatus.fromWire(status);
    }

    public void setStatusValue(TimeRequestStatus status) {
        this.status = status == null ? null : status.wireValue();
    }

    @Override
    public String toString() {
        return "TimeRequestCreation[id=" + id + ", status=" + status + "]";
    }
}
