package io.github.camelwebwork.support;

import java.util.function.Supplier;

import io.github.camelwebwork.sandbox.WebworkSandbox;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh sandbox for each test, started before it and closed after it, for tests that talk to the sandbox without a
 * CamelContext (those with one extend {@link SandboxTestSupport}). The test class says how its sandbox starts, with
 * its own seed, clock and tokens:
 *
 * <pre>
 * &#64;RegisterExtension
 * final SandboxExtension sandbox = new SandboxExtension(() -&gt; TimeSandbox.start(clock));
 * </pre>
 *
 * Register it on an instance field, so that the start can use the test's own fields (a movable clock, a ticker).
 */
public final class SandboxExtension implements BeforeEachCallback, AfterEachCallback, Supplier<WebworkSandbox> {

    private final Supplier<WebworkSandbox> start;
    private WebworkSandbox sandbox;

    public SandboxExtension(Supplier<WebworkSandbox> start) {
        this.start = start;
    }

    /** A sandbox started from {@code builder} for each test. */
    public static SandboxExtension of(WebworkSandbox.Builder builder) {
        return new SandboxExtension(() -> builder.build().start());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        sandbox = start.get();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }

    /** The sandbox of the running test. */
    @Override
    public WebworkSandbox get() {
        if (sandbox == null) {
            throw new IllegalStateException("no sandbox outside a test: the extension starts one before each test");
        }
        return sandbox;
    }
}
