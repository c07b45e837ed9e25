package io.github.camelwebwork.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.camelwebwork.sandbox.api.SandboxApis;
import io.github.camelwebwork.sandbox.api.WebhookEvents;
import io.github.camelwebwork.sandbox.http.RateLimiter;
import io.github.camelwebwork.sandbox.http.SandboxHttpHandler;
import io.github.camelwebwork.sandbox.http.TokenEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * In-process emulator of the WebWork Tracker REST API V2, written from the project's API reference
 * (webwork-api.md) only. Serves {@code http://127.0.0.1:<port>/api/v2} from an in-memory
 * {@link SandboxState}; records every request it receives.
 *
 * <p><b>Rate limit (H5).</b> On by default: 60 requests per minute per authenticated <em>user</em> (two tokens of
 * one user, static or OAuth, share a budget; requests without a valid token share one budget per client
 * address). The window slides: a request is admitted when fewer than the limit were admitted in the last window
 * length. Every answer of the API, errors included, carries {@code X-RateLimit-Limit} and
 * {@code X-RateLimit-Remaining}; a refused request gets 429 "Too Many Attempts." with {@code Retry-After} (whole
 * seconds until the window frees a slot, rounded up, at least 1) and {@code Retry-After-Millis} (the exact wait;
 * sandbox-only, so that tests with scaled-down windows stay fast). Refused requests do not use up the budget.
 *
 * <p><b>List order.</b> Every list answers ascending (by id; lists of string ids in the order of creation) unless
 * {@link Builder#listOrder} or {@link #listOrder(ListOrder)} says otherwise: descending, or shuffled per request.
 *
 * <p><b>Faults.</b> A {@link FaultPlan} injects deterministic failures, see {@link FaultKind}. A request over the
 * rate limit is refused before any fault is drawn.
 *
 * <p><b>OAuth2 (H7).</b> {@code POST /oauth/token} on the same server ({@link #tokenUrl()}), for the clients
 * registered with {@link Builder#oauthClient}; the tokens it issues are bearer tokens of the API acting for the
 * client's user. Access and refresh token lifetimes run on a monotonic ticker ({@link Builder#ticker}).
 *
 * <p><b>Webhook deliveries (H9, §8.1).</b> Events caused through the API are POSTed to every webhook of the
 * workspace that subscribes to them, signed with the webhook's token, asynchronously and with retries; see
 * {@link #deliveries()}, {@link #awaitDeliveriesIdle}, {@link #redeliver}, {@link #emit} and the builder's
 * {@code webhook*} and {@link Builder#duplicateDeliveries} options. What fires when:
 * <ul>
 *   <li>{@code tracker.started} / {@code tracker.stopped}: POST /time-tracking/start and /stop, and
 *   {@code tracker.stopped} also when PUT /contracts pauses, or DELETE /contracts deletes, the contract a tracker
 *   runs on (the tracker really stops then). Data: {@code user_id, contract_id, project_id, task_id,
 *   activity_description, start_time}, plus {@code end_time} on {@code tracker.stopped} only.</li>
 *   <li>{@code member.invited}: POST /members (re-inviting a member who has left included);
 *   {@code member.updated}: PUT /members/{id}; {@code member.archived}: DELETE /members/{id}, which archives
 *   (status "left"), so {@code member.deleted} never fires from the API; {@code member.activated}:
 *   {@link #acceptInvitation} (the invitee accepting; no API call does it). Data: the Member.</li>
 *   <li>{@code project.created|updated|deleted}: POST, PUT, DELETE /projects (DELETE archives; its data has
 *   {@code deleted_at} set). Data: the Project.</li>
 *   <li>{@code task.updated}: PUT /tasks/{id}, and assign/unassign when they change the assignees (the Task's
 *   {@code assignees} changes; an already-assigned user changes nothing and fires nothing). Creating and deleting
 *   tasks fire nothing: §8.1 knows no such event. Data: the Task.</li>
 * </ul>
 * Member and Project data are rendered as the sandbox's GET answers the webhook's creator (rate fields only if the
 * creator may see rates); Task data as GET /tasks/{id} answers. Every successful write fires, even one that changed
 * no field (it still moves updated_at). Changes made directly on {@link #state()} (seeding, test set-up) fire
 * nothing; {@link #emit} fires any event by hand.
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
    private final List<AtomicReference<RecordedRequest>> requests = new ArrayList<>();
    private final RateLimiter rateLimiter;
    private final OAuthTokens oauth;
    private final AtomicReference<FaultDraws> faults = new AtomicReference<>();
    private final Map<FaultKind, Integer> faultsInjected = new EnumMap<>(FaultKind.class);
    private final WebhookSender webhooks;
    private final AtomicReference<ListOrder> listOrder;
    private final Deviations deviations;
    private final AtomicReference<Set<Drift>> drift = new AtomicReference<>(Drift.none());
    private HttpServer server;
    private ExecutorService executor;

    private WebworkSandbox(SandboxState state, String ownerToken, RateLimiter rateLimiter, OAuthTokens oauth,
                           FaultPlan faultPlan, WebhookSender webhooks, ListOrder listOrder, Deviations deviations) {
        this.state = state;
        this.deviations = deviations;
        this.listOrder = new AtomicReference<>(deviations.listOrder(listOrder));
        this.ownerToken = ownerToken;
        this.rateLimiter = rateLimiter;
        this.oauth = oauth;
        this.webhooks = webhooks;
        if (faultPlan != null) {
            faults(faultPlan);
        }
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
        SandboxHttpHandler.Traffic traffic = new SandboxHttpHandler.Traffic(this::userForToken, rateLimiter,
                new SandboxHttpHandler.FaultSource() {
                    @Override
                    public SandboxHttpHandler.Injection next(String method, String path) {
                        return nextFault(method, path);
                    }

                    @Override
                    public boolean drawnOnArrival() {
                        FaultDraws draws = faults.get();
                        return draws != null && draws.plan().weights().getOrDefault(FaultKind.LATE_ARRIVAL, 0.0) > 0;
                    }
                }, new TokenEndpoint(oauth), listOrder::get, deviations);
        server.createContext("/", new SandboxHttpHandler(SandboxApis.router(state, webhooks)
                .wrapped(h -> Drift.wrap(h, drift)), state, this::record, traffic));
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

    /** {@code http://127.0.0.1:<port>/oauth/token}: H7's token endpoint. */
    public String tokenUrl() {
        return "http://127.0.0.1:" + port() + TokenEndpoint.PATH;
    }

    /**
     * Every request received so far, in arrival order (a snapshot), each with its outcome once answered
     * ({@link RecordedRequest#status()}, {@link RecordedRequest#fault()}); 429s of the rate limit included.
     */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return requests.stream().map(AtomicReference::get).toList();
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

    /** Stops the server at once, and webhook sending (scheduled retries are dropped); safe to call twice. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
        webhooks.close();
    }

    /** From the next list request on, lists answer in {@code order} (a shuffled order starts its count again). */
    public WebworkSandbox listOrder(ListOrder order) {
        listOrder.set(order);
        return this;
    }

    // ---- webhook deliveries (H9, §8.1) ------------------------------------------------------------------------

    /** Every delivery created so far, in creation order, each with its attempts so far (a snapshot). */
    public List<WebhookDelivery> deliveries() {
        return webhooks.deliveries();
    }

    /**
     * Waits until no delivery has a send scheduled or in flight (retries, duplicate sends and redeliveries
     * included); false if that did not happen within {@code max}. True at once after {@link #close()}.
     */
    public boolean awaitDeliveriesIdle(Duration max) {
        try {
            return webhooks.awaitIdle(max);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Sends an existing delivery once more (same id, same body, fresh timestamp and signature), whatever its
     * state; this extra send is not retried. Nothing is sent if its webhook has been deleted meanwhile.
     *
     * @throws IllegalArgumentException for an unknown delivery id
     */
    public void redeliver(String deliveryId) {
        webhooks.redeliver(deliveryId);
    }

    /**
     * The {@code X-Webwork-Signature} the sandbox's deliveries carry (§8): for a test that posts a delivery of its own,
     * signed with a webhook's token or, to be refused, with another.
     */
    public static String signature(String token, long timestamp, String body) {
        return WebhookSender.signature(token, timestamp, body);
    }

    /**
     * Fires {@code event} in a workspace as if it had happened, with {@code data} as the body's {@code data}: one
     * delivery per webhook that subscribes to it. Returns the first delivery's id ({@link #deliveries()} lists the
     * others), or null when no webhook subscribes.
     *
     * @throws IllegalArgumentException for an event outside {@link SandboxWebhook#EVENTS} or an unknown workspace
     */
    public String emit(long workspaceId, String event, JsonNode data) {
        return webhooks.emit(workspaceId, event, data);
    }

    /**
     * The invitee accepts their invitation (no API call does this): the "inactive" member becomes active, and
     * {@code member.activated} fires with the Member.
     *
     * @throws IllegalArgumentException when the user has no pending invitation in the workspace
     */
    public SandboxMember acceptInvitation(long workspaceId, long userId) {
        return state.atomically(() -> {
            SandboxMember activated = state.acceptInvitation(workspaceId, userId);
            webhooks.fire(workspaceId, "member.activated", WebhookEvents.member(state, activated));
            return activated;
        });
    }

    // ---- rate limit (H5) --------------------------------------------------------------------------

    /** The most requests of one user the rate limit admitted within one window so far: how close clients came. */
    public int busiestWindow() {
        return rateLimiter == null ? 0 : rateLimiter.busiestWindow();
    }

    /** Requests answered 429 by the rate limit (injected 429s are not counted). */
    public int rateLimitedCount() {
        return rateLimiter == null ? 0 : rateLimiter.refused();
    }

    /**
     * Requests that arrived when their user's window was already full. Each was answered 429, so this equals
     * {@link #rateLimitedCount()}; a client that keeps to the budget leaves it at 0.
     */
    public int overLimitCount() {
        return rateLimitedCount();
    }

    /** Empties every window, e.g. after a set-up phase (the counts stay). */
    public void resetRateLimits() {
        if (rateLimiter != null) {
            rateLimiter.reset();
        }
    }

    /** Answers drifted by these cases from now on (none: as the reference says); see {@link Drift}. */
    public WebworkSandbox drift(Drift... cases) {
        Set<Drift> set = Drift.none();
        set.addAll(List.of(cases));
        drift.set(set);
        return this;
    }

    // ---- faults -----------------------------------------------------------------------------------

    /** Replaces the fault plan; its draws start from its seed again. */
    public WebworkSandbox faults(FaultPlan plan) {
        faults.set(plan.start());
        return this;
    }

    public WebworkSandbox clearFaults() {
        faults.set(null);
        return this;
    }

    /** How many faults of each kind were injected since start (across plans); kinds never injected are absent. */
    public Map<FaultKind, Integer> faultsInjected() {
        synchronized (faultsInjected) {
            return Map.copyOf(faultsInjected);
        }
    }

    // ---- OAuth2 (H7) ------------------------------------------------------------------------------

    /** A refresh token for a registered client, as the consent screen would give it. */
    public String issueRefreshToken(String clientId) {
        return oauth.issueRefreshToken(clientId);
    }

    /** A single-use authorization code for a registered client, bound to {@code redirectUri}. */
    public String issueAuthorizationCode(String clientId, String redirectUri) {
        return oauth.issueAuthorizationCode(clientId, redirectUri);
    }

    /** Revokes the client's access and refresh tokens: API calls with them get 401, refreshes invalid_grant. */
    public void revokeAccessTokens(String clientId) {
        oauth.revoke(clientId);
    }

    /** Requests received by the token endpoint, whatever their outcome. */
    public int tokenRequests() {
        return tokenRequestsByGrant().values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Token requests of one {@code grant_type}, e.g. "refresh_token". */
    public int tokenRequests(String grantType) {
        return tokenRequestsByGrant().getOrDefault(grantType, 0);
    }

    /** Token requests by {@code grant_type} as sent ("" when missing or unreadable). */
    public Map<String, Integer> tokenRequestsByGrant() {
        return oauth.requestsByGrant();
    }

    private Optional<Long> userForToken(String token) {
        return state.userIdForToken(token).or(() -> oauth.userForAccessToken(token));
    }

    private SandboxHttpHandler.Injection nextFault(String method, String path) {
        FaultDraws draws = faults.get();
        FaultKind kind = draws == null ? null : draws.next(method, path);
        if (kind == null) {
            return null;
        }
        synchronized (faultsInjected) {
            faultsInjected.merge(kind, 1, Integer::sum);
        }
        return new SandboxHttpHandler.Injection(kind, draws.plan());
    }

    private Consumer<RecordedRequest> record(RecordedRequest request) {
        AtomicReference<RecordedRequest> entry = new AtomicReference<>(request);
        synchronized (requests) {
            requests.add(entry);
        }
        return entry::set;
    }

    public static final class Builder {
        private String ownerToken = DEFAULT_TOKEN;
        private final Map<String, Long> extraTokens = new LinkedHashMap<>();
        private final Map<String, OAuthTokens.Client> oauthClients = new LinkedHashMap<>();
        private Seed seed;
        private Clock clock = Clock.systemUTC();
        private int rateLimit = 60;
        private Duration rateWindow = Duration.ofMinutes(1);
        private boolean rateLimited = true;
        private FaultPlan faultPlan;
        private Duration accessTokenLifetime = Duration.ofDays(15);
        private Duration refreshTokenLifetime = Duration.ofDays(30);
        private LongSupplier ticker = System::nanoTime;
        private Duration webhookTimeout = Duration.ofSeconds(10);
        private Duration webhookFirstDelay = Duration.ofSeconds(1);
        private double webhookDelayFactor = 2;
        private double duplicateShare;
        private long duplicateSeed;
        private ListOrder listOrder = ListOrder.ascending();
        private Set<Deviation> deviations = Set.of();
        private Drift[] drift = {};

        private Builder() {
        }

        /** Answers as an API that deviates from the reference in these ways (default none), see {@link Deviation}. */
        public Builder deviations(Deviation... deviations) {
            this.deviations = Set.of(deviations);
            return this;
        }

        /** Answers drifted by these cases from the start (default none); see {@link WebworkSandbox#drift}. */
        public Builder drift(Drift... cases) {
            this.drift = cases.clone();
            return this;
        }

        /** The order every list answers in (default {@link ListOrder#ascending()}). */
        public Builder listOrder(ListOrder order) {
            this.listOrder = order;
            return this;
        }

        /**
         * §8.1's growing delay between webhook retries: the n-th retry waits {@code first * factor^(n-1)} (default
         * 1 s and 2: 1, 2, 4, 8, 16 s). Scale it down for tests, e.g. 10 ms and 2.
         */
        public Builder webhookRetryDelays(Duration first, double factor) {
            if (first.isNegative() || !(factor >= 1)) {
                throw new IllegalArgumentException("need first >= 0 and factor >= 1: " + first + ", " + factor);
            }
            this.webhookFirstDelay = first;
            this.webhookDelayFactor = factor;
            return this;
        }

        /**
         * How long a webhook receiver may take to answer (connect, then response headers) before the send counts as
         * failed and is retried; default 10 s (§8.1).
         */
        public Builder webhookTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("webhook timeout must be positive: " + timeout);
            }
            this.webhookTimeout = timeout;
            return this;
        }

        /**
         * At-least-once delivery made visible (§8.1): about {@code share} (0..1) of the deliveries are sent a second
         * time (same id, same body) right after their first 2xx. Which ones is decided by one draw per delivery, in
         * creation order, from {@code java.util.Random(seed)}, so the same seed and the same events give the same
         * subset. Default: none.
         */
        public Builder duplicateDeliveries(double share, long seed) {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("share must be within 0..1: " + share);
            }
            this.duplicateShare = share;
            this.duplicateSeed = seed;
            return this;
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

        /**
         * H5's budget per user (default 60 per minute, sliding window); scale it down for tests, e.g. 10 per
         * 500 ms.
         */
        public Builder rateLimit(int requests, Duration window) {
            this.rateLimit = requests;
            this.rateWindow = window;
            this.rateLimited = true;
            return this;
        }

        /** No budget, and no {@code X-RateLimit-*} headers. */
        public Builder noRateLimit() {
            this.rateLimited = false;
            return this;
        }

        /** Faults injected from the start (default none); see {@link WebworkSandbox#faults(FaultPlan)}. */
        public Builder faults(FaultPlan plan) {
            this.faultPlan = plan;
            return this;
        }

        /** An OAuth2 client whose tokens act for {@code userId} (a user of the seed). */
        public Builder oauthClient(String clientId, String clientSecret, long userId) {
            oauthClients.put(clientId, new OAuthTokens.Client(clientId, clientSecret, userId));
            return this;
        }

        /** Default 15 days (§3). */
        public Builder accessTokenLifetime(Duration lifetime) {
            this.accessTokenLifetime = lifetime;
            return this;
        }

        /** Default 30 days (§3). */
        public Builder refreshTokenLifetime(Duration lifetime) {
            this.refreshTokenLifetime = lifetime;
            return this;
        }

        /** Monotonic nanoseconds for rate-limit windows and token lifetimes (default {@link System#nanoTime}). */
        public Builder ticker(LongSupplier nanoTicker) {
            this.ticker = nanoTicker;
            return this;
        }

        public WebworkSandbox build() {
            Seed chosen = seed != null ? seed : Seed.defaultWorkspace();
            SandboxState state = SandboxState.of(chosen, clock);
            SandboxSecrets.remember(ownerToken);
            extraTokens.keySet().forEach(SandboxSecrets::remember);
            oauthClients.values().forEach(client -> SandboxSecrets.remember(client.secret()));
            chosen.primaryOwnerId().ifPresent(owner -> state.addToken(ownerToken, owner));
            extraTokens.forEach(state::addToken);
            OAuthTokens oauth = new OAuthTokens(accessTokenLifetime, refreshTokenLifetime, ticker);
            oauthClients.values().forEach(client -> {
                state.user(client.userId()).orElseThrow(() -> new IllegalArgumentException(
                        "OAuth client " + client.id() + ": no user " + client.userId() + " in the seed"));
                oauth.addClient(client.id(), client.secret(), client.userId());
            });
            RateLimiter limiter = rateLimited ? new RateLimiter(rateLimit, rateWindow, ticker) : null;
            WebhookSender sender = new WebhookSender(state, webhookTimeout, webhookFirstDelay, webhookDelayFactor,
                    duplicateShare, duplicateSeed);
            return new WebworkSandbox(state, ownerToken, limiter, oauth, faultPlan, sender, listOrder,
                    Deviations.of(deviations)).drift(drift);
        }
    }
}
