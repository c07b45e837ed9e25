package io.github.camelwebwork.support;

import java.time.Duration;

import io.github.camelwebwork.client.Sha256;
import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.sandbox.WebworkSandbox;

/** A webwork component that calls a sandbox with its owner's token and a rate budget of its own setting. */
public final class BudgetedComponent {

    private BudgetedComponent() {
    }

    public static WebworkComponent of(WebworkSandbox sandbox, int limit, Duration window) {
        WebworkComponent webwork = new WebworkComponent();
        webwork.getConfiguration().setBaseUrl(sandbox.baseUrl());
        webwork.getConfiguration().setAccessToken(sandbox.token());
        webwork.getConfiguration().setRateLimit(limit);
        webwork.getConfiguration().setRateLimitWindow(window.toMillis());
        return webwork;
    }

    /** The key under which a component keeps the budget of the sandbox's owner token in a budget store. */
    public static String storeKey(WebworkSandbox sandbox) {
        return "webwork-" + Sha256.hex(sandbox.baseUrl() + " token-" + Sha256.hex(sandbox.token(), 8), 16);
    }
}
