package io.github.camelwebwork.livecheck;

/** What the live API said about a fact the project relies on. */
public enum Verdict {
    /** The answers agree with the fact. */
    CONFIRMED,
    /** The answers contradict it: the report shows the request and an excerpt of the answer. */
    REFUTED,
    /** Nothing this run could send tells (no record to read, a read-only run, a check that would cost the budget). */
    NOT_CHECKABLE
}
