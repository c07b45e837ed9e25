package io.github.camelwebwork.model;

/** An enumeration the API transmits as an integer code (task status and priority). */
public interface CodedValue {

    int code();

    /** The name the WebWork UI shows, e.g. "Doing". */
    String label();
}
