package io.github.camelwebwork.model;

/**
 * An enumeration the API transmits as a fixed string (roles, statuses, screenshot modes, webhook events, ...). Model
 * fields keep the raw string so an unknown value survives (house rule H4); the enumerations are for convenience
 * getters and request validation.
 */
public interface WireValue {

    /** The value exactly as the API spells it, e.g. "Regular User" or "tracker.started". */
    String wireValue();
}
