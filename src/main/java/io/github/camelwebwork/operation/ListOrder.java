package io.github.camelwebwork.operation;

/** The order a list answers its records in, page after page. */
public enum ListOrder {
    /** Oldest first (ascending ids, or ascending creation times): new records are on the last page. */
    OLDEST_FIRST("oldest first"),
    /** Newest first: new records are on page 1. */
    NEWEST_FIRST("newest first");

    private final String text;

    ListOrder(String text) {
        this.text = text;
    }

    @Override
    public String toString() {
        return text;
    }
}
