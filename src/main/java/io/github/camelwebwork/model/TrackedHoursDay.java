package io.github.camelwebwork.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One date of the tracked-hours report: the value of a {@code data.<YYYY-MM-DD>} key (reference §7.14). CONFIRMED:
 * the date key and its {@code users} array; anything else sent at this level is kept in
 * {@link #getAdditionalProperties()}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({ "users" })
public class TrackedHoursDay extends WebworkModel {

    private List<TrackedHoursUser> users = new ArrayList<>();

    public List<TrackedHoursUser> getUsers() {
        return users;
    }

    public void setUsers(List<TrackedHoursUser> users) {
        this.users = users == null ? new ArrayList<>() : users;
    }

    @Override
    public String toString() {
        return "TrackedHoursDay[users=" + users + "]";
    }
}
