package io.github.camelwebwork.operation;

/** The value an endpoint option has (from its URI or the component), read without reflection. */
@FunctionalInterface
public interface ParameterSource {

    /** The option's value, or null when it is not set. */
    Object option(String name);

    /** The header that overrides an option for one message: {@code workspaceId} → {@code CamelWebworkWorkspaceId}. */
    static String headerFor(String option) {
        return "CamelWebwork" + Character.toUpperCase(option.charAt(0)) + option.substring(1);
    }
}
