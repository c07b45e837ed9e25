package io.github.camelwebwork.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.github.camelwebwork.client.CallSafety;

/**
 * One WebWork API operation, declared as data: resource and name, HTTP method and path template, its parameters and
 * where they go, its validation rules and its result. The producer, the README table and the tests are driven by it.
 */
public record OperationDef(String resource, String name, String method, String pathTemplate, List<Param> params,
                           List<CrossRule> rules, boolean requiresChange, ResultShape shape, Class<?> resultType,
                           int maxPerPage, String modelIdOption, List<String> envelopeExtras, String description,
                           CreateLookup lookup, boolean repeatable, StateVerb stateVerb, ScanPartition scan,
                           WebhookCoverage webhooks, boolean commandable) {

    /** The options of a list that never narrow a change-capture scan: paging and order. */
    private static final Set<String> NOT_NARROWING = Set.of("workspaceId", "page", "perPage", "orderBy");

    /**
     * Whether the call may be sent again after an attempt that may have reached the server: every GET, PUT and
     * DELETE, and the POSTs declared {@link Builder#repeatable() repeatable} (approve, restore, assign, ...); the
     * other POSTs create something.
     */
    public CallSafety callSafety() {
        return "POST".equals(method) && !repeatable ? CallSafety.NOT_IDEMPOTENT : CallSafety.IDEMPOTENT;
    }

    /** A list whose changes webhook events announce (see {@link #webhooks()}); a consumer can take them as trigger. */
    public boolean isAnnounced() {
        return webhooks != null;
    }

    /** A list that a change-capture consumer can follow: it has a way to be scanned. */
    public boolean isConsumable() {
        return scan != null;
    }

    /**
     * The options that narrow what a change-capture scan of this list sees (filters, not paging nor what a
     * partition supplies): a consumer's state is kept per combination of them.
     */
    public List<Param> scanFilters() {
        return params.stream()
                .filter(p -> p.hasOption() && p.location() == Location.QUERY)
                .filter(p -> !NOT_NARROWING.contains(p.option()))
                .filter(p -> scan == null || !scan.supplies(p.option()))
                .toList();
    }

    public String qualifiedName() {
        return resource + "." + name;
    }

    /** Walks pages lazily unless a page is given: it has {@code page} and {@code per_page}. */
    public boolean isPaged() {
        return maxPerPage > 0;
    }

    /** Takes {@code per_page} (most lists) rather than answering a fixed page size. */
    public boolean hasPageSize() {
        return params.stream().anyMatch(p -> "per_page".equals(p.wireName()));
    }

    /** Takes fields that only a body can give (create, update): a JSON or model body is read, strictly. */
    public boolean takesBodyFields() {
        return params.stream().anyMatch(p -> p.location() == Location.BODY && !p.hasOption());
    }

    public Optional<Param> param(String wireName) {
        return params.stream().filter(p -> p.wireName().equals(wireName)).findFirst();
    }

    public List<Param> params(Location location) {
        return params.stream().filter(p -> p.location() == location).toList();
    }

    /** "GET /tasks/{taskId}". */
    public String httpCall() {
        return method + " " + pathTemplate;
    }

    static Builder builder(String resource, String name, String method, String pathTemplate) {
        return new Builder(resource, name, method, pathTemplate);
    }

    static final class Builder {
        private final String resource;
        private final String name;
        private final String method;
        private final String pathTemplate;
        private final List<Param> params = new ArrayList<>();
        private final List<CrossRule> rules = new ArrayList<>();
        private boolean requiresChange;
        private ResultShape shape = ResultShape.NONE;
        private Class<?> resultType;
        private int maxPerPage;
        private String modelIdOption;
        private final List<String> envelopeExtras = new ArrayList<>();
        private String description = "";
        private CreateLookup lookup;
        private boolean repeatable;
        private StateVerb stateVerb;
        private ScanPartition scan;
        private WebhookCoverage webhooks;
        private boolean commandable;

        private Builder(String resource, String name, String method, String pathTemplate) {
            this.resource = resource;
            this.name = name;
            this.method = method;
            this.pathTemplate = pathTemplate;
        }

        /** A path parameter: {@code {option}} in the template; always required. */
        Builder path(String option, Field field) {
            if (!pathTemplate.contains("{" + option + "}")) {
                throw new IllegalArgumentException(pathTemplate + " has no {" + option + "}");
            }
            params.add(new Param(field.required(), Location.PATH, option));
            return this;
        }

        /** A required scope id, placed by house rule H1. */
        Builder scope(String option, Field field) {
            params.add(new Param(field.required(), HouseRules.scopeLocation(method), option));
            return this;
        }

        Builder query(String option, Field field) {
            params.add(new Param(field, Location.QUERY, option));
            return this;
        }

        /** A body field; {@code option} may be null when only a body can give it. */
        Builder body(String option, Field field) {
            params.add(new Param(field, Location.BODY, option));
            return this;
        }

        Builder rule(CrossRule rule) {
            rules.add(rule);
            return this;
        }

        /** At least one body field beside the scope ids must be given (an update that changes nothing is a bug). */
        Builder requiresChange() {
            this.requiresChange = true;
            return this;
        }

        /** {@code page} and {@code per_page} (1..maxPerPage); without a page the list is walked lazily. */
        Builder paged(int maxPerPage) {
            this.maxPerPage = maxPerPage;
            params.add(new Param(Field.integer("page").atLeast(1), Location.QUERY, "page"));
            params.add(new Param(Field.integer("per_page").range(1, maxPerPage), Location.QUERY, "perPage"));
            return this;
        }

        /**
         * Walks pages by {@code page} alone: the API documents no {@code per_page} and answers {@code rowsPerPage}
         * records a page (webhooks, §7.13).
         */
        Builder pagedWithoutPageSize(int rowsPerPage) {
            this.maxPerPage = rowsPerPage;
            params.add(new Param(Field.integer("page").atLeast(1), Location.QUERY, "page"));
            return this;
        }

        /** A top-level field of the answer beside data (e.g. saved_minutes) that goes to a header. */
        Builder envelopeExtra(String wireName) {
            envelopeExtras.add(wireName);
            return this;
        }

        /** The {@code id} of a model body supplies this option (e.g. a Task body gives the taskId of an update). */
        Builder modelId(String option) {
            this.modelIdOption = option;
            return this;
        }

        Builder returns(ResultShape shape, Class<?> type) {
            this.shape = shape;
            this.resultType = type;
            return this;
        }

        /** How to find what an attempt of this create made, when its outcome is unknown (see {@link CreateLookup}). */
        Builder foundBy(CreateLookup lookup) {
            this.lookup = lookup;
            return this;
        }

        /** A POST that changes the state of an existing thing: sending it twice has the effect of sending it once. */
        Builder repeatable() {
            this.repeatable = true;
            return this;
        }

        /**
         * A state verb: it leads the record to {@code targetStatus}, read back by the resource's
         * {@code readOperation} ({@code list} with an {@code id} filter, or {@code get}). A repeat of it after a lost
         * answer is refused by the API when the first attempt took effect; the status tells (see {@link VerbChecks}).
         */
        Builder stateVerb(String targetStatus, String readOperation) {
            this.stateVerb = new StateVerb(targetStatus, readOperation);
            return repeatable();
        }

        /** A list that change capture can follow, scanned as {@code partition} says. */
        Builder consumable(ScanPartition partition) {
            this.scan = partition;
            return this;
        }

        /**
         * The webhook events (§8) that announce a change of one of the list's records, so that a change-capture
         * consumer can take them as its trigger ({@code trigger=webhook}).
         */
        Builder announcedBy(WebhookCoverage coverage) {
            this.webhooks = coverage;
            return this;
        }

        /** Can be sent as a command of the Kafka commands route (routes/kafka-to-webwork.yaml). */
        Builder commandable() {
            this.commandable = true;
            return this;
        }

        Builder describedAs(String text) {
            this.description = text;
            return this;
        }

        OperationDef build() {
            return new OperationDef(resource, name, method, pathTemplate, List.copyOf(params), List.copyOf(rules),
                    requiresChange, shape, resultType, maxPerPage, modelIdOption, List.copyOf(envelopeExtras),
                    description, lookup, repeatable, stateVerb, scan, webhooks, commandable);
        }
    }
}
