package io.github.camelwebwork.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.sandbox.api.WebhookEvents;
import io.github.camelwebwork.sandbox.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sending side of §8.1 (house rule H9): one delivery per event and subscribed webhook, POSTed asynchronously
 * with the house headers and signature.
 *
 * <ul>
 *   <li><b>Attempts.</b> The first send goes out at once; a receiver that does not answer 2xx within the timeout
 *   (non-2xx, timeout, refused, reset, 3xx since redirects are not followed) gets up to {@value #MAX_RETRIES}
 *   retries, the n-th after {@code firstDelay * factor^(n-1)} (default 1 s, 2 s, 4 s, 8 s, 16 s), then the
 *   delivery is given up.</li>
 *   <li><b>Identity.</b> Every send of a delivery carries the same id and the byte-identical body (its
 *   {@code created_at} is when the event fired). {@code X-Webwork-Timestamp} is the sandbox clock's time of each
 *   send, so it is refreshed on every retry and the signature is recomputed over the new timestamp: a receiver that
 *   enforces a timestamp tolerance accepts a late retry.</li>
 *   <li><b>Deleted webhook.</b> Before each send the webhook must still be registered: deleting it stops pending
 *   retries (the delivery is given up) and the deliveries of later events. A URL or event change applies to later
 *   events only; a pending retry still goes to the URL its delivery was created for, signed with the token (which
 *   an update never changes).</li>
 *   <li><b>Duplicates</b> ({@code duplicateShare}): for each delivery, in creation order, one draw from
 *   {@code Random(seed)} decides whether it is sent once more after its first 2xx (same id, same body, fresh
 *   timestamp); that extra send is not retried. A delivery that never succeeds is not duplicated.</li>
 *   <li><b>Redeliver</b>: one more send of an existing delivery, whatever its state; not retried.</li>
 * </ul>
 *
 * <p>Threads: one small scheduler (created on first use, shut down by {@link #close()}) schedules the sends;
 * {@link HttpClient#sendAsync} does the I/O, so no scheduler thread ever waits on a receiver. Events are fired
 * under the state's monitor; this class takes its own lock only briefly and never calls the state while holding it.
 */
final class WebhookSender implements WebhookEvents, AutoCloseable {

    static final int MAX_RETRIES = 5;
    static final String SIGNATURE_PREFIX = "sha256=";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final int SCHEDULER_THREADS = 2;

    private enum Kind { REGULAR, DUPLICATE, REDELIVERY }

    /** Mutable bookkeeping of one delivery; guarded by {@link #lock}. */
    private static final class Entry {
        final String id;
        final String event;
        final String webhookId;
        final String url;
        final String token;
        final String body;
        final boolean duplicate;
        final List<WebhookDelivery.Attempt> attempts = new ArrayList<>();

        Entry(String id, String event, SandboxWebhook hook, String body, boolean duplicate) {
            this.id = id;
            this.event = event;
            this.webhookId = hook.id();
            this.url = hook.url();
            this.token = hook.token();
            this.body = body;
            this.duplicate = duplicate;
        }

        WebhookDelivery snapshot() {
            return new WebhookDelivery(id, event, webhookId, url, body, attempts);
        }
    }

    private final SandboxState state;
    private final Clock clock;
    private final Duration timeout;
    private final Duration firstDelay;
    private final double factor;
    private final double duplicateShare;
    private final Random duplicateDraws;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private int pending;
    private boolean closed;
    private ScheduledExecutorService scheduler;
    private HttpClient http;

    WebhookSender(SandboxState state, Duration timeout, Duration firstDelay, double factor, double duplicateShare,
                  long duplicateSeed) {
        this.state = state;
        this.clock = state.clock();
        this.timeout = timeout;
        this.firstDelay = firstDelay;
        this.factor = factor;
        this.duplicateShare = duplicateShare;
        this.duplicateDraws = new Random(duplicateSeed);
    }

    // ---- creating deliveries ------------------------------------------------------------------------------------

    @Override
    public List<String> fire(long workspaceId, String event, Function<SandboxWebhook, ? extends JsonNode> data) {
        List<String> ids = new ArrayList<>();
        // the state's monitor keeps the list and the rendering consistent with the change just made
        state.atomically(() -> {
            for (SandboxWebhook hook : state.webhooks(workspaceId)) {
                if (hook.subscribes(event)) {
                    ids.add(create(workspaceId, event, hook, data.apply(hook)));
                }
            }
            return null;
        });
        return ids;
    }

    /** A delivery of {@code event} to every subscribed webhook; the first delivery's id, or null if none. */
    String emit(long workspaceId, String event, JsonNode data) {
        if (!SandboxWebhook.EVENTS.contains(event)) {
            throw new IllegalArgumentException("unknown event " + event + "; one of " + SandboxWebhook.EVENTS);
        }
        if (state.workspace(workspaceId).isEmpty()) {
            throw new IllegalArgumentException("unknown workspace " + workspaceId);
        }
        JsonNode copy = data == null ? NullNode.getInstance() : data.deepCopy();
        List<String> ids = fire(workspaceId, event, hook -> copy);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private String create(long workspaceId, String event, SandboxWebhook hook, JsonNode data) {
        String id = UUID.randomUUID().toString();
        String body = body(id, event, workspaceId, clock.instant(), data);
        Entry entry;
        lock.lock();
        try {
            boolean duplicate = duplicateShare > 0 && duplicateDraws.nextDouble() < duplicateShare;
            entry = new Entry(id, event, hook, body, duplicate);
            entries.put(id, entry);
            pending++;
        } finally {
            lock.unlock();
        }
        schedule(entry, Kind.REGULAR, 0, Duration.ZERO);
        return id;
    }

    /** {@code {"id","event","workspace_id","created_at","data"}}, in that order. */
    static String body(String id, String event, long workspaceId, Instant createdAt, JsonNode data) {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("event", event);
        n.put("workspace_id", workspaceId);
        n.put("created_at", Json.timestamp(createdAt));
        n.set("data", data);
        try {
            return Json.MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a delivery body", e);
        }
    }

    void redeliver(String deliveryId) {
        Entry entry;
        lock.lock();
        try {
            entry = entries.get(deliveryId);
            if (entry == null) {
                throw new IllegalArgumentException("unknown delivery " + deliveryId);
            }
            pending++;
        } finally {
            lock.unlock();
        }
        schedule(entry, Kind.REDELIVERY, 0, Duration.ZERO);
    }

    // ---- test hooks ---------------------------------------------------------------------------------------------

    List<WebhookDelivery> deliveries() {
        lock.lock();
        try {
            return entries.values().stream().map(Entry::snapshot).toList();
        } finally {
            lock.unlock();
        }
    }

    /** True once no send is scheduled or in flight; false if that did not happen within {@code max}. */
    boolean awaitIdle(Duration max) throws InterruptedException {
        long nanos = max.toNanos();
        lock.lock();
        try {
            while (pending > 0) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = idle.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Stops sending: scheduled sends are dropped, answers still in flight are ignored. Safe to call twice. */
    @Override
    public void close() {
        ScheduledExecutorService toStop;
        lock.lock();
        try {
            closed = true;
            pending = 0;
            idle.signalAll();
            toStop = scheduler;
            scheduler = null;
            http = null;
        } finally {
            lock.unlock();
        }
        if (toStop != null) {
            toStop.shutdownNow();
        }
    }

    // ---- sending ------------------------------------------------------------------------------------------------

    /** {@code retry} counts the regular retries already made (0 for the first send). */
    private void schedule(Entry entry, Kind kind, int retry, Duration delay) {
        ScheduledExecutorService executor = scheduler();
        try {
            if (executor == null) {
                throw new RejectedExecutionException("closed");
            }
            executor.schedule(() -> send(entry, kind, retry), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            finish();
        }
    }

    private void send(Entry entry, Kind kind, int retry) {
        try {
            if (state.webhook(entry.webhookId).isEmpty()) {
                LOG.debug("webhook {} was deleted: delivery {} given up", entry.webhookId, entry.id);
                finish();
                return;
            }
            HttpClient client = client();
            if (client == null) {
                return; // closed
            }
            Instant at = clock.instant();
            HttpRequest request = request(entry, at.getEpochSecond());
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> answered(entry, kind, retry, at,
                            response == null ? 0 : response.statusCode()));
        } catch (RuntimeException e) {
            // e.g. a URL the client refuses: counts as no answer
            answered(entry, kind, retry, clock.instant(), 0);
        }
    }

    private HttpRequest request(Entry entry, long timestamp) {
        return HttpRequest.newBuilder(URI.create(entry.url)).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("X-Webwork-Event", entry.event)
                .header("X-Webwork-Delivery", entry.id)
                .header("X-Webwork-Timestamp", Long.toString(timestamp))
                .header("X-Webwork-Signature", signature(entry.token, timestamp, entry.body))
                .POST(HttpRequest.BodyPublishers.ofString(entry.body, StandardCharsets.UTF_8))
                .build();
    }

    /** {@code sha256=<hex HMAC-SHA256(key = token as UTF-8, message = timestamp + "." + body)>}. */
    static String signature(String token, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return SIGNATURE_PREFIX + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private void answered(Entry entry, Kind kind, int retry, Instant at, int status) {
        boolean success = status >= 200 && status < 300;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            entry.attempts.add(new WebhookDelivery.Attempt(status, at));
        } finally {
            lock.unlock();
        }
        if (kind != Kind.REGULAR) {
            finish();
        } else if (success && entry.duplicate) {
            schedule(entry, Kind.DUPLICATE, retry, Duration.ZERO);
        } else if (!success && retry < MAX_RETRIES) {
            schedule(entry, Kind.REGULAR, retry + 1, delayBefore(retry + 1));
        } else {
            finish();
        }
    }

    /** The wait before the n-th retry (n ≥ 1): {@code firstDelay * factor^(n-1)}. */
    Duration delayBefore(int retry) {
        return Duration.ofNanos((long) (firstDelay.toNanos() * Math.pow(factor, retry - 1)));
    }

    private void finish() {
        lock.lock();
        try {
            if (closed || pending == 0) {
                return;
            }
            if (--pending == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private ScheduledExecutorService scheduler() {
        lock.lock();
        try {
            if (scheduler == null && !closed) {
                AtomicInteger n = new AtomicInteger();
                ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(SCHEDULER_THREADS, r -> {
                    Thread t = new Thread(r, "webwork-sandbox-webhooks-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
                executor.setRemoveOnCancelPolicy(true);
                scheduler = executor;
            }
            return scheduler;
        } finally {
            lock.unlock();
        }
    }

    /** One client per sandbox, made on the first send: HTTP/1.1, no redirects, connect timeout = the timeout. */
    private HttpClient client() {
        lock.lock();
        try {
            if (http == null && !closed) {
                http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
            }
            return http;
        } finally {
            lock.unlock();
        }
    }
}
