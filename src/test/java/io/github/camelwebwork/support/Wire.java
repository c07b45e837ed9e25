package io.github.camelwebwork.support;

import io.github.camelwebwork.sandbox.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on the request the sandbox received. */
public final class Wire {

    private Wire() {
    }

    /** A GET: method, path under /api/v2, exact raw query, no body. */
    public static void get(RecordedRequest request, String path, String rawQuery) {
        assertThat(request.method() + " " + request.path()).isEqualTo("GET /api/v2" + path);
        assertThat(request.rawQuery()).isEqualTo(rawQuery);
        assertThat(request.body()).isEmpty();
        assertThat(request.header("Content-Type")).isNull();
    }

    /** A write: method, path under /api/v2, no query, the exact JSON body with Content-Type application/json. */
    public static void write(RecordedRequest request, String method, String path, String jsonBody) {
        assertThat(request.method() + " " + request.path()).isEqualTo(method + " /api/v2" + path);
        assertThat(request.rawQuery()).isNullOrEmpty();
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.body()).isEqualTo(jsonBody);
    }
}
