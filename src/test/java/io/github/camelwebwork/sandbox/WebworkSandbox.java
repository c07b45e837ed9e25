package io.github.camelwebwork.sandbox;

import com.sun.net.httpserver.HttpServer;
import io.github.camelwebwork.sandbox.api.SandboxApis;
import io.github.camelwebwork.sandbox.http.SandboxHttpHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In-process emulator of the WebWork Tracker REST API V2, written from the project's API reference
 * (webwork-api.md) only. Serves {@code http://127.0.0.1:<port>/api/v2} from an in-memory
 * {@link SandboxState}; records every request it receives.
 *
 * <pre>{@code
 * try (WebworkSandbox sandbox = WebworkSandbox.startDefault()) {
 *     // point the client at sandbox.baseUrl() with sandbox.token()
 * }
 * }</pre>
 */
public final class WebworkSandbox implements AutoCloseable {

    /** Maps to the seed's owner (user 100, Owner of workspace 1, in the default seed). */
    public static final String DEFAULT_TOKEN = "sandbox-owner-token";
    /** Maps to user 103, a Regular User of workspace 1 (registered by the default seed's "tokens"). */
    public static final String REGULAR_USER_TOKEN = "sandbox-regular-token";
    private static final int THREADS = 8;

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle plus the client's
        // delayed ACK adds ~40 ms to every response. Read once per JVM, so set before the first server.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SandboxState state;
    private final String ownerToken;
    private final List<RecordedRequest> requests = new ArrayList<>();
    private HttpServer server;
    private ExecutorService executor;

    private WebworkSandbox(SandboxState state, String ownerToken) {
        this.state = state;
        this.ownerToken = ownerToken;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static WebworkSandbox startDefault() {
        return builder().build().start();
    }

    /** Binds 127.0.0.1 on a free port and starts serving. */
    public synchronized WebworkSandbox start() {
        if (server != null) {
            throw new IllegalStateException("sandbox already started");
        }
        AtomicInteger threadNumber = new AtomicInteger();
        executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "webwork-sandbox-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot bind the sandbox", e);
        }
        server.createContext("/", new SandboxHttpHandler(SandboxApis.router(state), state, this::record));
        server.setExecutor(executor);
        server.start();
        return this;
    }

    /** {@code http://127.0.0.1:<port>/api/v2}, no trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + SandboxHttpHandler.BASE_PATH;
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("sandbox not started");
        }
        return server.getAddress().getPort();
    }

    public String token() {
        return ownerToken;
    }

    /** Every request received so far, in arrival order (a snapshot). */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public void clearRequests() {
        synchronized (requests) {
            requests.clear();
        }
    }

    public SandboxState state() {
        return state;
    }

    /** Stops the server at once; safe to call twice. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private void record(RecordedRequest request) {
        synchronized (requests) {
            requests.add(request);
        }
    }

    public static final class Builder {
        private String ownerToken = DEFAULT_TOKEN;
        private final Map<String, Long> extraTokens = new LinkedHashMap<>();
        private Seed seed;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The owner's token (default {@link #DEFAULT_TOKEN}); it maps to {@link Seed#primaryOwnerId()}. */
        public Builder token(String ownerToken) {
            this.ownerToken = ownerToken;
            return this;
        }

        /** Another token, mapped to a user of the seed (e.g. to test 403 for a non-owner role). */
        public Builder addToken(String token, long userId) {
            extraTokens.put(token, userId);
            return this;
        }

        /** Default: {@link Seed#defaultWorkspace()}. */
        public Builder seed(Seed seed) {
            this.seed = seed;
            return this;
        }

        public Builder seedFile(Path json) {
            return seed(Seed.fromJson(json));
        }

        /** The clock behind timestamps (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public WebworkSandbox build() {
            Seed chosen = seed != null ? seed : Seed.defaultWorkspace();
            SandboxState state = SandboxState.of(chosen, clock);
            chosen.primaryOwnerId().ifPresent(owner -> state.addToken(ownerToken, owner));
            extraTokens.forEach(state::addToken);
            return new WebworkSandbox(state, ownerToken);
        }
    }
}
