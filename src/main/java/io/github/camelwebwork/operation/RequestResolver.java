package io.github.camelwebwork.operation;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelwebwork.client.ApiRequest;

/**
 * Turns an operation plus what the route gave (options, headers, body) into a validated {@link ApiRequest}. Each
 * parameter is taken from its {@code CamelWebwork<Option>} header, else from the body (by wire name), else from the
 * endpoint option. All violations are collected and thrown together; nothing is sent when there is one.
 */
public final class RequestResolver {

    private final ObjectMapper mapper;
    private final BodyReader bodyReader;
    private final Clock clock;

    /** {@code clock}: what "today" is for the rules that depend on it (a daily timeline within a year of today). */
    public RequestResolver(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.bodyReader = new BodyReader(mapper);
        this.clock = clock;
    }

    public ResolvedCall resolve(OperationDef op, ParameterSource options, Map<String, Object> headers, Object body) {
        List<String> violations = new ArrayList<>();
        BodyReader.Fields fields = bodyReader.read(op, body, violations);
        rejectUnknown(op, fields, violations);

        Map<Param, Object> values = new LinkedHashMap<>();
        Set<Param> given = new HashSet<>();
        for (Param param : op.params()) {
            if (resolve(param, options, headers, fields.values(), violations, values)) {
                given.add(param);
            }
        }
        Map<String, Object> byWireName = new LinkedHashMap<>();
        values.forEach((p, v) -> byWireName.put(p.wireName(), v));
        op.rules().forEach(rule -> rule.check(byWireName, clock, violations));
        if (op.requiresChange() && given.stream().noneMatch(RequestResolver::isChange)) {
            violations.add("nothing to change: give at least one of " + String.join(", ", changeable(op)));
        }
        if (!violations.isEmpty()) {
            throw new WebworkValidationException(op.qualifiedName(), violations);
        }
        return new ResolvedCall(op, toRequest(op, values), values.keySet().stream()
                .anyMatch(p -> "page".equals(p.wireName()) && p.location() == Location.QUERY));
    }

    /** Resolves one parameter into {@code values}; true when a value was given (valid or not). */
    private static boolean resolve(Param param, ParameterSource options, Map<String, Object> headers,
                                   Map<String, Object> body, List<String> violations, Map<Param, Object> values) {
        Object raw;
        if (param.hasOption() && headers.get(ParameterSource.headerFor(param.option())) != null) {
            raw = headers.get(ParameterSource.headerFor(param.option()));
        } else if (body.containsKey(param.wireName())) {
            raw = body.get(param.wireName());
        } else if (param.hasOption() && options.option(param.option()) != null) {
            raw = options.option(param.option());
        } else {
            if (param.field().isRequired()) {
                violations.add(param.wireName() + ": is required" + (param.hasOption()
                        ? " (set the " + param.option() + " option or the " + ParameterSource.headerFor(param.option())
                          + " header)"
                        : ""));
            }
            return false;
        }
        Object value = param.field().normalise(raw, violations);
        if (value != Field.INVALID) {
            values.put(param, value);
        }
        return true;
    }

    private static void rejectUnknown(OperationDef op, BodyReader.Fields fields, List<String> violations) {
        if (!fields.strict()) {
            return;
        }
        Set<String> unknown = new TreeSet<>(fields.values().keySet());
        op.params().forEach(p -> unknown.remove(p.wireName()));
        if (!unknown.isEmpty()) {
            violations.add("body: unknown field" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                           + " (" + op.qualifiedName() + " takes " + String.join(", ",
                                   op.params().stream().map(Param::wireName).toList()) + ")");
        }
    }

    /** An optional body field: what an update changes (the required ones are the scope ids). */
    private static boolean isChange(Param p) {
        return p.location() == Location.BODY && !p.field().isRequired();
    }

    private static List<String> changeable(OperationDef op) {
        return op.params().stream().filter(RequestResolver::isChange).map(Param::wireName).toList();
    }

    private static void addQuery(List<Map.Entry<String, String>> query, Param p, Object value) {
        if (value instanceof List<?> list) {
            if (p.field().listStyle() == ListStyle.BRACKETS) {
                list.forEach(v -> query.add(Map.entry(p.wireName() + "[]", text(v))));
            } else if (!list.isEmpty()) {
                query.add(Map.entry(p.wireName(), String.join(",", list.stream().map(RequestResolver::text).toList())));
            }
        } else {
            query.add(Map.entry(p.wireName(), text(value)));
        }
    }

    private static String text(Object value) {
        return value instanceof BigDecimal b ? b.toPlainString() : String.valueOf(value);
    }

    private ApiRequest toRequest(OperationDef op, Map<Param, Object> values) {
        String path = op.pathTemplate();
        List<Map.Entry<String, String>> query = new ArrayList<>();
        ObjectNode body = HouseRules.sendsBody(op.method()) ? mapper.createObjectNode() : null;
        for (Map.Entry<Param, Object> e : values.entrySet()) {
            Param p = e.getKey();
            switch (p.location()) {
                case PATH -> path = path.replace("{" + p.option() + "}", ApiRequest.encode(String.valueOf(e.getValue())));
                case QUERY -> addQuery(query, p, e.getValue());
                case BODY -> body.set(p.wireName(), mapper.valueToTree(e.getValue()));
                default -> throw new IllegalStateException("Unknown location " + p.location());
            }
        }
        return new ApiRequest(op.method(), path, query, body);
    }
}
