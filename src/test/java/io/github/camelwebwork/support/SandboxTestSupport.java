package io.github.camelwebwork.support;

import java.util.List;

import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.sandbox.RecordedRequest;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * A CamelContext whose webwork component points at a fresh, seeded WebWork sandbox (one per test). Workspace 1 and
 * project 100 are the defaults, as in the reference's wire examples.
 */
public abstract class SandboxTestSupport extends CamelTestSupport {

    protected WebworkSandbox sandbox;

    @Override
    protected void doPreSetup() throws Exception {
        sandbox = sandboxBuilder().build().start();
    }

    /** The sandbox of each test: the default one (60 requests a minute per user); override to change it. */
    protected WebworkSandbox.Builder sandboxBuilder() {
        return WebworkSandbox.builder();
    }

    /** The component's defaults; override to change them (rate limit, retries, ...). */
    protected void configure(WebworkComponent webwork) {
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        WebworkComponent webwork = new WebworkComponent();
        webwork.getConfiguration().setBaseUrl(sandbox.baseUrl());
        webwork.getConfiguration().setAccessToken(sandbox.token());
        configure(webwork);
        context.addComponent("webwork", webwork);
        return context;
    }

    @Override
    protected void doPostTearDown() throws Exception {
        if (context != null) {
            context.stop();                     // routes first: a consumer may still talk to the sandbox on stop
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** The requests the sandbox received, in order. */
    protected List<RecordedRequest> requests() {
        return sandbox.requests();
    }

    /** The one request the sandbox received since the last clear. */
    protected RecordedRequest onlyRequest() {
        List<RecordedRequest> requests = sandbox.requests();
        if (requests.size() != 1) {
            throw new AssertionError("Expected exactly one request, got " + requests.size() + ": " + requests);
        }
        return requests.get(0);
    }
}
