package io.github.camelwebwork.consumer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.client.RateBudget;
import io.github.camelwebwork.client.WebworkClient;
import io.github.camelwebwork.client.WebworkException;
import io.github.camelwebwork.metrics.Progress;
import io.github.camelwebwork.metrics.WebworkMetrics;
import io.github.camelwebwork.model.WebhookPayload;
import io.github.camelwebwork.operation.HouseRules;
import io.github.camelwebwork.operation.ListOrder;
import io.github.camelwebwork.operation.ListPages;
import io.github.camelwebwork.operation.OperationDef;
import io.github.camelwebwork.operation.OutputType;
import io.github.camelwebwork.operation.ParameterSource;
import io.github.camelwebwork.operation.Reading;
import io.github.camelwebwork.state.StateFile;
import io.github.camelwebwork.state.StateFileRepository;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Service;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Change capture for a list resource: each poll continues a scan of the resource (page by page, partition by
 * partition, at most {@code maxRequestsPerPoll} requests and never past the shared rate budget), compares what it reads
 * with the committed fingerprints, and emits one exchange per created, updated or deleted record. A change is committed
 * when its exchange completed; the state is written after each poll and on stop.
 */
public class WebworkConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(WebworkConsumer.class);
    /** How often a backfill logs its progress, at most. */
    static final Duration PROGRESS_LOG_INTERVAL = Duration.ofSeconds(10);
    static final String CHANGE_PROPERTY = "CamelWebworkChange";

    private final Source source;
    private final ScanPlan plan;
    private final ListPages pages;
    private final Reading bodyReading;
    private final Deque<Change> pending = new ArrayDeque<>();
    private StateRepository<String, String> repository;
    /** Held while a poll runs: a stop waits for it before it flushes the state. */
    private final ReentrantLock polling = new ReentrantLock();
    private boolean ownsRepository;
    /** Behind master: the instance must lead to scan and emit (see LeaderGuard); NONE otherwise. */
    private volatile LeaderGuard leader = LeaderGuard.NONE;
    /** Whether the first scan emits what exists: the snapshot option, or onInvalidState after a damaged file. */
    private boolean firstScanEmits;
    private ChangeState state;
    private Cycle cycle;
    private boolean backfillDone;
    private final Map<String, Set<String>> suspected = new LinkedHashMap<>();
    private long cycles;
    private ListOrder expectedOrder = HouseRules.LIST_ORDER;
    private ListOrderWatch order;
    /**
     * Held for each step of a scan (one request and what it finds), each change emitted and each webhook event read
     * and emitted (trigger=webhook): an event never comes between a read and what it leads to.
     */
    private final ReentrantLock reading = new ReentrantLock();
    /** The reads made so far (under {@link #reading}): a change carries the number of the read it came from. */
    private long reads;
    /** The number of each record's last read for an event, kept while changes of the scans are pending. */
    private final Map<String, Long> eventReads = new HashMap<>();
    /** With trigger=webhook: the webhook's subscription, started after the consumer and stopped before it. */
    private Service eventSource;
    private Instant lastFullScan;

    /** The endpoint's options, with the order change capture needs for a list that takes one and is given none. */
    static ParameterSource ordered(ParameterSource options) {
        return name -> {
            Object value = options.option(name);
            return value == null && name.equals(HouseRules.ORDER_OPTION) ? HouseRules.orderByValue() : value;
        };
    }

    /** What the consumer needs from its endpoint (kept narrow so that the scan logic is testable on its own). */
    public interface Source {
        String resource();

        WebworkClient client();

        ParameterSource options();

        ObjectMapper mapper();

        ConsumerSettings settings();

        /** The component's clock: the time of a change, the days of a time-data scan. */
        Clock clock();

        /** Where polls, changes and scans are reported (docs/metrics.md). */
        default WebworkMetrics metrics() {
            return WebworkMetrics.NOOP;
        }
    }

    public WebworkConsumer(Endpoint endpoint, Processor processor, Source source) {
        super(endpoint, processor);
        this.source = source;
        this.plan = new ScanPlan(source.resource());
        this.pages = new ListPages(source.mapper(), source.clock());
        this.bodyReading = Reading.of(OutputType.of((String) source.options().option("outputType")),
                Boolean.TRUE.equals(source.options().option("strictModels")));
    }

    @Override
    protected void doStart() throws Exception {
        ConsumerSettings settings = source.settings();
        if (settings.workspaceId() == null) {
            throw new IllegalArgumentException("webwork:" + source.resource() + " as a consumer needs workspaceId");
        }
        String onInvalid = settings.onInvalidState() == null ? "fail" : settings.onInvalidState().trim();
        if (!List.of("fail", "snapshot", "now").contains(onInvalid)) {
            throw new IllegalArgumentException("webwork:" + source.resource() + ": onInvalidState is fail, snapshot or "
                                               + "now, not '" + settings.onInvalidState() + "'");
        }
        checkTrigger(settings);
        leader = LeaderGuard.of(getEndpoint(), "webwork:" + source.resource());
        repository = settings.stateRepository();
        ownsRepository = repository == null;
        if (repository == null) {
            repository = settings.stateFile() != null ? fileRepository(settings, onInvalid)
                    : new MemoryStateRepository();
        }
        ServiceHelper.startService(repository);
        firstScanEmits = settings.snapshot();
        if (repository instanceof StateFileRepository file && file.recoveredFrom().isPresent()) {
            firstScanEmits = onInvalid.equals("snapshot");
            LOG.warn("webwork:{} onInvalidState={}: the first scan {}", source.resource(), onInvalid, firstScanEmits
                    ? "emits every record that exists as CREATED" : "takes the records that exist as its starting "
                                                                    + "point and emits none");
        }
        state = new ChangeState(repository, statePrefix(), source.mapper());
        order = new ListOrderWatch(source.resource(), expectedOrder, settings.isWebhookTriggered()
                ? !plan.webhooks().announcesNewRecords() : settings.reconcileEvery() > 1);
        // registered before the first scan reads: what changes after it is read is announced
        ServiceHelper.startService(eventSource);
        super.doStart();
    }

    private void checkTrigger(ConsumerSettings settings) {
        String resource = "webwork:" + source.resource();
        if (!List.of("poll", "webhook").contains(String.valueOf(settings.trigger()))) {
            throw new IllegalArgumentException(resource + ": trigger is poll or webhook, not '" + settings.trigger()
                                               + "'");
        }
        if (!settings.isWebhookTriggered()) {
            return;
        }
        if (plan.webhooks() == null) {
            throw new IllegalArgumentException(resource + ": trigger=webhook needs a list whose changes webhook events"
                                               + " announce: " + String.join(", ", ScanPlan.announced()));
        }
        Optional<String> filter = plan.filterBesidesPartition(source.options());
        if (filter.isPresent() || settings.isBackfill()) {
            throw new IllegalArgumentException(resource + ": trigger=webhook follows the whole list, not one filtered"
                                               + " by " + filter.orElse("a backfill's dates") + ": the record an "
                                               + "event names need not be in it");
        }
    }

    /** trigger=webhook: whether this consumer takes the resource's webhook events as its trigger. */
    public boolean isWebhookTriggered() {
        return source.settings().isWebhookTriggered();
    }

    /** The webhook's subscription (trigger=webhook): started after the consumer, stopped before it. */
    public void setEventSource(Service eventSource) {
        this.eventSource = eventSource;
    }

    /**
     * trigger=webhook: the processor of the deliveries whose signature and age were checked and that were not
     * received before (a {@link WebhookPayload} body). It answers when the change the event led to, if any, has been
     * through the route, and fails when the route failed, so that WebWork delivers the event again.
     */
    public Processor eventProcessor() {
        return exchange -> onEvent(exchange.getMessage().getBody(WebhookPayload.class));
    }

    /** For tests of an API that answers in another order: what incremental scans expect instead of the house rule. */
    void expectListOrder(ListOrder expected) {
        this.expectedOrder = expected;
    }

    private StateFileRepository fileRepository(ConsumerSettings settings, String onInvalid) {
        StateFileRepository file = new StateFileRepository(StateFile.of(Path.of(settings.stateFile()),
                "change-capture", "change-capture").waysOut(
                "Ways out: onInvalidState=now (the file is moved aside and the first scan takes the records that "
                + "exist as its starting point, emitting none: what changed since the file was last good is not "
                + "emitted) or onInvalidState=snapshot (moved aside; the first scan emits every record that exists "
                + "as CREATED); or delete the file for a first run (snapshot=" + settings.snapshot() + ")."));
        file.setRecoverInvalid(!onInvalid.equals("fail"));
        return file;
    }

    @Override
    protected void doStop() throws Exception {
        try {
            ServiceHelper.stopService(eventSource);
        } finally {
            super.doStop();
        }
        // a poll still running (stopped from outside its thread, e.g. by master: losing or giving up leadership)
        // ends after the exchange in progress (isBatchAllowed is false now); wait for it and for an event in
        // progress, so that the change they committed is flushed below rather than emitted again by the next
        // instance or start
        boolean idle = polling.tryLock(30, TimeUnit.SECONDS);
        boolean quiet = reading.tryLock(30, TimeUnit.SECONDS);
        try {
            if (state != null) {
                state.flush();
            }
            if (ownsRepository) {
                ServiceHelper.stopService(repository);
            }
            cycle = null;
            pending.clear();
            lastFullScan = null;
        } finally {
            if (quiet) {
                reading.unlock();
            }
            if (idle) {
                polling.unlock();
            }
        }
    }

    /** {@code <workspaceId>:<resource>[:<view>]}: a filtered view or a backfill keeps its own state. */
    String statePrefix() {
        ConsumerSettings s = source.settings();
        StringBuilder prefix = new StringBuilder().append(s.workspaceId()).append(':').append(source.resource());
        String view = s.view();
        if (!view.isEmpty()) {
            prefix.append(':').append(view);
        }
        if (s.isBackfill()) {
            prefix.append(":backfill-").append(s.backfillFrom()).append('-').append(s.backfillTo());
        }
        return prefix.toString();
    }

    @Override
    protected int poll() throws Exception {
        polling.lock();
        try {
            return pollLocked();
        } finally {
            polling.unlock();
        }
    }

    private int pollLocked() throws Exception {
        if (!leader.leads()) {
            return 0;
        }
        if (pending.isEmpty()) {
            forgetEventReads();                 // every change a scan finds from now on is read after them
            long started = System.nanoTime();
            int requests = scan();
            source.metrics().poll(source.resource(), System.nanoTime() - started, requests);
        }
        Queue<Object> exchanges = new LinkedList<>();
        int max = getMaxMessagesPerPoll();
        while (!pending.isEmpty() && (max <= 0 || exchanges.size() < max)) {
            exchanges.add(exchangeFor(pending.poll()));
        }
        try {
            return processBatch(exchanges);
        } finally {
            state.flush();
        }
    }

    /**
     * No further change of the batch once the CamelContext is stopping: behind a {@code master:} endpoint (or any
     * consumer that wraps this one) the context's graceful stop sees no exchange in flight between two changes and
     * stops the routes downstream, and a change sent into a stopped producer may reach Kafka and still fail here, to
     * be sent again by the next leader. The rest of the batch is offered again at the next run.
     */
    @Override
    public boolean isBatchAllowed() {
        return super.isBatchAllowed() && !getEndpoint().getCamelContext().isStopping() && leader.leads();
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        int index = 0;
        while (!exchanges.isEmpty() && isBatchAllowed()) {
            Exchange exchange = (Exchange) exchanges.poll();
            exchange.setProperty(Exchange.BATCH_INDEX, index);
            exchange.setProperty(Exchange.BATCH_SIZE, total);
            exchange.setProperty(Exchange.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            reading.lock();
            try {
                emitPending(exchange, exchange.getProperty(CHANGE_PROPERTY, Change.class));
            } finally {
                reading.unlock();
            }
            index++;
        }
        // changes not emitted because the batch stopped (shutdown) are detected again by a later scan
        return index;
    }

    /** A change a scan found, unless an event read the record after the scan did (and emitted what it found). */
    private void emitPending(Exchange exchange, Change change) {
        Long byEvent = eventReads.get(change.recordKey());
        if (byEvent != null && byEvent > change.read()) {
            LOG.debug("webwork:{} {} of {} dropped: an event read the record since", source.resource(),
                    change.type(), change.id());
            return;
        }
        commitOnCompletion(exchange, change);
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null && !isRunAllowed() && isStopping(exchange.getException())) {
            // the route is stopping (its executor refuses, its thread is interrupted): not an error of the
            // change, which a later poll (or run) offers again
            LOG.info("webwork:{} stopping: {} of {} is offered again at the next run", source.resource(),
                    change.type(), change.id());
        } else if (exchange.getException() != null) {
            getExceptionHandler().handleException("Error processing " + change.type() + " of "
                                                  + source.resource() + " " + change.id()
                                                  + " (it is offered again at a later poll)",
                    exchange, exchange.getException());
        }
    }

    private void commitOnCompletion(Exchange exchange, Change change) {
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange done) {
                state.commit(change);
            }
        });
    }

    private void forgetEventReads() {
        reading.lock();
        try {
            eventReads.clear();
        } finally {
            reading.unlock();
        }
    }

    /**
     * A webhook event: a get of the record it names, compared with what was committed, and its change (if any) through
     * the route at once; a failure (of the get or of the route) fails the delivery, which WebWork then sends again.
     */
    private void onEvent(WebhookPayload payload) throws Exception {
        ConsumerSettings s = source.settings();
        if (payload == null || payload.getWorkspaceId() != null && !payload.getWorkspaceId().equals(s.workspaceId())) {
            return;
        }
        Optional<ScanPlan.Target> target = plan.target(payload.getEvent(), payload.getData(), source.options());
        if (target.isEmpty()) {
            LOG.debug("webwork:{}: event {} names no record this consumer follows", source.resource(),
                    payload.getEvent());
            return;
        }
        ScanPlan.Target t = target.get();
        reading.lock();
        try {
            if (!isRunAllowed()) {
                throw new WebworkException("webwork:" + source.resource() + " is stopping: event " + payload.getId()
                                           + " is refused, so that WebWork delivers it again");
            }
            if (!leader.leads()) {
                // left running behind master: without leading (see LeaderGuard): the leader reads and emits; a
                // delivery here is refused as a standby's is, and WebWork sends it again
                throw new WebworkException("webwork:" + source.resource() + " does not lead its master: namespace: "
                                           + "event " + payload.getId() + " is refused, so that WebWork delivers it"
                                           + " again");
            }
            long read = ++reads;
            JsonNode record = pages.get(source.client(), plan.get(), source.options(), t.headers()).orElse(null);
            Change change = changeOf(t.partition(), t.id(), record, read);
            eventReads.put(Change.recordKey(t.partition(), t.id()), read);
            if (change != null) {
                emitNow(change);
            }
        } finally {
            reading.unlock();
        }
    }

    /** The change between the committed version of a record and what a get answered (null: 404), or null if none. */
    private Change changeOf(String partition, String id, JsonNode record, long read) {
        ChangeState.Known known = state.known(partition).get(id);
        if (record == null) {
            return known == null ? null
                    : new Change(ChangeType.DELETED, partition, id, known.record(), known.fingerprint(), read);
        }
        String fingerprint = ChangeState.fingerprint(record);
        if (known == null) {
            return new Change(ChangeType.CREATED, partition, id, record, fingerprint, read);
        }
        return known.fingerprint().equals(fingerprint) ? null
                : new Change(ChangeType.UPDATED, partition, id, record, fingerprint, read);
    }

    private void emitNow(Change change) throws Exception {
        Exchange exchange = exchangeFor(change);
        commitOnCompletion(exchange, change);
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            throw new WebworkException("webwork:" + source.resource() + ": the route failed on the " + change.type()
                                       + " of " + change.id() + " an event led to; WebWork delivers the event again",
                    exchange.getException());
        }
    }

    private Exchange exchangeFor(Change change) {
        source.metrics().change(source.resource(), change.type().name());
        Exchange exchange = createExchange(false);
        exchange.setProperty(CHANGE_PROPERTY, change);
        Message message = exchange.getMessage();
        ConsumerSettings s = source.settings();
        message.setBody(pages.toBody(plan.list(), change.record(), bodyReading));
        message.setHeader(ConsumerHeaders.CHANGE_TYPE, change.type().name());
        message.setHeader(ConsumerHeaders.KEY, s.workspaceId() + ":" + source.resource() + ":" + change.id());
        message.setHeader(ConsumerHeaders.RESOURCE, source.resource());
        message.setHeader(ConsumerHeaders.CHANGE_TIME, source.clock().instant().toString());
        message.setHeader(ParameterSource.headerFor("workspaceId"), s.workspaceId());
        if (plan.idOption() != null) {
            message.setHeader(ParameterSource.headerFor(plan.idOption()), idValue(change.id()));
        }
        return exchange;
    }

    private static Object idValue(String id) {
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException e) {
            return id;
        }
    }

    /**
     * Continues the current scan until it completes, the poll's requests are spent or the shared budget is empty;
     * returns the requests it made.
     */
    private int scan() {
        ConsumerSettings s = source.settings();
        if (s.isBackfill() && backfillDone) {
            return 0;
        }
        int spent = 0;
        while (true) {
            if (cycle == null) {
                Boolean incremental = nextScan();
                if (incremental == null) {
                    return spent;               // trigger=webhook: the events announce what a scan would find
                }
                cycle = new Cycle(incremental);
                if (!incremental) {
                    lastFullScan = source.clock().instant();
                }
            }
            if (s.maxRequestsPerPoll() > 0 && spent >= s.maxRequestsPerPoll()) {
                return spent;
            }
            RateBudget budget = source.client().getBudget();
            if (budget != null && budget.remaining() == 0) {
                LOG.debug("webwork:{} poll ends early: the shared rate budget is spent", source.resource());
                return spent;
            }
            spent += step();
            if (cycle.done()) {
                if (!cycle.incremental) {
                    order.fullScan(cycle.evidence);
                }
                source.metrics().scanCompleted(source.resource());
                if (cycle.progress != null) {
                    cycle.progress.finish();
                }
                cycle = null;
                cycles++;
                if (state.marker("initialized") == null) {
                    state.mark("initialized", source.clock().instant().toString());
                }
                if (s.isBackfill()) {
                    backfillDone = true;
                    LOG.info("webwork:{} backfill {}..{} complete", source.resource(), s.backfillFrom(),
                            s.backfillTo());
                }
                return spent;
            }
        }
    }

    /** One step of the scan, under {@link #reading}. */
    private int step() {
        reading.lock();
        try {
            reads++;
            return cycle.step();
        } finally {
            reading.unlock();
        }
    }

    /**
     * Whether the next scan is incremental (true), full (false) or none is due (null). The first scan after a start
     * is full; then every reconcileEvery-th (with trigger=webhook: one every reconcileInterval). The others are
     * incremental while the full scans confirm the list order they rely on, else full; with trigger=webhook there is
     * none when the events announce new records too.
     */
    private Boolean nextScan() {
        ConsumerSettings s = source.settings();
        if (state.marker("initialized") == null || lastFullScan == null) {
            return false;
        }
        if (s.isWebhookTriggered()) {
            if (!source.clock().instant().isBefore(lastFullScan.plus(s.reconcileInterval()))) {
                return false;
            }
            return plan.webhooks().announcesNewRecords() ? null : order.confirmed();
        }
        int every = s.reconcileEvery();
        return every > 1 && cycles % every != 0 && order.confirmed();
    }

    private void enqueue(Change change) {
        pending.removeIf(p -> p.partition().equals(change.partition()) && p.id().equals(change.id()));
        pending.add(change);
    }

    /** One pass over every partition; each {@link #step()} makes at most one request. */
    private final class Cycle {

        private final boolean firstEver = state.marker("initialized") == null;
        /**
         * Reads each partition from page 1 and then from the end where new records are (the expected list order)
         * toward the other, up to a page with nothing new; no deletes.
         */
        private final boolean incremental;
        /** The first scan without a snapshot: what it finds is committed as the starting point, not emitted. */
        private final boolean silent = firstEver && !firstScanEmits && !source.settings().isBackfill();
        /** The order each partition showed across its pages (full scans). */
        private final Map<String, OrderEvidence> evidence = new LinkedHashMap<>();
        /** The next page of an incremental walk (0: none), the way it goes (+1, -1) and the page it ends at. */
        private int next;
        private int direction;
        private int end;
        private List<ScanPlan.Partition> partitions;
        private final List<JsonNode> listed = new ArrayList<>();
        private int listPage = 1;
        private int index;
        private int page = 1;
        private boolean multiPage;
        /** Id to fingerprint of every record of the partition read so far in this scan (not the records: memory). */
        private final Map<String, String> seen = new HashMap<>();
        private Deque<String> toConfirm;
        /** A backfill's partitions done of those planned (logged, and the progress gauges); null otherwise. */
        private Progress progress;

        Cycle(boolean incremental) {
            this.incremental = incremental;
        }

        boolean done() {
            return partitions != null && index >= partitions.size();
        }

        int step() {
            WebworkClient client = source.client();
            ParameterSource options = ordered(source.options());
            if (partitions == null) {
                OperationDef partitionList = plan.partitionList(options);
                if (partitionList != null) {
                    ListPages.Page p = pages.fetch(client, partitionList, options, Map.of(), listPage);
                    listed.addAll(p.records());
                    if (listPage >= p.lastPage()) {
                        plan();
                    } else {
                        listPage++;
                    }
                    return 1;
                }
                plan();
                return 0;
            }
            if (done()) {
                return 0;
            }
            ScanPlan.Partition partition = partitions.get(index);
            if (toConfirm != null) {
                String id = toConfirm.poll();
                Map<String, Object> headers = new LinkedHashMap<>(partition.headers());
                headers.put(ParameterSource.headerFor(plan.idOption()), idValue(id));
                boolean exists = pages.exists(client, plan.get(), options, headers);
                if (!exists) {
                    enqueueDeleted(partition.key(), id);
                } else if (source.settings().filteredView()) {
                    state.forget(partition.key(), id);
                }
                if (toConfirm.isEmpty()) {
                    nextPartition();
                }
                return 1;
            }
            if (incremental && next > 0) {
                ListPages.Page p = pages.fetch(client, plan.list(), options, partition.headers(), next);
                boolean anythingNew = incrementalPage(partition, p);
                if (!anythingNew || next == end) {
                    nextPartition();            // page 1 was read first: what is past this page is not new
                } else {
                    next += direction;
                }
                return 1;
            }
            ListPages.Page p = pages.fetch(client, plan.list(), options, partition.headers(), page);
            if (incremental && page == 1 && p.lastPage() > 1) {
                boolean anythingNew = incrementalPage(partition, p);
                if (order.expected() == ListOrder.OLDEST_FIRST) {
                    next = p.lastPage();        // new records are at the end: read back from the last page
                    direction = -1;
                    end = 2;
                } else if (anythingNew) {
                    next = 2;                   // newest first: read on while pages hold new records
                    direction = 1;
                    end = p.lastPage();
                } else {
                    nextPartition();
                }
                return 1;
            }
            // a whole read: each page is compared as it comes; a record seen again (pages shifted) counts once
            // unless it changed
            OrderEvidence shown = incremental ? new OrderEvidence()
                    : evidence.computeIfAbsent(partition.key(), k -> new OrderEvidence());
            shown.page();
            changes(partition, p.records(), silent, seen, shown);
            if (incremental) {
                order.incrementalPage(partition.key(), shown);
            }
            if (page >= p.lastPage()) {
                multiPage = page > 1;
                compare(partition);
            } else {
                page++;
            }
            return 1;
        }

        /** A page of an incremental walk: its created and updated records, enqueued; whether there was any. */
        private boolean incrementalPage(ScanPlan.Partition partition, ListPages.Page p) {
            OrderEvidence shown = new OrderEvidence();
            shown.page();
            boolean any = changes(partition, p.records(), false, null, shown);
            order.incrementalPage(partition.key(), shown);
            return any;
        }

        /**
         * Created and updated records (no deletes), enqueued, or committed silently when {@code silent} (the first
         * scan without a snapshot); whether there was any. With {@code seenInScan}, also records each id's
         * fingerprint there and skips a repeat of one; each record read for the first time goes to {@code shown}.
         */
        private boolean changes(ScanPlan.Partition partition, Collection<JsonNode> records, boolean silent,
                                Map<String, String> seenInScan, OrderEvidence shown) {
            Map<String, ChangeState.Known> known = state.known(partition.key());
            boolean any = false;
            for (JsonNode record : records) {
                String id = record.path("id").asText();
                String fingerprint = ChangeState.fingerprint(record);
                String before = seenInScan != null ? seenInScan.put(id, fingerprint) : null;
                if (before == null) {
                    shown.record(record);
                }
                if (fingerprint.equals(before)) {
                    continue;
                }
                ChangeState.Known k = known.get(id);
                if (k == null) {
                    Change created = new Change(ChangeType.CREATED, partition.key(), id, record, fingerprint, reads);
                    if (silent) {
                        state.commit(created);
                    } else {
                        enqueue(created);
                    }
                    any = true;
                } else if (!k.fingerprint().equals(fingerprint)) {
                    enqueue(new Change(ChangeType.UPDATED, partition.key(), id, record, fingerprint, reads));
                    any = true;
                }
            }
            return any;
        }

        private void plan() {
            ConsumerSettings s = source.settings();
            LocalDate today = LocalDate.now(source.clock().withZone(ZoneId.of(s.timeZone())));
            List<LocalDate> days = new ArrayList<>();
            LocalDate from = s.isBackfill() ? LocalDate.parse(s.backfillFrom()) : today.minusDays(s.lookbackDays());
            LocalDate to = s.isBackfill() ? LocalDate.parse(s.backfillTo()) : today;
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                days.add(d);
            }
            Map<String, Object> range = new LinkedHashMap<>();
            ParameterSource options = source.options();
            if (plan.takesDateRange() && (s.isBackfill()
                                          || plan.requiresDateRange() && options.option("dateFrom") == null)) {
                range.put(ParameterSource.headerFor("dateFrom"), from.toString());
                range.put(ParameterSource.headerFor("dateTo"), to.toString());
            }
            partitions = plan.partitions(options, listed, days, range);
            if (s.isBackfill()) {
                progress = new Progress("backfill " + source.resource() + " " + from + ".." + to, partitions.size(),
                        source.clock(), PROGRESS_LOG_INTERVAL);
                source.metrics().watchProgress(progress);
            }
        }

        private void compare(ScanPlan.Partition partition) {
            Map<String, ChangeState.Known> known = state.known(partition.key());
            Set<String> missing = new HashSet<>(known.keySet());
            missing.removeAll(seen.keySet());
            Set<String> wasSuspected = suspected.getOrDefault(partition.key(), Set.of());
            suspected.remove(partition.key());
            if (missing.isEmpty()) {
                nextPartition();
            } else if (!multiPage) {
                // one page read whole: what is not on it is gone (or left the filtered view)
                missing.forEach(id -> gone(partition.key(), id));
                nextPartition();
            } else if (plan.get() != null) {
                // pages may have shifted while they were read: ask for each missing record
                toConfirm = new ArrayDeque<>(missing);
            } else {
                // no get operation: a record missing from two scans in a row is gone
                Set<String> again = new HashSet<>();
                for (String id : missing) {
                    if (wasSuspected.contains(id)) {
                        gone(partition.key(), id);
                    } else {
                        again.add(id);
                    }
                }
                if (!again.isEmpty()) {
                    suspected.put(partition.key(), again);
                }
                nextPartition();
            }
        }

        private void gone(String partition, String id) {
            if (source.settings().filteredView()) {
                state.forget(partition, id);
            } else {
                enqueueDeleted(partition, id);
            }
        }

        private void enqueueDeleted(String partition, String id) {
            ChangeState.Known last = state.known(partition).get(id);
            if (last != null) {
                enqueue(new Change(ChangeType.DELETED, partition, id, last.record(), last.fingerprint(), reads));
            }
        }

        private void nextPartition() {
            index++;
            if (progress != null) {
                progress.advance(1);
            }
            next = 0;
            page = 1;
            multiPage = false;
            seen.clear();
            toConfirm = null;
        }
    }

    /** A failure that a stop causes: a refused executor or an interrupted thread, anywhere in the cause chain. */
    private static boolean isStopping(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RejectedExecutionException || t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }
}
