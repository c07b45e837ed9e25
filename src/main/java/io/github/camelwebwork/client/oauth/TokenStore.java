package io.github.camelwebwork.client.oauth;

import java.util.Optional;

/**
 * Keeps the latest OAuth2 tokens of a credential across restarts. A WebWork refresh token rotates on every use
 * (house rule H7), so the one the component was configured with stops working after the first refresh: the store is
 * what the next start reads. Implementations must write atomically and must not log the tokens.
 */
public interface TokenStore {

    /** The tokens saved under {@code key} (a non-secret credential key), if any. */
    Optional<OAuth2Tokens> load(String key);

    void save(String key, OAuth2Tokens tokens);
}
