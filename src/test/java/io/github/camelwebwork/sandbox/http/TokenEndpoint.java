package io.github.camelwebwork.sandbox.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.sandbox.OAuthTokens;
import io.github.camelwebwork.sandbox.OAuthTokens.Client;
import io.github.camelwebwork.sandbox.OAuthTokens.Issued;
import io.github.camelwebwork.sandbox.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * H7's token endpoint, {@code POST /oauth/token}: a form-encoded body, client credentials as HTTP Basic or as
 * {@code client_id}/{@code client_secret} fields, and RFC 6749 §5 answers (errors per §5.2, not the API's
 * envelope). Not rate-limited: H5's budget covers the API.
 */
public final class TokenEndpoint {

    public static final String PATH = "/oauth/token";
    private static final Map<String, String> NO_STORE = Map.of("Cache-Control", "no-store", "Pragma", "no-cache");

    private final OAuthTokens tokens;

    public TokenEndpoint(OAuthTokens tokens) {
        this.tokens = tokens;
    }

    public HttpAnswer handle(RecordedRequest request) {
        if (!request.method().equals("POST")) {
            return error(405, "invalid_request", "The token endpoint takes POST.", Map.of("Allow", "POST"));
        }
        String contentType = request.header("Content-Type");
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/x-www-form-urlencoded")) {
            tokens.countRequest(null);
            return error(400, "invalid_request", "Send the parameters form-encoded.", Map.of());
        }
        Map<String, List<String>> form;
        try {
            form = QueryString.parse(request.body());
        } catch (IllegalArgumentException e) {
            tokens.countRequest(null);
            return error(400, "invalid_request", "Malformed form body.", Map.of());
        }
        String grantType = field(form, "grant_type");
        tokens.countRequest(grantType);
        if (grantType == null) {
            return error(400, "invalid_request", "The grant_type parameter is missing.", Map.of());
        }
        if (!List.of("client_credentials", "refresh_token", "authorization_code").contains(grantType)) {
            return error(400, "unsupported_grant_type", "The authorization grant type is not supported.", Map.of());
        }
        boolean basic = request.header("Authorization") != null;
        Optional<Client> client = client(request, form);
        if (client.isEmpty()) {
            return error(401, "invalid_client", "Client authentication failed.",
                    basic ? Map.of("WWW-Authenticate", "Basic realm=\"oauth\"") : Map.of());
        }
        return switch (grantType) {
            case "client_credentials" -> issued(tokens.clientCredentials(client.get()));
            case "refresh_token" -> refresh(client.get(), field(form, "refresh_token"));
            default -> exchange(client.get(), field(form, "code"), field(form, "redirect_uri"));
        };
    }

    private HttpAnswer refresh(Client client, String refreshToken) {
        if (refreshToken == null) {
            return error(400, "invalid_request", "The refresh_token parameter is missing.", Map.of());
        }
        return tokens.refresh(client, refreshToken).map(TokenEndpoint::issued)
                .orElseGet(() -> error(400, "invalid_grant", "The refresh token is invalid.", Map.of()));
    }

    private HttpAnswer exchange(Client client, String code, String redirectUri) {
        if (code == null || redirectUri == null) {
            return error(400, "invalid_request", "The code and redirect_uri parameters are required.", Map.of());
        }
        return tokens.exchangeCode(client, code, redirectUri).map(TokenEndpoint::issued)
                .orElseGet(() -> error(400, "invalid_grant", "The authorization code is invalid.", Map.of()));
    }

    /** RFC 6749 §2.3.1: Basic carries form-encoded id and secret. */
    private Optional<Client> client(RecordedRequest request, Map<String, List<String>> form) {
        String authorization = request.header("Authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                return Optional.empty();
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            return tokens.authenticate(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
        }
        String id = field(form, "client_id");
        String secret = field(form, "client_secret");
        return id == null || secret == null ? Optional.empty() : tokens.authenticate(id, secret);
    }

    private static HttpAnswer issued(Issued issued) {
        ObjectNode body = Json.object();
        body.put("token_type", "Bearer");
        body.put("expires_in", issued.expiresInSeconds());
        body.put("access_token", issued.accessToken());
        if (issued.refreshToken() != null) {
            body.put("refresh_token", issued.refreshToken());
        }
        return HttpAnswer.json(200, body, NO_STORE);
    }

    /** RFC 6749 §5.2. */
    public static HttpAnswer error(int status, String error, String description, Map<String, String> headers) {
        ObjectNode body = Json.object();
        body.put("error", error);
        body.put("error_description", description);
        return HttpAnswer.json(status, body, NO_STORE).withHeaders(headers);
    }

    private static String field(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }
}
