package io.github.camelwebwork.operation;

/**
 * A parameter of an operation: its wire field, where it travels, and the endpoint option (and so the
 * {@code CamelWebwork<Option>} header) that can supply it; {@code option} is null for fields only a body gives.
 */
public record Param(Field field, Location location, String option) {

    public String wireName() {
        return field.wireName();
    }

    public boolean hasOption() {
        return option != null;
    }
}
