package io.github.camelwebwork.operation;

/**
 * What a state verb (approve, reject, submit, unsubmit) leads to: the record's {@code status} afterwards, and the
 * operation of the same resource that reads it back ({@code list}, filtered by {@code id}, or {@code get}).
 */
public record StateVerb(String targetStatus, String readOperation) {
}
