package io.github.camelwebwork.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.operation.ListOrder;

/**
 * The order one read of a list showed: its records in the order read (a record seen again because the pages shifted
 * is not given twice). Integer ids tell the order; where the ids are strings, {@code created_at} does. Public for the
 * live check, which reports the order the live API answers in by the same evidence.
 */
public final class OrderEvidence {

    private int pages;
    private int records;
    private boolean numericIds = true;
    private boolean idsUp = true;
    private boolean idsDown = true;
    private long firstId;
    private long lastId;
    private boolean createdKnown = true;
    private boolean createdUp = true;
    private boolean createdDown = true;
    private String firstCreated;
    private String lastCreated;
    /** The first two records in a row that break ascending and descending order, e.g. "734 after 912 (page 3)". */
    private String upBreak;
    private String downBreak;

    public void page() {
        pages++;
    }

    public int pages() {
        return pages;
    }

    public void record(JsonNode record) {
        JsonNode id = record.path("id");
        String created = record.path("created_at").asText(null);
        if (records == 0) {
            numericIds = id.canConvertToLong() && !id.isTextual();
            firstId = id.asLong();
            firstCreated = created;
        } else {
            numericIds &= id.canConvertToLong() && !id.isTextual();
            if (numericIds) {
                ids(id.asLong());
            }
            createdAt(created);
        }
        lastId = id.asLong();
        lastCreated = created;
        createdKnown &= created != null;
        records++;
    }

    private void ids(long id) {
        if (id <= lastId && idsUp) {
            idsUp = false;
            upBreak = "id " + id + " after " + lastId + " on page " + pages;
        }
        if (id >= lastId && idsDown) {
            idsDown = false;
            downBreak = "id " + id + " after " + lastId + " on page " + pages;
        }
    }

    /** ISO-8601 texts of one format compare as their instants do; of different lengths they tell nothing. */
    private void createdAt(String created) {
        if (created == null || lastCreated == null || created.length() != lastCreated.length()) {
            createdKnown = false;
            return;
        }
        int c = created.compareTo(lastCreated);
        if (c < 0 && createdUp) {
            createdUp = false;
            upBreak = upBreak != null ? upBreak : "created_at " + created + " after " + lastCreated + " on page "
                                                  + pages;
        }
        if (c > 0 && createdDown) {
            createdDown = false;
            downBreak = downBreak != null ? downBreak : "created_at " + created + " after " + lastCreated
                                                        + " on page " + pages;
        }
    }

    /** The order shown, or null: none (see {@link #unordered()}), or too little to tell. */
    public ListOrder order() {
        if (records < 2) {
            return null;
        }
        if (numericIds) {
            return idsUp ? ListOrder.OLDEST_FIRST : idsDown ? ListOrder.NEWEST_FIRST : null;
        }
        if (!createdKnown || createdUp && createdDown) {
            return null;                        // no key, or every record created at the same instant
        }
        return createdUp ? ListOrder.OLDEST_FIRST : createdDown ? ListOrder.NEWEST_FIRST : null;
    }

    /** Whether the records showed neither order (they do by their ids, or by their creation times). */
    public boolean unordered() {
        return records >= 2 && (numericIds ? !idsUp && !idsDown : createdKnown && !createdUp && !createdDown);
    }

    /** What was seen, for the log: "in no order (id 734 after 912 (page 3))", "newest first (ids 1499 to 500)". */
    public String describe(ListOrder expected) {
        ListOrder shown = order();
        String span = numericIds ? "ids " + firstId + " to " + lastId
                : "created_at " + firstCreated + " to " + lastCreated;
        String over = " over " + pages + (pages == 1 ? " page" : " pages");
        if (shown != null) {
            return shown + " (" + span + over + ")";
        }
        if (unordered()) {
            return "in no order (" + (expected == ListOrder.OLDEST_FIRST ? upBreak : downBreak) + ")";
        }
        return "in an order its records cannot tell (" + records + " records" + over
               + ", ids that are not numbers and no comparable created_at)";
    }
}
