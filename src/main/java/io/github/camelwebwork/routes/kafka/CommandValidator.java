package io.github.camelwebwork.routes.kafka;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.component.WebworkConstants;
import io.github.camelwebwork.model.Timesheet;
import io.github.camelwebwork.operation.FieldType;
import io.github.camelwebwork.operation.Location;
import io.github.camelwebwork.operation.OperationCatalogue;
import io.github.camelwebwork.operation.OperationDef;
import io.github.camelwebwork.operation.Param;
import io.github.camelwebwork.operation.ParameterSource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Parses and checks one JSON command of the {@code webwork.commands} topic and prepares the exchange for a
 * {@code webwork:} producer (routes/kafka-to-webwork.yaml). A command:
 *
 * <pre>{@code
 * {"id": "cmd-123", "resource": "tasks", "operation": "create", "workspaceId": 1, "projectId": 100,
 *  "body": {"title": "Prepare the quarterly report", "priority": "high"}}
 * }</pre>
 *
 * <ul>
 * <li>{@code id} (optional, recommended): the command's own id, at most 200 characters. It is the idempotency key of
 * a create, so a command sent twice, or read twice after a crash, creates its record once. Without it the key is
 * {@code <topic>-<partition>-<offset>}, which covers a redelivery of the same record but not a producer that sends
 * the command again.</li>
 * <li>{@code resource} and {@code operation}: one of the pairs of {@link #SUPPORTED} that the {@code allowed} list
 * keeps (default: all of them).</li>
 * <li>{@code workspaceId} (optional, default {@code defaultWorkspaceId}) and the ids the pair needs:
 * {@code projectId}, {@code taskId}, {@code userId}, {@code contractId} (positive integers), {@code date}
 * ({@code YYYY-MM-DD}), {@code timesheetId} (a string), {@code reason} (a string).</li>
 * <li>{@code body}: the API's fields by their wire names ({@code title}, {@code start_time}, ...), as the
 * component takes them in a Map body.</li>
 * </ul>
 *
 * <table>
 * <caption>Supported commands</caption>
 * <tr><th>resource.operation</th><th>required</th><th>optional</th><th>body</th></tr>
 * <tr><td>tasks.create</td><td>projectId</td><td></td><td>required, with {@code title}</td></tr>
 * <tr><td>tasks.update</td><td>projectId, taskId</td><td></td><td>required, at least one field</td></tr>
 * <tr><td>time-entries.create</td><td>userId, date</td><td>contractId, taskId</td><td>required, with
 * {@code start_time} and {@code end_time} ({@code HH:mm})</td></tr>
 * <tr><td>timesheets.approve</td><td>timesheetId</td><td></td><td>none</td></tr>
 * <tr><td>timesheets.reject</td><td>timesheetId, reason</td><td></td><td>none</td></tr>
 * </table>
 *
 * <p>Unknown top-level fields, ids a command does not take and wrong types are refused with an
 * {@link InvalidCommandException}; the finer rules (lengths, enumerations, date and time formats, unknown body
 * fields) are the component's, which refuses a bad request with a {@code WebworkValidationException} before sending
 * anything. This class never logs, and its messages never repeat the payload.
 */
public class CommandValidator {

    /** Header: the command's resource, e.g. {@code tasks} (the route's {@code toD} target). */
    public static final String RESOURCE = "webworkCommandResource";
    /** Header: {@code resource.operation}, e.g. {@code tasks.create}. */
    public static final String COMMAND = "webworkCommand";
    /** Header: the command's id, or its {@code <topic>-<partition>-<offset>} when it has none. */
    public static final String COMMAND_ID = "webworkCommandId";
    /** Header: the status a timesheet command leaves the timesheet in ({@code approved}, {@code rejected}). */
    public static final String TARGET_STATUS = "webworkCommandTargetStatus";

    /** An optional parameter of these types is a field of the command itself; other optional ones go in its body. */
    private static final Set<FieldType> ID_TYPES = EnumSet.of(FieldType.INTEGER_ID, FieldType.STRING_ID);

    /**
     * Every command this route knows how to run safely, by {@code resource.operation}: the operations the catalogue
     * declares commandable.
     */
    public static final Map<String, Spec> SUPPORTED = supported();

    private static final Set<String> ENVELOPE = Set.of("id", "resource", "operation", "workspaceId", "body");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    private static final int MAX_ID_LENGTH = 200;

    private final ObjectMapper mapper = new ObjectMapper();
    private Set<String> allowed = SUPPORTED.keySet();
    private Long defaultWorkspaceId;

    /**
     * What a supported command needs: ids, optional ids, its body, the body fields it must have; the type of each
     * id, and the status a state verb leads to.
     */
    public record Spec(Set<String> required, Set<String> optional, BodyRule body, List<String> bodyFields,
                       String targetStatus, Set<String> integerIds) {

        /**
         * The command of an operation: its options (but the workspace, which the envelope carries) are the command's
         * fields when they are required or ids; the other fields go in its body.
         */
        static Spec of(OperationDef op) {
            Set<String> required = new LinkedHashSet<>();
            Set<String> optional = new LinkedHashSet<>();
            Set<String> integerIds = new LinkedHashSet<>();
            for (Param p : op.params()) {
                boolean commandField = p.hasOption() && !"workspaceId".equals(p.option())
                                       && (p.location() != Location.BODY || p.field().isRequired()
                                           || ID_TYPES.contains(p.field().type()));
                if (commandField) {
                    (p.field().isRequired() ? required : optional).add(p.option());
                    if (p.field().type() == FieldType.INTEGER_ID) {
                        integerIds.add(p.option());
                    }
                }
            }
            List<String> bodyFields = op.params().stream()
                    .filter(p -> p.location() == Location.BODY && !p.hasOption() && p.field().isRequired())
                    .map(Param::wireName).toList();
            return new Spec(Set.copyOf(required), Set.copyOf(optional),
                    op.takesBodyFields() ? BodyRule.REQUIRED : BodyRule.NONE, bodyFields,
                    op.stateVerb() == null ? null : op.stateVerb().targetStatus(), Set.copyOf(integerIds));
        }
    }

    private static Map<String, Spec> supported() {
        Map<String, Spec> m = new LinkedHashMap<>();
        OperationCatalogue.all().stream().filter(OperationDef::commandable)
                .forEach(op -> m.put(op.qualifiedName(), Spec.of(op)));
        return Collections.unmodifiableMap(m);
    }

    /** Whether a command carries a body. */
    public enum BodyRule {
        REQUIRED,
        NONE
    }

    /**
     * Narrows the allow-list: comma-separated {@code resource.operation} pairs, each one of {@link #SUPPORTED}.
     *
     * @throws IllegalArgumentException for an unknown pair or an empty list
     */
    public void setAllowed(String pairs) {
        Set<String> set = new LinkedHashSet<>();
        for (String pair : pairs.split(",")) {
            String p = pair.trim();
            if (p.isEmpty()) {
                continue;
            }
            if (!SUPPORTED.containsKey(p)) {
                throw new IllegalArgumentException("Unsupported command '" + p + "' in the allow-list; supported: "
                                                   + String.join(", ", SUPPORTED.keySet()));
            }
            set.add(p);
        }
        if (set.isEmpty()) {
            throw new IllegalArgumentException("The command allow-list is empty");
        }
        this.allowed = Collections.unmodifiableSet(set);
    }

    public Set<String> getAllowed() {
        return allowed;
    }

    /** The workspace of commands without {@code workspaceId}; null: every command must name its workspace. */
    public void setDefaultWorkspaceId(Long defaultWorkspaceId) {
        this.defaultWorkspaceId = defaultWorkspaceId;
    }

    public Long getDefaultWorkspaceId() {
        return defaultWorkspaceId;
    }

    /**
     * Checks the command in the body (a JSON string or bytes) and prepares the exchange: the body becomes the
     * command's {@code body} as a Map (null for commands without one); headers {@code CamelWebworkOperation},
     * {@code CamelWebworkWorkspaceId}, the command's ids ({@code CamelWebworkProjectId}, ...),
     * {@code CamelWebworkIdempotencyKey}, and {@link #RESOURCE}, {@link #COMMAND}, {@link #COMMAND_ID},
     * {@link #TARGET_STATUS}. Any {@code CamelWebwork*} header the message had before is removed first.
     *
     * @throws InvalidCommandException when the command cannot be run as it is
     */
    public void parse(Exchange exchange) {
        Message message = exchange.getMessage();
        JsonNode command = read(message.getBody());
        Map<String, Object> headers = new LinkedHashMap<>();

        String resource = text(command, "resource");
        String operation = text(command, "operation");
        if (resource == null || operation == null) {
            throw new InvalidCommandException("The command needs 'resource' and 'operation' (strings)");
        }
        String name = resource + "." + operation;
        Spec spec = SUPPORTED.get(name);
        if (spec == null || !allowed.contains(name)) {
            throw new InvalidCommandException("Command '" + shorten(name) + "' is not allowed; allowed: "
                                              + String.join(", ", allowed));
        }

        List<String> problems = new ArrayList<>();
        for (Iterator<String> it = command.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!ENVELOPE.contains(field) && !spec.required().contains(field) && !spec.optional().contains(field)) {
                problems.add("'" + shorten(field) + "' is not a field of " + name);
            }
        }
        String id = commandId(command, problems);
        Long workspaceId = command.has("workspaceId") ? integerId(command, "workspaceId", problems)
                : defaultWorkspaceId;
        if (workspaceId == null && !command.has("workspaceId")) {
            problems.add("'workspaceId' is missing and there is no default workspace");
        }
        headers.put(WebworkConstants.WORKSPACE_ID, workspaceId);
        for (String field : spec.required()) {
            if (!command.hasNonNull(field)) {
                problems.add("'" + field + "' is required by " + name);
            }
        }
        for (String field : union(spec.required(), spec.optional())) {
            if (command.hasNonNull(field)) {
                Object value = spec.integerIds().contains(field) ? integerId(command, field, problems)
                        : textField(command, field, problems);
                headers.put(ParameterSource.headerFor(field), value);
            }
        }
        Map<String, Object> body = body(command, spec, name, problems);
        if (!problems.isEmpty()) {
            throw new InvalidCommandException("Invalid command " + name + ": " + String.join("; ", problems));
        }

        message.removeHeaders("CamelWebwork*");
        headers.forEach(message::setHeader);
        message.setHeader(WebworkConstants.OPERATION, operation);
        String key = id != null ? id : recordKey(message);
        if (key != null) {
            message.setHeader(WebworkConstants.IDEMPOTENCY_KEY, key);
        }
        message.setHeader(RESOURCE, resource);
        message.setHeader(COMMAND, name);
        message.setHeader(COMMAND_ID, key);
        if (spec.targetStatus() != null) {
            message.setHeader(TARGET_STATUS, spec.targetStatus());
        } else {
            message.removeHeader(TARGET_STATUS);
        }
        message.setBody(body);
    }

    /** The body of a timesheets list that finds the command's timesheet: {@code {"id": <timesheetId>}}. */
    public Map<String, Object> timesheetQuery(Exchange exchange) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("id", exchange.getMessage().getHeader(WebworkConstants.TIMESHEET_ID, String.class));
        return query;
    }

    /**
     * Whether the timesheets list in the body holds exactly the command's timesheet, in the command's target status:
     * then an approve or reject that the API refused (422) had already taken effect (an earlier attempt whose answer
     * was lost, or a redelivery of the command), and the command is done.
     */
    public boolean reachedTargetStatus(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        String target = exchange.getMessage().getHeader(TARGET_STATUS, String.class);
        String id = exchange.getMessage().getHeader(WebworkConstants.TIMESHEET_ID, String.class);
        if (!(body instanceof List<?> list) || target == null || id == null) {
            return false;
        }
        return list.stream().filter(Timesheet.class::isInstance).map(Timesheet.class::cast)
                .anyMatch(t -> id.equals(t.getId()) && target.equals(t.getStatus()));
    }

    private JsonNode read(Object payload) {
        if (payload == null) {
            throw new InvalidCommandException("The record has no value");
        }
        JsonNode node;
        try {
            node = payload instanceof byte[] bytes ? mapper.readTree(bytes) : mapper.readTree(payload.toString());
        } catch (JsonProcessingException e) {
            throw new InvalidCommandException("The record value is not JSON: " + shorten(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InvalidCommandException("The record value cannot be read: " + e.getClass().getSimpleName());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidCommandException("The record value is not a JSON object");
        }
        return node;
    }

    private static String commandId(JsonNode command, List<String> problems) {
        JsonNode id = command.get("id");
        if (id == null || id.isNull()) {
            return null;
        }
        if (!id.isTextual() && !id.isIntegralNumber()) {
            problems.add("'id' must be a string or an integer");
            return null;
        }
        String text = id.asText().strip();
        if (text.isEmpty() || text.length() > MAX_ID_LENGTH) {
            problems.add("'id' must be 1 to " + MAX_ID_LENGTH + " characters long");
            return null;
        }
        return text;
    }

    private static Long integerId(JsonNode command, String field, List<String> problems) {
        JsonNode value = command.get(field);
        if (value != null && value.isIntegralNumber() && value.canConvertToLong() && value.asLong() > 0) {
            return value.asLong();
        }
        if (value != null && value.isTextual() && DIGITS.matcher(value.asText()).matches()
            && Long.parseLong(value.asText()) > 0) {
            return Long.parseLong(value.asText());
        }
        problems.add("'" + field + "' must be a positive integer");
        return null;
    }

    private static String textField(JsonNode command, String field, List<String> problems) {
        JsonNode value = command.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            problems.add("'" + field + "' must be a non-empty string");
            return null;
        }
        return value.asText();
    }

    private Map<String, Object> body(JsonNode command, Spec spec, String name, List<String> problems) {
        JsonNode body = command.get("body");
        boolean absent = body == null || body.isNull();
        if (spec.body() == BodyRule.NONE) {
            if (!absent && !(body.isObject() && body.isEmpty())) {
                problems.add(name + " takes no 'body'");
            }
            return null;
        }
        if (absent || !body.isObject()) {
            problems.add(name + " needs a 'body' object");
            return null;
        }
        if (body.isEmpty()) {
            problems.add(name + " needs at least one field in 'body'");
            return null;
        }
        for (String field : spec.bodyFields()) {
            JsonNode value = body.get(field);
            if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
                problems.add("'body." + field + "' is required by " + name);
            }
        }
        return mapper.convertValue(body, new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    private static String recordKey(Message message) {
        Object topic = message.getHeader(KafkaConstants.TOPIC);
        Object partition = message.getHeader(KafkaConstants.PARTITION);
        Object offset = message.getHeader(KafkaConstants.OFFSET);
        if (topic == null || partition == null || offset == null) {
            return null;                        // not from Kafka: the component's default (the exchange id)
        }
        return topic + "-" + partition + "-" + offset;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a.stream().sorted().toList());
        all.addAll(b.stream().sorted().toList());
        return all;
    }

    /** Field names and fragments are echoed at most 60 characters long. */
    private static String shorten(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }

    @Override
    public String toString() {
        return "CommandValidator[allowed=" + allowed + ", defaultWorkspaceId=" + defaultWorkspaceId + "]";
    }
}
