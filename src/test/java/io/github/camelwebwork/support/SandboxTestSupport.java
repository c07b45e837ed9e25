package io.github.camelwebwork.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.sandbox.RecordedRequest;
import io.github.camelwebwork.sandbox.TimeSeed;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * A CamelContext whose webwork component points at a fresh, seeded WebWork sandbox (one per test). Workspace 1 and
 * project 100 are the defaults, as in the reference's wire examples.
 */
public abstract class SandboxTestSupport extends CamelTestSupport {

    protected WebworkSandbox sandbox;

    @Override
    protected void doPreSetup() throws Exception {
        sandbox = sandboxBuilder().clock(clock()).build().start();
    }

    private final Clock clock = stoppedNow();

    /**
     * The sandbox of each test: the default one (60 requests a minute per user); override to change it. Its clock is
     * always {@link #clock()}.
     */
    protected WebworkSandbox.Builder sandboxBuilder() {
        return WebworkSandbox.builder();
    }

    /**
     * The clock of the sandbox (by which the seed dates its time data) and of the component (its today and now):
     * by default one {@link #stoppedNow() stopped} at the instant the test was made, so that the seed, the component
     * and the test's own dates agree even when a test runs across midnight. A test takes its dates from this clock,
     * in the seed's week zone ({@link TimeSeed#lastWeekMonday(Clock)}) or the zone it names; a test that needs a
     * particular instant overrides it.
     */
    protected Clock clock() {
        return clock;
    }

    /**
     * A clock standing at the instant it is made, so that the seed, the component and the test agree on "today" even
     * when the test runs across midnight.
     */
    protected static Clock stoppedNow() {
        return Clock.fixed(Instant.now(), ZoneOffset.UTC);
    }

    /**
     * A graceful stop waits up to a minute for the exchanges in flight (Camel's test default is 10 s): on a busy
     * machine a retried call takes longer, and a forced stop interrupts it and prints traces nobody asked for.
     */
    @Override
    public void configureContext(CamelContextConfiguration configuration) {
        super.configureContext(configuration);
        configuration.withShutdownTimeout(60);
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
        webwork.setClock(clock());
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
