package io.github.camelwebwork.sandbox.http;

/**
 * Validation messages in Laravel's wording (H6 infers a Laravel back end), e.g.
 * "The title field is required.". Attribute names are field names with spaces for underscores.
 */
public final class Messages {

    private Messages() {
    }

    public static String attribute(String field) {
        return field.replace('_', ' ');
    }

    public static String required(String field) {
        return "The " + attribute(field) + " field is required.";
    }

    public static String integer(String field) {
        return "The " + attribute(field) + " must be an integer.";
    }

    public static String string(String field) {
        return "The " + attribute(field) + " must be a string.";
    }

    public static String array(String field) {
        return "The " + attribute(field) + " must be an array.";
    }

    public static String invalidChoice(String field) {
        return "The selected " + attribute(field) + " is invalid.";
    }

    public static String maxCharacters(String field, int max) {
        return "The " + attribute(field) + " may not be greater than " + max + " characters.";
    }

    public static String minValue(String field, long min) {
        return "The " + attribute(field) + " must be at least " + min + ".";
    }

    public static String between(String field, long min, long max) {
        return "The " + attribute(field) + " must be between " + min + " and " + max + ".";
    }

    public static String dateFormat(String field) {
        return "The " + attribute(field) + " does not match the format Y-m-d.";
    }

    public static String afterOrEqual(String field, String other) {
        return "The " + attribute(field) + " must be a date after or equal to " + attribute(other) + ".";
    }

    public static String beforeOrEqual(String field, String other) {
        return "The " + attribute(field) + " must be a date before or equal to " + attribute(other) + ".";
    }
}
