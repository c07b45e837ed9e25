package io.github.camelwebwork.sandbox.http;

/** One operation of the API; throws {@link ApiException} for error answers. */
@FunctionalInterface
public interface ApiHandler {
    ApiResponse handle(ApiRequest request);
}
