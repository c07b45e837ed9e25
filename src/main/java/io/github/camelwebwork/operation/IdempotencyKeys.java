package io.github.camelwebwork.operation;

/**
 * Where the idempotency keys of creates are kept (the component adapts Camel's {@code IdempotentRepository}): a key
 * is added before its create is sent, confirmed when the create is known to have taken effect, and removed when it
 * certainly did not, so that a redelivery sends it again.
 */
public interface IdempotencyKeys {

    /** Records {@code key}; false when it was there already (a redelivery). */
    boolean add(String key);

    void confirm(String key);

    void remove(String key);
}
