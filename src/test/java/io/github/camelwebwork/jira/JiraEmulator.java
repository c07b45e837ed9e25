package io.github.camelwebwork.jira;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.camelwebwork.sandbox.SandboxSecrets;

/**
 * A Jira Cloud (REST API v3) emulator for the Jira route tests, on the JDK's HttpServer. It implements exactly the
 * endpoints the routes use and rejects what Jira's published contract rejects: Basic auth (e-mail + API token),
 * JSON content type, required fields ({@code fields.project}, {@code issuetype}, {@code summary}; {@code object.url}
 * and {@code title} of a remote link; {@code transition.id}), the Atlassian Document Format shape of
 * {@code description} (a plain string is refused, as v3 does), date format of {@code duedate}, known priorities,
 * labels without spaces, fields that can't be set, unbounded JQL on {@code /search/jql}, the retired
 * {@code /rest/api/3/search} (410). Status codes as published: 201 (create, new remote link), 200 (search,
 * transitions, updated remote link), 204 (edit, transition), 400, 401, 404, and 429 with {@code Retry-After} on demand.
 * <p>
 * Every answer is also checked against the contract in {@code src/test/resources/jira/jira-contract.json} (the
 * operations the route uses and the statuses Atlassian's published OpenAPI description declares for each): the path
 * and method must be there and the status one it declares (429 aside, which any call may answer); {@link #contractViolations()} lists what did not match. The API token (and its Basic
 * form) is registered with {@link SandboxSecrets}, so the build's secret scan fails if any test output shows it.
 */
public final class JiraEmulator implements AutoCloseable {

    public static final String API = "/rest/api/3";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PRIORITIES = Set.of("Highest", "High", "Medium", "Low", "Lowest");
    private static final Set<String> CREATE_FIELDS = Set.of("project", "issuetype", "summary", "description",
            "duedate", "priority", "labels", "assignee");
    private static final Set<String> EDIT_FIELDS = Set.of("summary", "description", "duedate", "priority", "labels",
            "assignee");
    private static final Set<String> BLOCK_NODES = Set.of("paragraph", "heading", "bulletList", "orderedList",
            "listItem", "codeBlock", "blockquote", "rule");
    private static final Set<String> INLINE_NODES = Set.of("text", "hardBreak", "mention", "emoji", "inlineCard");
    private static final Set<String> MARKS = Set.of("link", "strong", "em", "code", "strike", "underline");
    /** id, name, target status, its category. */
    private static final String[][] WORKFLOW = {
            { "11", "To Do", "To Do", "new" },
            { "21", "In Progress", "In Progress", "indeterminate" },
            { "31", "Done", "Done", "done" } };

    /** One request as received. */
    public record Request(String method, String path, String query, String body, long nanoTime) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** One issue (fields kept as Jira returns them). */
    public static final class Issue {
        public final String id;
        public final String key;
        public final ObjectNode fields;
        public final Map<String, ObjectNode> remoteLinks = new LinkedHashMap<>();   // by globalId (or id)
        public final Map<String, ObjectNode> worklogs = new LinkedHashMap<>();      // by id, in creation order
        public volatile long updated;

        Issue(String id, String key, ObjectNode fields) {
            this.id = id;
            this.key = key;
            this.fields = fields;
        }

        public String summary() {
            return fields.path("summary").asText(null);
        }

        public String status() {
            return fields.path("status").path("name").asText();
        }

        public String assigneeAccountId() {
            return fields.path("assignee").path("accountId").asText(null);
        }

        public List<String> labels() {
            List<String> labels = new ArrayList<>();
            fields.path("labels").forEach(l -> labels.add(l.asText()));
            return labels;
        }
    }

    private final String email;
    private final String apiToken;
    private final String projectKey;
    private final HttpServer server;
    private final Map<String, Issue> issues = new LinkedHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicInteger throttle = new AtomicInteger();
    private volatile String retryAfter = "1";
    private final JsonNode spec;
    private int nextIssue = 10000;
    private int nextLink = 1;
    private int nextWorklog = 20000;
    private final Map<String, ObjectNode> users = new LinkedHashMap<>();     // by accountId

    public JiraEmulator(String email, String apiToken, String projectKey) throws IOException {
        this.email = email;
        this.apiToken = apiToken;
        this.projectKey = projectKey;
        SandboxSecrets.remember(apiToken);          // the verify phase's SecretScan then checks no output shows it
        SandboxSecrets.remember(Base64.getEncoder()
                .encodeToString((email + ":" + apiToken).getBytes(StandardCharsets.UTF_8)));
        this.spec = loadSpec();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
    }

    public JiraEmulator start() {
        server.start();
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The API token this emulator accepts (for wiring a route to it; only the keep-running demo prints it). */
    public String apiToken() {
        return apiToken;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Whether the contract check of every answer is on (always: the contract ships with the tests). */
    public boolean contractChecked() {
        return spec != null;
    }

    /** Answers the next {@code count} requests with 429 and this {@code Retry-After}. */
    public void throttleNext(int count, String retryAfterValue) {
        this.retryAfter = retryAfterValue;
        throttle.set(count);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String method, String pathRegex) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().matches(pathRegex)).toList();
    }

    public synchronized List<Issue> issues() {
        return List.copyOf(issues.values());
    }

    public synchronized List<Issue> issuesLabelled(String label) {
        return issues.values().stream().filter(i -> i.labels().contains(label)).toList();
    }

    /** Answers that the published contract does not declare (empty when the spec is absent). */
    public List<String> contractViolations() {
        return List.copyOf(violations);
    }

    /** A Jira user (found by {@code /user/search} with a part of the e-mail address or display name). */
    public synchronized void addUser(String accountId, String emailAddress, String displayName) {
        ObjectNode user = JSON.createObjectNode();
        user.put("self", baseUrl() + API + "/user?accountId=" + accountId);
        user.put("accountId", accountId);
        user.put("accountType", "atlassian");
        if (emailAddress != null) {
            user.put("emailAddress", emailAddress);
        }
        user.put("displayName", displayName);
        user.put("active", true);
        users.put(accountId, user);
    }

    /** The worklogs of an issue, in creation order. */
    public synchronized List<ObjectNode> worklogs(String key) {
        Issue issue = issues.get(key);
        return issue == null ? List.of() : issue.worklogs.values().stream().map(ObjectNode::deepCopy).toList();
    }

    /** Changes an issue's status as a Jira user would (for the status-polling direction). */
    public synchronized void setStatus(String key, String status) {
        Issue issue = issues.get(key);
        for (String[] t : WORKFLOW) {
            if (t[2].equals(status)) {
                issue.fields.set("status", status(t));
                issue.updated = System.currentTimeMillis();
                return;
            }
        }
        throw new IllegalArgumentException(status);
    }

    // ------------------------------------------------------------------------------------------------ dispatch

    private record Answer(int status, JsonNode body, String template) {
    }

    private void handle(HttpExchange http) throws IOException {
        String method = http.getRequestMethod();
        String path = http.getRequestURI().getRawPath();
        String query = http.getRequestURI().getRawQuery();
        String body;
        try (InputStream in = http.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        requests.add(new Request(method, path, query, body, System.nanoTime()));
        Answer answer;
        try {
            answer = dispatch(http, method, path, query, body);
        } catch (RuntimeException e) {
            answer = new Answer(500, errors(List.of(String.valueOf(e)), Map.of()), null);
        }
        if (answer.template() != null) {
            checkContract(method, answer.template(), answer.status());
        }
        byte[] bytes = answer.body() == null ? new byte[0] : JSON.writeValueAsBytes(answer.body());
        if (answer.body() != null) {
            http.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        }
        if (answer.status() == 429) {
            http.getResponseHeaders().set("Retry-After", retryAfter);
        }
        http.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (var out = http.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Answer dispatch(HttpExchange http, String method, String path, String query, String body) {
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString((email + ":" + apiToken).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(http.getRequestHeaders().getFirst("Authorization"))) {
            return new Answer(401, errors(List.of("Client must be authenticated to access this resource."), Map.of()),
                    null);
        }
        if (throttle.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new Answer(429, errors(List.of("Rate limit exceeded."), Map.of()), null);
        }
        if (("POST".equals(method) || "PUT".equals(method))) {
            String type = http.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.toLowerCase().startsWith("application/json")) {
                return new Answer(415, errors(List.of("Unsupported media type: " + type), Map.of()), null);
            }
        }
        JsonNode json = null;
        if (!body.isEmpty()) {
            try {
                json = JSON.readTree(body);
            } catch (IOException e) {
                return new Answer(400, errors(List.of("Unexpected character: not JSON"), Map.of()), null);
            }
        }
        Matcher m;
        synchronized (this) {
            if (path.equals(API + "/issue") && "POST".equals(method)) {
                return createIssue(json);
            }
            if (path.equals(API + "/search/jql") && ("POST".equals(method) || "GET".equals(method))) {
                return search(method, "GET".equals(method) ? fromQuery(query) : json);
            }
            if (path.equals(API + "/search")) {
                return new Answer(410, errors(List.of("The requested API has been removed. Please migrate to the "
                        + "/rest/api/3/search/jql API."), Map.of()), null);
            }
            if ((m = Pattern.compile(API + "/issue/([^/]+)").matcher(path)).matches() && "PUT".equals(method)) {
                return editIssue(m.group(1), json);
            }
            if ((m = Pattern.compile(API + "/issue/([^/]+)/transitions").matcher(path)).matches()) {
                if ("GET".equals(method)) {
                    return transitions(m.group(1));
                }
                if ("POST".equals(method)) {
                    return transition(m.group(1), json);
                }
            }
            if ((m = Pattern.compile(API + "/issue/([^/]+)/worklog").matcher(path)).matches()) {
                Map<String, String> params = queryParams(query);
                if ("GET".equals(method)) {
                    return worklogs(m.group(1), params);
                }
                if ("POST".equals(method)) {
                    return addWorklog(m.group(1), params, json);
                }
            }
            if ((m = Pattern.compile(API + "/issue/([^/]+)/worklog/([^/]+)").matcher(path)).matches()) {
                Map<String, String> params = queryParams(query);
                if ("PUT".equals(method)) {
                    return updateWorklog(m.group(1), m.group(2), params, json);
                }
                if ("DELETE".equals(method)) {
                    return deleteWorklog(m.group(1), m.group(2), params);
                }
            }
            if (path.equals(API + "/user/search") && "GET".equals(method)) {
                return userSearch(queryParams(query));
            }
            if ((m = Pattern.compile(API + "/issue/([^/]+)/remotelink").matcher(path)).matches()
                    && "POST".equals(method)) {
                return remoteLink(m.group(1), json);
            }
        }
        violations.add("not emulated: " + method + " " + path);
        return new Answer(404, errors(List.of("No such endpoint in the emulator: " + method + " " + path), Map.of()),
                null);
    }

    // ------------------------------------------------------------------------------------------------ issues

    private Answer createIssue(JsonNode body) {
        String t = "/rest/api/3/issue";
        if (body == null || !body.path("fields").isObject()) {
            return new Answer(400, errors(List.of("Issue must be created with 'fields' or 'update'."), Map.of()), t);
        }
        JsonNode fields = body.get("fields");
        Map<String, String> errors = new LinkedHashMap<>();
        unknownFields(fields, CREATE_FIELDS, errors);
        JsonNode project = fields.path("project");
        if (!projectKey.equals(project.path("key").asText(null)) && !"10000".equals(project.path("id").asText(null))) {
            errors.put("project", "valid project is required");
        }
        if (!"Task".equals(fields.path("issuetype").path("name").asText(null))
                && !"10001".equals(fields.path("issuetype").path("id").asText(null))) {
            errors.put("issuetype", "valid issue type is required");
        }
        if (!fields.path("summary").isTextual() || fields.get("summary").asText().isBlank()) {
            errors.put("summary", "You must specify a summary of the issue.");
        } else if (fields.get("summary").asText().length() > 255) {
            errors.put("summary", "Summary must be less than 255 characters.");
        }
        checkCommon(fields, errors);
        if (!errors.isEmpty()) {
            return new Answer(400, errors(List.of(), errors), t);
        }
        int n = nextIssue++;
        String key = projectKey + "-" + (n - 9999);
        ObjectNode stored = JSON.createObjectNode();
        for (String f : List.of("summary", "description", "duedate", "priority")) {
            if (fields.has(f) && !fields.get(f).isNull()) {
                stored.set(f, fields.get(f));
            }
        }
        if (fields.hasNonNull("assignee")) {
            stored.set("assignee", users.get(fields.get("assignee").path("accountId").asText()));
        }
        stored.set("labels", fields.has("labels") ? fields.get("labels") : JSON.createArrayNode());
        stored.set("status", status(WORKFLOW[0]));
        stored.put("created", System.currentTimeMillis());
        Issue issue = new Issue(String.valueOf(n), key, stored);
        issue.updated = System.currentTimeMillis();
        issues.put(key, issue);
        ObjectNode answer = JSON.createObjectNode();
        answer.put("id", issue.id);
        answer.put("key", key);
        answer.put("self", baseUrl() + API + "/issue/" + issue.id);
        return new Answer(201, answer, t);
    }

    private Answer editIssue(String key, JsonNode body) {
        String t = "/rest/api/3/issue/{issueIdOrKey}";
        Issue issue = issues.get(key);
        if (issue == null) {
            return notFound(t);
        }
        if (body == null || (!body.has("fields") && !body.has("update"))) {
            return new Answer(400, errors(List.of("Issue must be edited with 'fields' or 'update'."), Map.of()), t);
        }
        JsonNode fields = body.path("fields");
        JsonNode update = body.path("update");
        Map<String, String> errors = new LinkedHashMap<>();
        unknownFields(fields, EDIT_FIELDS, errors);
        unknownFields(update, EDIT_FIELDS, errors);
        fields.fieldNames().forEachRemaining(f -> {
            if (update.has(f)) {
                errors.put(f, "Field '" + f + "' cannot be in both 'fields' and 'update'.");
            }
        });
        if (fields.has("summary") && (!fields.get("summary").isTextual() || fields.get("summary").asText().isBlank())) {
            errors.put("summary", "You must specify a summary of the issue.");
        }
        checkCommon(fields, errors);
        List<String> labels = issue.labels();
        for (JsonNode op : update.path("labels")) {
            if (op.has("add") && op.get("add").isTextual()) {
                checkLabel(op.get("add").asText(), errors);
                if (!labels.contains(op.get("add").asText())) {
                    labels.add(op.get("add").asText());
                }
            } else if (op.has("remove")) {
                labels.remove(op.get("remove").asText());
            } else {
                errors.put("labels", "Unsupported operation on labels: " + op);
            }
        }
        if (!errors.isEmpty()) {
            return new Answer(400, errors(List.of(), errors), t);
        }
        fields.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                issue.fields.remove(e.getKey());
            } else if ("assignee".equals(e.getKey())) {
                issue.fields.set("assignee", users.get(e.getValue().path("accountId").asText()));
            } else {
                issue.fields.set(e.getKey(), e.getValue());
            }
        });
        if (!fields.has("labels")) {
            ArrayNode array = JSON.createArrayNode();
            labels.forEach(array::add);
            issue.fields.set("labels", array);
        }
        issue.updated = System.currentTimeMillis();
        return new Answer(204, null, t);
    }

    private void checkCommon(JsonNode fields, Map<String, String> errors) {
        if (fields.hasNonNull("assignee")) {
            String accountId = fields.get("assignee").path("accountId").asText(null);
            if (accountId == null) {
                errors.put("assignee", "Specify the user (accountId) to assign the issue to.");
            } else if (!users.containsKey(accountId)) {
                errors.put("assignee", "User '" + accountId + "' does not exist.");
            }
        }
        if (fields.has("description") && !fields.get("description").isNull()) {
            String problem = adfProblem(fields.get("description"));
            if (problem != null) {
                errors.put("description", "Operation value must be an Atlassian Document (" + problem + ")");
            }
        }
        if (fields.has("duedate") && !fields.get("duedate").isNull()) {
            try {
                LocalDate.parse(fields.get("duedate").asText());
            } catch (DateTimeParseException e) {
                errors.put("duedate", "Error parsing date string: " + fields.get("duedate").asText());
            }
        }
        if (fields.has("priority")) {
            String name = fields.get("priority").path("name").asText(null);
            if (name == null || !PRIORITIES.contains(name)) {
                errors.put("priority", "Specify the Priority (name) in the string format");
            }
        }
        if (fields.has("labels")) {
            if (!fields.get("labels").isArray()) {
                errors.put("labels", "data was not an array");
            } else {
                fields.get("labels").forEach(l -> checkLabel(l.asText(), errors));
            }
        }
    }

    private static void checkLabel(String label, Map<String, String> errors) {
        if (label.isEmpty() || label.chars().anyMatch(Character::isWhitespace) || label.length() > 255) {
            errors.put("labels", "The label '" + label + "' contains spaces which is invalid.");
        }
    }

    private static void unknownFields(JsonNode fields, Set<String> allowed, Map<String, String> errors) {
        fields.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                errors.put(f, "Field '" + f + "' cannot be set. It is not on the appropriate screen, or unknown.");
            }
        });
    }

    /** Why a value is not an ADF document, or null when it is one (the structure Jira validates). */
    static String adfProblem(JsonNode doc) {
        if (!doc.isObject()) {
            return "not an object";
        }
        if (!"doc".equals(doc.path("type").asText()) || doc.path("version").asInt() != 1) {
            return "the root must be {type: doc, version: 1}";
        }
        if (!doc.path("content").isArray()) {
            return "doc.content must be an array";
        }
        for (JsonNode block : doc.get("content")) {
            String type = block.path("type").asText();
            if (!BLOCK_NODES.contains(type)) {
                return "'" + type + "' is not a block node";
            }
            if ("paragraph".equals(type)) {
                if (block.has("content") && !block.get("content").isArray()) {
                    return "paragraph.content must be an array";
                }
                for (JsonNode inline : block.path("content")) {
                    String problem = inlineProblem(inline);
                    if (problem != null) {
                        return problem;
                    }
                }
            }
        }
        return null;
    }

    private static String inlineProblem(JsonNode inline) {
        String type = inline.path("type").asText();
        if (!INLINE_NODES.contains(type)) {
            return "'" + type + "' is not an inline node";
        }
        if ("text".equals(type)) {
            if (!inline.path("text").isTextual() || inline.get("text").asText().isEmpty()) {
                return "a text node needs a non-empty text";
            }
            for (JsonNode mark : inline.path("marks")) {
                if (!MARKS.contains(mark.path("type").asText())) {
                    return "unknown mark " + mark.path("type").asText();
                }
                if ("link".equals(mark.path("type").asText()) && !mark.path("attrs").path("href").isTextual()) {
                    return "a link mark needs attrs.href";
                }
            }
        } else if ("hardBreak".equals(type) && inline.has("content")) {
            return "hardBreak has no content";
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------------ search

    private static final Pattern CLAUSE = Pattern.compile(
            "\\s*(project|labels|updated)\\s*(=|>=)\\s*(\"[^\"]*\"|[\\w-]+)\\s*", Pattern.CASE_INSENSITIVE);

    private Answer search(String method, JsonNode body) {
        String t = "/rest/api/3/search/jql";
        if (body == null || !body.path("jql").isTextual()) {
            return new Answer(400, errors(List.of("The 'jql' parameter is required."), Map.of()), t);
        }
        String jql = body.get("jql").asText();
        String order = null;
        Matcher orderBy = Pattern.compile("(?i)(^|\\s+)ORDER BY\\s+(created|updated)\\s*(ASC|DESC)?\\s*$").matcher(jql);
        if (orderBy.find()) {
            order = orderBy.group(2).toLowerCase();
            jql = jql.substring(0, orderBy.start());
        }
        List<Predicate<Issue>> filters = new ArrayList<>();
        if (!jql.isBlank()) {
            for (String clause : jql.split("(?i)\\s+AND\\s+")) {
                Matcher c = CLAUSE.matcher(clause);
                if (!c.matches()) {
                    return new Answer(400, errors(List.of("Error in the JQL Query: unsupported clause '" + clause
                            + "'"), Map.of()), t);
                }
                String field = c.group(1).toLowerCase();
                String value = c.group(3).replace("\"", "");
                switch (field) {
                    case "project" -> filters.add(i -> i.key.startsWith(value + "-"));
                    case "labels" -> filters.add(i -> i.labels().contains(value));
                    default -> {
                        if (!value.matches("\\d+")) {
                            return new Answer(400, errors(List.of("Date value '" + value + "' for field 'updated' "
                                    + "is invalid."), Map.of()), t);
                        }
                        long since = Long.parseLong(value);
                        filters.add(i -> i.updated >= since);
                    }
                }
            }
        }
        if (filters.isEmpty()) {
            return new Answer(400, errors(List.of("Unbounded JQL queries are not allowed here. Please add a search "
                    + "restriction to your query."), Map.of()), t);
        }
        List<Issue> found = issues.values().stream().filter(i -> filters.stream().allMatch(f -> f.test(i)))
                .collect(Collectors.toCollection(ArrayList::new));
        if ("updated".equals(order)) {
            found.sort(Comparator.comparingLong(i -> i.updated));
        }
        int max = body.path("maxResults").asInt(50);
        int offset = 0;
        if (body.hasNonNull("nextPageToken")) {
            try {
                offset = Integer.parseInt(new String(Base64.getDecoder().decode(body.get("nextPageToken").asText()),
                        StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                return new Answer(400, errors(List.of("Invalid nextPageToken."), Map.of()), t);
            }
        }
        Set<String> wanted = new LinkedHashSet<>();
        body.path("fields").forEach(f -> wanted.add(f.asText()));
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode page = answer.putArray("issues");
        for (Issue issue : found.subList(Math.min(offset, found.size()), Math.min(offset + max, found.size()))) {
            ObjectNode node = page.addObject();
            node.put("id", issue.id);
            if (!wanted.isEmpty() && !wanted.equals(Set.of("id"))) {
                node.put("key", issue.key);
                node.put("self", baseUrl() + API + "/issue/" + issue.id);
                ObjectNode fields = node.putObject("fields");
                for (String f : wanted) {
                    if ("updated".equals(f)) {
                        fields.put("updated", Instant.ofEpochMilli(issue.updated).toString());
                    } else if (issue.fields.has(f)) {
                        fields.set(f, issue.fields.get(f));
                    }
                }
            }
        }
        boolean last = offset + max >= found.size();
        answer.put("isLast", last);
        if (!last) {
            answer.put("nextPageToken", Base64.getEncoder().encodeToString(
                    String.valueOf(offset + max).getBytes(StandardCharsets.UTF_8)));
        }
        return new Answer(200, answer, t);
    }

    private static JsonNode fromQuery(String query) {
        ObjectNode body = JSON.createObjectNode();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                String name = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
                String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                if ("fields".equals(name)) {
                    ArrayNode fields = body.putArray("fields");
                    for (String f : value.split(",")) {
                        fields.add(f.trim());
                    }
                } else if ("maxResults".equals(name)) {
                    body.put(name, Integer.parseInt(value));
                } else {
                    body.put(name, value);
                }
            }
        }
        return body;
    }

    // ------------------------------------------------------------------------------------------------ transitions

    private Answer transitions(String key) {
        String t = "/rest/api/3/issue/{issueIdOrKey}/transitions";
        Issue issue = issues.get(key);
        if (issue == null) {
            return notFound(t);
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode list = answer.putArray("transitions");
        for (String[] w : WORKFLOW) {
            ObjectNode tr = list.addObject();
            tr.put("id", w[0]);
            tr.put("name", w[1]);
            tr.set("to", status(w));
            tr.put("hasScreen", false);
            tr.put("isGlobal", true);
            tr.put("isInitial", false);
            tr.put("isAvailable", true);
            tr.put("isConditional", false);
            tr.put("isLooped", false);
        }
        return new Answer(200, answer, t);
    }

    private Answer transition(String key, JsonNode body) {
        String t = "/rest/api/3/issue/{issueIdOrKey}/transitions";
        Issue issue = issues.get(key);
        if (issue == null) {
            return notFound(t);
        }
        String id = body == null ? null : body.path("transition").path("id").asText(null);
        if (id == null) {
            return new Answer(400, errors(List.of("Missing 'transition' identifier"), Map.of()), t);
        }
        for (String[] w : WORKFLOW) {
            if (w[0].equals(id)) {
                issue.fields.set("status", status(w));
                issue.updated = System.currentTimeMillis();
                return new Answer(204, null, t);
            }
        }
        return new Answer(400, errors(List.of("Transition id '" + id + "' is not valid for this issue."), Map.of()), t);
    }

    // ------------------------------------------------------------------------------------------------ remote links

    private Answer remoteLink(String key, JsonNode body) {
        String t = "/rest/api/3/issue/{issueIdOrKey}/remotelink";
        Issue issue = issues.get(key);
        if (issue == null) {
            return notFound(t);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (body == null || !body.path("object").isObject()) {
            errors.put("object", "'object' is required.");
        } else {
            if (!body.get("object").path("url").isTextual() || body.get("object").get("url").asText().isBlank()) {
                errors.put("url", "'url' is required.");
            }
            if (!body.get("object").path("title").isTextual() || body.get("object").get("title").asText().isBlank()) {
                errors.put("title", "'title' is required.");
            }
        }
        if (body != null && body.path("globalId").asText("").length() > 255) {
            errors.put("globalId", "The maximum length is 255 characters.");
        }
        if (!errors.isEmpty()) {
            return new Answer(400, errors(List.of(), errors), t);
        }
        String globalId = body.path("globalId").asText(null);
        ObjectNode existing = globalId == null ? null : issue.remoteLinks.get(globalId);
        int status = existing == null ? 201 : 200;
        long id = existing == null ? nextLink++ : existing.get("id").asLong();
        ObjectNode link = ((ObjectNode) body.deepCopy()).put("id", id);
        issue.remoteLinks.put(globalId == null ? "id:" + id : globalId, link);
        ObjectNode answer = JSON.createObjectNode();
        answer.put("id", id);
        answer.put("self", baseUrl() + API + "/issue/" + key + "/remotelink/" + id);
        return new Answer(status, answer, t);
    }

    // ------------------------------------------------------------------------------------------------ worklogs

    private static final Set<String> WORKLOG_FIELDS = Set.of("comment", "started", "timeSpent", "timeSpentSeconds",
            "properties", "visibility");
    private static final Set<String> ADJUST_ESTIMATE = Set.of("new", "leave", "manual", "auto");
    private static final Pattern STARTED = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4}");

    private Answer worklogs(String key, Map<String, String> params) {
        String t = "/rest/api/3/issue/{issueIdOrKey}/worklog";
        Issue issue = issues.get(key);
        if (issue == null) {
            return notFound(t);
        }
        int startAt = Integer.parseInt(params.getOrDefault("startAt", "0"));
        int max = Math.min(5000, Integer.parseInt(params.getOrDefault("maxResults", "5000")));
        boolean properties = params.getOrDefault("expand", "").contains("properties");
        List<ObjectNode> all = new ArrayList<>(issue.worklogs.values());
        ObjectNode answer = JSON.createObjectNode();
        answer.put("startAt", startAt);
        answer.put("maxResults", max);
        answer.put("total", all.size());
        ArrayNode page = answer.putArray("worklogs");
        for (ObjectNode w : all.subList(Math.min(startAt, all.size()), Math.min(startAt + max, all.size()))) {
            ObjectNode copy = w.deepCopy();
            if (!properties) {
                copy.remove("properties");
            }
            page.add(copy);
        }
        return new Answer(200, answer, t);
    }

    private Answer addWorklog(String key, Map<String, String> params, JsonNode body) {
        String t = "/rest/api/3/issue/{issueIdOrKey}/worklog";
        Issue issue = issues.get(key);
        if (issue == null) {
            return notFound(t);
        }
        Map<String, String> errors = worklogErrors(params, body, true);
        if (!errors.isEmpty()) {
            return new Answer(400, errors(List.of(), errors), t);
        }
        ObjectNode worklog = JSON.createObjectNode();
        String id = String.valueOf(nextWorklog++);
        worklog.put("self", baseUrl() + API + "/issue/" + issue.id + "/worklog/" + id);
        worklog.put("id", id);
        worklog.put("issueId", issue.id);
        applyWorklog(worklog, body);
        worklog.put("created", Instant.now().toString());
        issue.worklogs.put(id, worklog);
        issue.updated = System.currentTimeMillis();
        return new Answer(201, withoutProperties(worklog), t);
    }

    private Answer updateWorklog(String key, String id, Map<String, String> params, JsonNode body) {
        String t = "/rest/api/3/issue/{issueIdOrKey}/worklog/{id}";
        Issue issue = issues.get(key);
        if (issue == null) {
            return notFound(t);
        }
        ObjectNode worklog = issue.worklogs.get(id);
        if (worklog == null) {
            return new Answer(404, errors(List.of("Cannot find worklog with id: " + id), Map.of()), t);
        }
        Map<String, String> errors = worklogErrors(params, body, false);
        if (!errors.isEmpty()) {
            return new Answer(400, errors(List.of(), errors), t);
        }
        applyWorklog(worklog, body);
        issue.updated = System.currentTimeMillis();
        return new Answer(200, withoutProperties(worklog), t);
    }

    private Answer deleteWorklog(String key, String id, Map<String, String> params) {
        String t = "/rest/api/3/issue/{issueIdOrKey}/worklog/{id}";
        Issue issue = issues.get(key);
        if (issue == null) {
            return notFound(t);
        }
        if (params.containsKey("adjustEstimate") && !ADJUST_ESTIMATE.contains(params.get("adjustEstimate"))) {
            return new Answer(400, errors(List.of("Invalid adjustEstimate"), Map.of()), t);
        }
        if (issue.worklogs.remove(id) == null) {
            return new Answer(404, errors(List.of("Cannot find worklog with id: " + id), Map.of()), t);
        }
        issue.updated = System.currentTimeMillis();
        return new Answer(204, null, t);
    }

    private Map<String, String> worklogErrors(Map<String, String> params, JsonNode body, boolean create) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (params.containsKey("adjustEstimate") && !ADJUST_ESTIMATE.contains(params.get("adjustEstimate"))) {
            errors.put("adjustEstimate", "adjustEstimate must be one of " + ADJUST_ESTIMATE);
        }
        if (body == null || !body.isObject()) {
            errors.put("worklog", "Worklog must not be null.");
            return errors;
        }
        body.fieldNames().forEachRemaining(f -> {
            if (!WORKLOG_FIELDS.contains(f)) {
                errors.put(f, "Unrecognized field \"" + f + "\"");
            }
        });
        if (create && !body.has("started")) {
            errors.put("started", "Started must not be null.");
        }
        if (body.has("started") && !STARTED.matcher(body.path("started").asText()).matches()) {
            errors.put("started", "Invalid date format: " + body.path("started").asText()
                                  + " (expected yyyy-MM-dd'T'HH:mm:ss.SSSZ)");
        }
        if (create && !body.has("timeSpentSeconds") && !body.has("timeSpent")) {
            errors.put("timeLogged", "You must indicate the time spent working.");
        }
        if (body.has("timeSpentSeconds") && (!body.get("timeSpentSeconds").canConvertToLong()
                                             || body.get("timeSpentSeconds").asLong() <= 0)) {
            errors.put("timeLogged", "Time spent must be a positive number of seconds.");
        }
        if (body.hasNonNull("comment")) {
            String problem = adfProblem(body.get("comment"));
            if (problem != null) {
                errors.put("comment", "Comment must be an Atlassian Document (" + problem + ")");
            }
        }
        for (JsonNode property : body.path("properties")) {
            if (!property.path("key").isTextual() || property.get("key").asText().length() > 255
                || !property.has("value")) {
                errors.put("properties", "A property needs a key (at most 255 characters) and a value.");
            }
        }
        return errors;
    }

    private static void applyWorklog(ObjectNode worklog, JsonNode body) {
        for (String f : List.of("comment", "started", "timeSpentSeconds", "properties")) {
            if (body.has(f)) {
                worklog.set(f, body.get(f));
            }
        }
        if (worklog.has("timeSpentSeconds")) {
            long seconds = worklog.get("timeSpentSeconds").asLong();
            worklog.put("timeSpent", seconds % 3600 == 0 ? seconds / 3600 + "h" : seconds / 60 + "m");
        }
        worklog.put("updated", Instant.now().toString());
    }

    private static ObjectNode withoutProperties(ObjectNode worklog) {
        ObjectNode copy = worklog.deepCopy();
        copy.remove("properties");
        return copy;
    }

    // ------------------------------------------------------------------------------------------------ users

    private Answer userSearch(Map<String, String> params) {
        String t = "/rest/api/3/user/search";
        String query = params.get("query");
        String accountId = params.get("accountId");
        if ((query == null || query.isBlank()) && (accountId == null || accountId.isBlank())
            && !params.containsKey("property")) {
            return new Answer(400, errors(List.of("One of 'query', 'accountId' or 'property' must be given."),
                    Map.of()), t);
        }
        ArrayNode found = JSON.createArrayNode();
        String q = query == null ? null : query.toLowerCase();
        for (ObjectNode user : users.values()) {
            boolean match = accountId != null ? accountId.equals(user.path("accountId").asText())
                    : q != null && (user.path("emailAddress").asText().toLowerCase().startsWith(q)
                                    || user.path("displayName").asText().toLowerCase().startsWith(q));
            if (match) {
                found.add(user);
            }
        }
        return new Answer(200, found, t);
    }

    private static Map<String, String> queryParams(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static ObjectNode status(String[] w) {
        ObjectNode status = JSON.createObjectNode();
        status.put("name", w[2]);
        status.put("id", String.valueOf(Integer.parseInt(w[0]) * 100));
        status.putObject("statusCategory").put("key", w[3]);
        return status;
    }

    private static Answer notFound(String template) {
        return new Answer(404, errors(List.of("Issue does not exist or you do not have permission to see it."),
                Map.of()), template);
    }

    private static JsonNode errors(List<String> messages, Map<String, String> errors) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode list = node.putArray("errorMessages");
        messages.forEach(list::add);
        ObjectNode map = node.putObject("errors");
        errors.forEach(map::put);
        return node;
    }

    private void checkContract(String method, String template, int status) {
        if (spec == null || status == 429) {
            return;
        }
        JsonNode statuses = spec.path("operations").path(template).path(method);
        if (statuses.isMissingNode()) {
            violations.add(method + " " + template + " is not in the published contract");
        } else if (!StreamSupport.stream(statuses.spliterator(), false)
                .anyMatch(s -> s.asText().equals(String.valueOf(status)))) {
            violations.add(method + " " + template + " answered " + status + ", which the contract does not declare");
        }
    }

    /** The contract the emulator answers by: src/test/resources/jira/jira-contract.json, always present. */
    private static JsonNode loadSpec() {
        try (InputStream in = JiraEmulator.class.getResourceAsStream("/jira/jira-contract.json")) {
            if (in == null) {
                throw new IllegalStateException("jira/jira-contract.json is missing from the test class path");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable jira/jira-contract.json", e);
        }
    }

}
