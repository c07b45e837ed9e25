package io.github.camelwebwork.operation;

/**
 * How a call's answer is read: the body's form, and whether a model mismatch fails the call ({@code strictModels}).
 * The six combinations are constants, so that choosing one per message allocates nothing.
 */
public record Reading(OutputType output, boolean strict) {

    public static final Reading DEFAULT = new Reading(OutputType.MODEL, false);

    private static final Reading[] ALL = {
            DEFAULT, new Reading(OutputType.MODEL, true),
            new Reading(OutputType.MAP, false), new Reading(OutputType.MAP, true),
            new Reading(OutputType.JSON, false), new Reading(OutputType.JSON, true) };

    public static Reading of(OutputType output, boolean strict) {
        return ALL[output.ordinal() * 2 + (strict ? 1 : 0)];
    }
}
