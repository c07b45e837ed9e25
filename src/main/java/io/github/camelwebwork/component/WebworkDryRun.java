package io.github.camelwebwork.component;

import java.util.Map;

/**
 * The request a webwork: producer would send, returned instead of sending it when dryRun is on: method, full URL,
 * headers (the token masked) and the exact JSON body (null when none).
 */
public record WebworkDryRun(String method, String url, Map<String, String> headers, String body) {

    /** What stands in the Authorization header for the token. */
    public static final String MASKED_AUTHORIZATION = "Bearer xxxxxx";

    @Override
    public String toString() {
        return method + " " + url + (body == null ? "" : " " + body);
    }
}
