package io.github.camelwebwork.sandbox;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The OAuth2 side of H7/§3: registered clients, and the access tokens, refresh tokens and authorization codes
 * issued to them. Every token acts for its client's user. Lifetimes run on a monotonic nanosecond ticker, not on
 * the sandbox clock, so a test can let a token expire in milliseconds. Refresh tokens rotate as in Laravel
 * Passport: a refresh revokes the old refresh token and the access token issued with it.
 */
public final class OAuthTokens {

    /** Authorization codes live 10 minutes (Passport's default). */
    private static final long CODE_LIFETIME_NANOS = Duration.ofMinutes(10).toNanos();
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Client(String id, String secret, long userId) {
    }

    /** What a successful grant answers; {@code refreshToken} is null for client_credentials. */
    public record Issued(String accessToken, String refreshToken, long expiresInSeconds) {
    }

    private record Token(String clientId, long userId, long expiresAt, String pairedAccessToken) {
    }

    private record Code(String clientId, long userId, String redirectUri, long expiresAt) {
    }

    private final Map<String, Client> clients = new HashMap<>();
    private final Map<String, Token> accessTokens = new HashMap<>();
    private final Map<String, Token> refreshTokens = new HashMap<>();
    private final Map<String, Code> codes = new HashMap<>();
    private final Map<String, Integer> requestsByGrant = new TreeMap<>();
    private final Duration accessLifetime;
    private final Duration refreshLifetime;
    private final LongSupplier ticker;

    public OAuthTokens(Duration accessLifetime, Duration refreshLifetime, LongSupplier ticker) {
        this.accessLifetime = accessLifetime;
        this.refreshLifetime = refreshLifetime;
        this.ticker = ticker;
    }

    public synchronized void addClient(String clientId, String secret, long userId) {
        clients.put(Objects.requireNonNull(clientId), new Client(clientId, Objects.requireNonNull(secret), userId));
    }

    /** The client when the id is registered and the secret matches. */
    public synchronized Optional<Client> authenticate(String clientId, String secret) {
        Client client = clients.get(clientId);
        return client != null && client.secret().equals(secret) ? Optional.of(client) : Optional.empty();
    }

    /** The user an unexpired, unrevoked access token acts for. */
    public synchronized Optional<Long> userForAccessToken(String accessToken) {
        Token token = accessTokens.get(accessToken);
        if (token == null || expired(token.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(token.userId());
    }

    public synchronized Issued clientCredentials(Client client) {
        String access = newAccessToken(client);
        return new Issued(access, null, accessLifetime.toSeconds());
    }

    /** Rotates: the old refresh token (and the access token issued with it) stop working. */
    public synchronized Optional<Issued> refresh(Client client, String refreshToken) {
        Token old = refreshTokens.get(refreshToken);
        if (old == null || !old.clientId().equals(client.id())) {
            return Optional.empty();
        }
        refreshTokens.remove(refreshToken);
        if (old.pairedAccessToken() != null) {
            accessTokens.remove(old.pairedAccessToken());
        }
        if (expired(old.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(issuePair(client));
    }

    /** Single use; the redirect URI must be the one the code was issued for. */
    public synchronized Optional<Issued> exchangeCode(Client client, String code, String redirectUri) {
        Code stored = codes.get(code);
        if (stored == null || !stored.clientId().equals(client.id())) {
            return Optional.empty();
        }
        codes.remove(code);
        if (expired(stored.expiresAt()) || !stored.redirectUri().equals(redirectUri)) {
            return Optional.empty();
        }
        return Optional.of(issuePair(client));
    }

    /** A refresh token as the consent screen would give it, not paired with an access token. */
    public synchronized String issueRefreshToken(String clientId) {
        Client client = client(clientId);
        String token = "ort-" + random();
        refreshTokens.put(token, new Token(clientId, client.userId(), deadline(refreshLifetime), null));
        return token;
    }

    public synchronized String issueAuthorizationCode(String clientId, String redirectUri) {
        Client client = client(clientId);
        String code = "code-" + random();
        codes.put(code, new Code(clientId, client.userId(), Objects.requireNonNull(redirectUri),
                ticker.getAsLong() + CODE_LIFETIME_NANOS));
        return code;
    }

    /** Revokes every access and refresh token of the client (codes not yet exchanged too). */
    public synchronized void revoke(String clientId) {
        accessTokens.values().removeIf(t -> t.clientId().equals(clientId));
        refreshTokens.values().removeIf(t -> t.clientId().equals(clientId));
        codes.values().removeIf(c -> c.clientId().equals(clientId));
    }

    /** Counts one token request; {@code grantType} as sent, "" when missing. */
    public synchronized void countRequest(String grantType) {
        requestsByGrant.merge(grantType == null ? "" : grantType, 1, Integer::sum);
    }

    public synchronized Map<String, Integer> requestsByGrant() {
        return Map.copyOf(requestsByGrant);
    }

    private Issued issuePair(Client client) {
        String access = newAccessToken(client);
        String refresh = "ort-" + random();
        refreshTokens.put(refresh, new Token(client.id(), client.userId(), deadline(refreshLifetime), access));
        return new Issued(access, refresh, accessLifetime.toSeconds());
    }

    private String newAccessToken(Client client) {
        String token = "oat-" + random();
        accessTokens.put(token, new Token(client.id(), client.userId(), deadline(accessLifetime), null));
        return token;
    }

    private Client client(String clientId) {
        Client client = clients.get(clientId);
        if (client == null) {
            throw new IllegalArgumentException("no OAuth client " + clientId);
        }
        return client;
    }

    private long deadline(Duration lifetime) {
        return ticker.getAsLong() + lifetime.toNanos();
    }

    private boolean expired(long deadline) {
        return ticker.getAsLong() - deadline >= 0;
    }

    private static String random() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return SandboxSecrets.remember(HexFormat.of().formatHex(bytes));
    }
}
