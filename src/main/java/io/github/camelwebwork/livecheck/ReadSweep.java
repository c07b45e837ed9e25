package io.github.camelwebwork.livecheck;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.operation.Location;
import io.github.camelwebwork.operation.OperationCatalogue;
import io.github.camelwebwork.operation.OperationDef;
import io.github.camelwebwork.operation.Param;
import io.github.camelwebwork.operation.ParameterSource;
import io.github.camelwebwork.operation.RequestResolver;
import io.github.camelwebwork.operation.ResolvedCall;
import io.github.camelwebwork.operation.WebworkValidationException;

/**
 * Sends every GET of the catalogue once, as the component would resolve it: lists at their largest page, each get
 * with the id of the first record its list answered, reports over last week. The fact groups judge these answers;
 * they add only the few requests a fact needs beyond them.
 */
final class ReadSweep {

    /** The order parameter of the lists that take one (§7.9 timesheets: asc or desc on created_at). */
    static final String ORDER_BY = "order_by";

    /** The user id of the first member, for the reads that need one (time entries, the current tracker). */
    private static final String MEMBER_USER = "firstMemberUserId";

    private static final Set<String> DATES = Set.of("dateFrom", "dateTo", "startDate", "endDate", "date");

    private final RequestResolver resolver;
    private final Clock clock;

    ReadSweep(ObjectMapper mapper, Clock clock) {
        this.resolver = new RequestResolver(mapper, clock);
        this.clock = clock;
    }

    List<Read> run(Probe probe, long workspaceId) {
        Map<String, Object> options = new HashMap<>();
        options.put("workspaceId", workspaceId);
        LocalDate monday = LocalDate.now(clock).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        options.put("dateFrom", monday.toString());
        options.put("dateTo", monday.plusDays(6).toString());
        options.put("startDate", monday.toString());
        options.put("endDate", monday.plusDays(6).toString());
        options.put("date", monday.toString());
        List<Read> reads = new ArrayList<>();
        for (OperationDef op : OperationCatalogue.all()) {
            if (!"GET".equals(op.method())) {
                continue;
            }
            Read read = read(probe, op, options);
            reads.add(read);
            if (read.ok() && op.params(Location.PATH).isEmpty()) {
                rememberFirstId(op, read.answer(), options);
            }
        }
        return reads;
    }

    private Read read(Probe probe, OperationDef op, Map<String, Object> options) {
        Map<String, Object> values = new HashMap<>();
        for (Param param : op.params()) {
            // ids only where required: an optional one (contracts' projectId ...) would narrow the list
            if (param.hasOption() && (param.field().isRequired() || DATES.contains(param.option()))) {
                values.put(param.option(), options.get(param.option()));
            }
        }
        int perPage = op.hasPageSize() ? op.maxPerPage() : 0;
        if (op.param(ORDER_BY).isPresent()) {
            values.put("orderBy", "asc");       // oldest first, as incremental change capture needs it
        }
        if (perPage > 0) {
            values.put("perPage", perPage);
        }
        boolean needsUser = op.params().stream().anyMatch(p -> "userId".equals(p.option()) && p.field().isRequired());
        if (needsUser && options.get(MEMBER_USER) != null) {
            values.put("userId", options.get(MEMBER_USER));
        }
        for (Param path : op.params(Location.PATH)) {
            if (values.get(path.option()) == null) {
                return new Read(op, null, null, 0, "no " + op.resource() + " record to read " + path.wireName()
                                                   + " from");
            }
        }
        ResolvedCall call;
        try {
            call = resolver.resolve(op, values::get, Map.of(ParameterSource.headerFor("page"), 1), null);
        } catch (WebworkValidationException e) {
            return new Read(op, null, null, 0, e.getMessage().replace('\n', ' '));
        }
        return new Read(op, call.request(), probe.send(call.request()), perPage, null);
    }

    /** The id of a list's first record, for the gets of the same resource ({@code projects} gives projectId, ...). */
    private static void rememberFirstId(OperationDef list, Answer answer, Map<String, Object> options) {
        JsonNode records = answer.records();
        if (!records.isArray() || records.isEmpty() || !records.get(0).has("id")) {
            return;
        }
        JsonNode id = records.get(0).get("id");
        JsonNode user = records.get(0).path("user_id");
        if ("members".equals(list.resource())) {
            options.putIfAbsent(MEMBER_USER, user.canConvertToLong() ? user.asLong() : id.asLong());
        }
        for (String operation : OperationCatalogue.operations(list.resource())) {
            OperationDef get = OperationCatalogue.find(list.resource(), operation).orElseThrow();
            if ("GET".equals(get.method())) {
                get.params(Location.PATH).stream().findFirst().ifPresent(path -> options.putIfAbsent(path.option(),
                        id.isNumber() ? (Object) id.asLong() : id.asText()));
            }
        }
    }
}
