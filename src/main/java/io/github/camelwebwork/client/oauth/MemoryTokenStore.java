package io.github.camelwebwork.client.oauth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps tokens in memory only: a restart starts again from the configured refresh token. */
public final class MemoryTokenStore implements TokenStore {

    private final Map<String, OAuth2Tokens> tokens = new ConcurrentHashMap<>();

    @Override
    public Optional<OAuth2Tokens> load(String key) {
        return Optional.ofNullable(tokens.get(key));
    }

    @Override
    public void save(String key, OAuth2Tokens value) {
        tokens.put(key, value);
    }

    @Override
    public String toString() {
        return "MemoryTokenStore";
    }
}
