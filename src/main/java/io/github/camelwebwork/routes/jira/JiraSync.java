package io.github.camelwebwork.routes.jira;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.model.Task;
import io.github.camelwebwork.model.TaskStatus;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WebWork task to Jira issue mapping for routes/webwork-to-jira.yaml: the request bodies of the Jira REST v3 calls
 * (search by label, user search, create, edit, remote link, transition) and the reading of their answers. State kept
 * here, in memory (a restart only costs calls, never a duplicate): task id to issue key (for the moments Jira's search
 * index has not caught up with an issue just created), the transition id found by name per workflow (project key +
 * issue type), e-mail to Jira account id, and per task what was last written to Jira (so that a task change that
 * carries nothing new for Jira, such as the status the issue-status poll wrote back, is not sent again: no
 * ping-pong between the two directions).
 */
public class JiraSync implements CamelContextAware {

    /** Exchange properties the route reads. */
    public static final String TASK = "webworkTask";
    public static final String TASK_ID = "webworkTaskId";
    public static final String FINGERPRINT = "jiraFingerprint";
    public static final String ASSIGNEE_EMAIL = "jiraAssigneeEmail";
    public static final String ACCOUNT_ID = "jiraAccountId";
    /** The label every synced issue carries besides its own, so that one bounded JQL finds all of them. */
    public static final String DEFAULT_SYNC_LABEL = "webwork-sync";
    public static final String ISSUE_KEY = "jiraIssueKey";
    public static final String ISSUE_DONE = "jiraIssueDone";
    public static final String TRANSITION_ID = "jiraTransitionId";
    private static final Logger LOG = LoggerFactory.getLogger(JiraSync.class);
    /** The Jira beans' mapper: lenient on read; writes nulls (a cleared due date is sent as null). */
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The route that syncs one task (search, assignee, create or edit, link, transition). */
    public static final String SYNC_ROUTE = "direct:webwork-task-to-jira-issue-sync";
    private static final int LOCK_STRIPES = 64;

    private CamelContext camelContext;
    private volatile ProducerTemplate template;
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];
    private String projectKey;
    private String issueType = "Task";
    private String doneTransition = "Done";
    private String taskUrl = "https://app.webwork-tracker.com/tasks/";
    private String syncLabel = DEFAULT_SYNC_LABEL;
    private long userCacheMillis = 3_600_000;
    private Clock clock = Clock.systemUTC();
    private final Map<Integer, String> priorities = new LinkedHashMap<>(
            Map.of(10, "Highest", 20, "High", 30, "Medium", 40, "Low"));
    private final Map<Long, String> issueKeys = new ConcurrentHashMap<>();
    private final Map<String, String> transitionIds = new ConcurrentHashMap<>();
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();        // by lower-case e-mail
    private final Map<Long, String> pushed = new ConcurrentHashMap<>();             // task id -> fingerprint
    private final Map<Long, Boolean> issueDone = new ConcurrentHashMap<>();         // task id -> issue in done
    private final Map<String, String> issueStatus = new ConcurrentHashMap<>();      // issue key -> status name
    private final Map<String, String> transitionTargets = new ConcurrentHashMap<>(); // workflow -> status name
    /** The status recorded for an issue the sync created and whose status has not been read yet. */
    public static final String CREATED = "";

    /** An e-mail's Jira account (null id: none found), remembered until {@code until}. */
    private record Account(String accountId, long until) {
    }

    {
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** The clock of the Jira side's "now" (default: the system clock; tests set a controlled one). */
    public void setClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    public void setProjectKey(String projectKey) {
        this.projectKey = projectKey;
    }

    public void setIssueType(String issueType) {
        this.issueType = issueType;
    }

    public void setDoneTransition(String doneTransition) {
        this.doneTransition = doneTransition;
    }

    /** The WebWork address a task id is appended to, for the remote link and the description footer. */
    public void setTaskUrl(String taskUrl) {
        this.taskUrl = taskUrl;
    }

    /** The label all synced issues share (the issue-status poll's JQL selects by it). */
    public void setSyncLabel(String syncLabel) {
        this.syncLabel = syncLabel;
    }

    public String getSyncLabel() {
        return syncLabel;
    }

    public String getProjectKey() {
        return projectKey();
    }

    /** How long an e-mail's account id (or that there is none) is remembered; 1 hour by default. */
    public void setUserCacheMillis(long userCacheMillis) {
        this.userCacheMillis = userCacheMillis;
    }

    /** {@code 10=Highest,20=High,...}: WebWork priority code to Jira priority name; an unmapped code sets none. */
    public void setPriorities(String mapping) {
        priorities.clear();
        for (String pair : mapping.split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && !kv[0].isBlank() && !kv[1].isBlank()) {
                priorities.put(Integer.valueOf(kv[0].trim()), kv[1].trim());
            }
        }
    }

    // ---------------------------------------------------------------- the task

    /** Keeps the task of the change in {@link #TASK} (the body will hold Jira's JSON from here on). */
    public void begin(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        Task task = body instanceof Task t ? t : JSON.convertValue(body, Task.class);
        if (task == null || task.getId() == null) {
            throw new IllegalArgumentException("Not a WebWork task: " + body);
        }
        exchange.setProperty(TASK, task);
        exchange.setProperty(TASK_ID, task.getId());
        exchange.removeProperty(ISSUE_KEY);
        exchange.removeProperty(ISSUE_DONE);
        exchange.removeProperty(ACCOUNT_ID);
        exchange.setProperty(ASSIGNEE_EMAIL, assigneeEmail(task));
        exchange.setProperty(FINGERPRINT, fingerprint(task));
    }

    /**
     * False when this task change carries nothing new for Jira: its mapped fields (and assignee) are what was last
     * written to its issue, and no transition is due. That is the case for the echo of a status the issue-status poll
     * wrote to the task, and for a task edit that touches only fields Jira does not show.
     */
    public boolean needsSync(Exchange exchange) {
        Task task = task(exchange);
        String key = issueKeys.get(task.getId());
        if (key == null || !exchange.getProperty(FINGERPRINT, String.class).equals(pushed.get(task.getId()))) {
            return true;
        }
        Boolean done = issueDone.get(task.getId());
        boolean skip = done != null && (done || !isDone(task.getStatus()));
        if (skip) {
            LOG.debug("task {}: nothing new for issue {}", task.getId(), key);
        }
        return !skip;
    }

    /**
     * Runs {@link #SYNC_ROUTE} for the task of the exchange unless {@link #needsSync} says there is nothing new, while
     * holding the task's lock: the task-to-issue flow and the worklog flow (which syncs a task that has no issue yet)
     * may meet on the same task, and the second must find the issue the first made, not make another. Afterwards
     * {@link #ISSUE_KEY} is the task's issue.
     */
    public void syncExclusively(Exchange exchange) {
        ReentrantLock lock = locks[(int) Math.floorMod(task(exchange).getId(), LOCK_STRIPES)];
        lock.lock();
        try {
            if (needsSync(exchange)) {
                template().send(SYNC_ROUTE, exchange);
            } else {
                exchange.setProperty(ISSUE_KEY, issueKeys.get(task(exchange).getId()));
            }
        } finally {
            lock.unlock();
        }
    }

    private ProducerTemplate template() {
        if (template == null) {
            synchronized (this) {
                if (template == null) {
                    if (camelContext == null) {
                        throw new IllegalStateException("jiraSync has no CamelContext");
                    }
                    template = camelContext.createProducerTemplate();
                }
            }
        }
        return template;
    }

    /** Remembers what was written to the task's issue (the route's last step). */
    public void synced(Exchange exchange) {
        Task task = task(exchange);
        pushed.put(task.getId(), exchange.getProperty(FINGERPRINT, String.class));
        if (Boolean.TRUE.equals(exchange.getProperty(ISSUE_DONE, Boolean.class))) {
            issueDone.put(task.getId(), true);
        }
    }

    /** The issue of a task, as far as this process knows it (null: unknown). */
    public String knownIssueKey(long taskId) {
        return issueKeys.get(taskId);
    }

    /**
     * Records the status an issue was seen in (by the issue-status poll), so that neither the poll's next look nor
     * the task change it causes is sent back.
     */
    public void issueStatusSeen(long taskId, String issueKey, String status, boolean done) {
        issueKeys.put(taskId, issueKey);
        issueDone.put(taskId, done);
        if (status != null) {
            issueStatus.put(issueKey, status);
        }
    }

    /**
     * The status an issue was last seen in or transitioned to by the sync; {@link #CREATED} for an issue the sync
     * created whose status was not read since; null when unknown.
     */
    public String lastIssueStatus(String issueKey) {
        return issueStatus.get(issueKey);
    }

    /** The statuses known per issue (live; the issue-status poll persists them with its cursor). */
    public Map<String, String> issueStatuses() {
        return issueStatus;
    }

    /** Done and Completed are the WebWork statuses a done Jira issue stands for. */
    public static boolean isDone(Integer status) {
        return status != null && (status == TaskStatus.DONE.code() || status == TaskStatus.COMPLETED.code());
    }

    /** A task's first assignee with an e-mail address, or null. */
    static String assigneeEmail(Task task) {
        return task.getAssignees() == null ? null : task.getAssignees().stream()
                .map(a -> a.getEmail()).filter(e -> e != null && !e.isBlank()).map(String::strip)
                .findFirst().orElse(null);
    }

    private String fingerprint(Task task) {
        Map<String, Object> mapped = new LinkedHashMap<>(mappedFields(task));
        mapped.put("assigneeEmail", assigneeEmail(task));
        return json(mapped);
    }

    // ---------------------------------------------------------------- assignee

    /**
     * True when the assignee needs no Jira call: the task has none, or its e-mail's account is remembered (then
     * {@link #ACCOUNT_ID} is set when there is one).
     */
    public boolean cachedAssignee(Exchange exchange) {
        String email = exchange.getProperty(ASSIGNEE_EMAIL, String.class);
        if (email == null) {
            return true;
        }
        Account account = accounts.get(email.toLowerCase(Locale.ROOT));
        if (account == null || account.until() < clock.millis()) {
            return false;
        }
        if (account.accountId() != null) {
            exchange.setProperty(ACCOUNT_ID, account.accountId());
        }
        return true;
    }

    /** The negation of {@link #cachedAssignee}: the user search is to be called. */
    public boolean needsUserSearch(Exchange exchange) {
        return !cachedAssignee(exchange);
    }

    /** The query of {@code GET /rest/api/3/user/search} for the assignee's e-mail. */
    public void userSearchQuery(Exchange exchange) {
        String email = exchange.getProperty(ASSIGNEE_EMAIL, String.class);
        exchange.setProperty(JiraHttp.QUERY, "query=" + URLEncoder.encode(email,
                StandardCharsets.UTF_8) + "&maxResults=10");
    }

    /**
     * Reads the user search: the active account whose e-mail is the assignee's (or the only active match when Jira
     * hides e-mail addresses). None found: the issue keeps (or gets) no assignee from the sync, with one warning.
     */
    public void userSearchResult(Exchange exchange) {
        String email = exchange.getProperty(ASSIGNEE_EMAIL, String.class);
        JsonNode users = read(exchange.getMessage().getBody(String.class));
        String found = null;
        List<String> active = new ArrayList<>();
        for (JsonNode user : users) {
            if (!user.path("active").asBoolean(true) || user.path("accountId").asText("").isEmpty()) {
                continue;
            }
            active.add(user.get("accountId").asText());
            if (email.equalsIgnoreCase(user.path("emailAddress").asText())) {
                found = user.get("accountId").asText();
            }
        }
        if (found == null && active.size() == 1 && users.size() == 1
            && !users.get(0).hasNonNull("emailAddress")) {
            found = active.get(0);           // e-mail hidden by the user's privacy settings, but one clear match
        }
        if (found == null) {
            LOG.warn("No Jira user has the e-mail address of task {}'s assignee; the issue's assignee is left as it is",
                    task(exchange).getId());
        }
        accounts.put(email.toLowerCase(Locale.ROOT),
                new Account(found, clock.millis() + userCacheMillis));
        if (found != null) {
            exchange.setProperty(ACCOUNT_ID, found);
        }
    }

    public static String label(long taskId) {
        return "webwork-task-" + taskId;
    }

    public static String globalId(long taskId) {
        return "webwork:task:" + taskId;
    }

    // ---------------------------------------------------------------- find

    /** {@code POST /rest/api/3/search/jql}: the issue labelled for this task, bounded to the project. */
    public String searchRequest(Exchange exchange) {
        long taskId = taskId(exchange);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jql", "project = \"" + projectKey() + "\" AND labels = \"" + label(taskId)
                + "\" ORDER BY created ASC");
        body.put("fields", List.of("status"));
        body.put("maxResults", 2);
        return json(body);
    }

    /** Reads the search answer into {@link #ISSUE_KEY} (null: none yet) and {@link #ISSUE_DONE}. */
    public void searchResult(Exchange exchange) {
        long taskId = taskId(exchange);
        JsonNode issues = read(exchange.getMessage().getBody(String.class)).path("issues");
        if (issues.size() > 0) {
            JsonNode issue = issues.get(0);
            if (issues.size() > 1) {
                LOG.warn("{} issues carry label {}; syncing the oldest, {}", issues.size(), label(taskId),
                        issue.path("key").asText());
            }
            String key = issue.path("key").asText(null);
            if (key == null) {
                throw new JiraException(0, "Jira's search answer has no issue key: " + issue);
            }
            boolean done = "done".equals(
                    issue.path("fields").path("status").path("statusCategory").path("key").asText());
            issueKeys.put(taskId, key);
            issueDone.put(taskId, done);
            exchange.setProperty(ISSUE_KEY, key);
            exchange.setProperty(ISSUE_DONE, done);
        } else {
            String known = issueKeys.get(taskId);   // created moments ago: the search index may lag
            if (known != null) {
                exchange.setProperty(ISSUE_KEY, known);
            }
        }
    }

    // ---------------------------------------------------------------- create / edit / link

    /** {@code POST /rest/api/3/issue}. */
    public String createRequest(Exchange exchange) {
        Task task = task(exchange);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("project", Map.of("key", projectKey()));
        fields.put("issuetype", Map.of("name", issueType));
        fields.putAll(mappedFields(task));
        if (fields.get("duedate") == null) {
            fields.remove("duedate");
        }
        if (fields.get("priority") == null) {
            fields.remove("priority");
        }
        String accountId = exchange.getProperty(ACCOUNT_ID, String.class);
        if (accountId != null) {
            fields.put("assignee", Map.of("accountId", accountId));
        }
        fields.put("labels", List.of(label(task.getId()), syncLabel));
        return json(Map.of("fields", fields));
    }

    /** Reads {@code {id, key, self}} of a created issue. */
    public void created(Exchange exchange) {
        String key = read(exchange.getMessage().getBody(String.class)).path("key").asText(null);
        if (key == null) {
            throw new JiraException(0, "Jira's create answer has no issue key");
        }
        issueKeys.put(task(exchange).getId(), key);
        issueDone.put(task(exchange).getId(), false);
        issueStatus.put(key, CREATED);
        exchange.setProperty(ISSUE_KEY, key);
        exchange.setProperty(ISSUE_DONE, false);
    }

    /**
     * {@code PUT /rest/api/3/issue/{key}}: the mapped fields (a cleared due date is cleared), the labels kept; the
     * assignee set when the task's is found in Jira, cleared when the task has none, left alone when the task's
     * assignee has no Jira account.
     */
    public String updateRequest(Exchange exchange) {
        Task task = task(exchange);
        Map<String, Object> fields = new LinkedHashMap<>(mappedFields(task));
        if (fields.get("priority") == null) {
            fields.remove("priority");
        }
        String accountId = exchange.getProperty(ACCOUNT_ID, String.class);
        if (accountId != null) {
            fields.put("assignee", Map.of("accountId", accountId));
        } else if (exchange.getProperty(ASSIGNEE_EMAIL) == null) {
            fields.put("assignee", null);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fields", fields);
        body.put("update", Map.of("labels", List.of(Map.of("add", label(task.getId())), Map.of("add", syncLabel))));
        return json(body);
    }

    /** {@code POST /rest/api/3/issue/{key}/remotelink}: created or updated by its globalId. */
    public String remoteLinkRequest(Exchange exchange) {
        Task task = task(exchange);
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("url", taskUrl + task.getId());
        object.put("title", "WebWork task " + task.getId());
        if (task.getTitle() != null) {
            object.put("summary", task.getTitle());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("globalId", globalId(task.getId()));
        body.put("application", Map.of("type", "io.github.camelwebwork", "name", "WebWork"));
        body.put("relationship", "synced from");
        body.put("object", object);
        return json(body);
    }

    /** The summary, ADF description, due date and priority of a task (null values where the task has none). */
    public Map<String, Object> mappedFields(Task task) {
        Map<String, Object> fields = new LinkedHashMap<>();
        String title = task.getTitle() == null || task.getTitle().isBlank() ? "WebWork task " + task.getId()
                : task.getTitle().strip();
        fields.put("summary", title.length() > 255 ? title.substring(0, 254) + "…" : title);
        fields.put("description", Adf.documentWithLink(task.getDescription(), "WebWork task " + task.getId(),
                taskUrl + task.getId()));
        String end = task.getEndDate();
        fields.put("duedate", end == null || end.length() < 10 ? null : end.substring(0, 10));
        String priority = task.getPriority() == null ? null : priorities.get(task.getPriority());
        fields.put("priority", priority == null ? null : Map.of("name", priority));
        return fields;
    }

    // ---------------------------------------------------------------- transition

    /** True when the task is Done/Completed and the issue is not (as far as known) in a done status. */
    public boolean needsTransition(Exchange exchange) {
        return isDone(task(exchange).getStatus()) && !Boolean.TRUE.equals(exchange.getProperty(ISSUE_DONE, Boolean.class));
    }

    /** After the transition: the issue is done. */
    public void transitioned(Exchange exchange) {
        exchange.setProperty(ISSUE_DONE, true);
        issueDone.put(task(exchange).getId(), true);
        issueStatus.put(exchange.getProperty(ISSUE_KEY, String.class),
                transitionTargets.getOrDefault(workflow(), doneTransition));
    }

    /** Sets {@link #TRANSITION_ID} from the cache of this workflow; false when it must be looked up. */
    public boolean cachedTransition(Exchange exchange) {
        String id = transitionIds.get(workflow());
        if (id == null) {
            exchange.removeProperty(TRANSITION_ID);
            return false;
        }
        exchange.setProperty(TRANSITION_ID, id);
        return true;
    }

    /** The negation of {@link #cachedTransition}: the transitions are to be read. */
    public boolean needsTransitionLookup(Exchange exchange) {
        return !cachedTransition(exchange);
    }

    /** Reads {@code GET .../transitions}: the transition named as configured (or leading to that status). */
    public void transitionsResult(Exchange exchange) {
        JsonNode transitions = read(exchange.getMessage().getBody(String.class)).path("transitions");
        String found = null;
        List<String> names = new ArrayList<>();
        for (JsonNode t : transitions) {
            names.add(t.path("name").asText());
            if (found == null && (doneTransition.equalsIgnoreCase(t.path("name").asText())
                    || doneTransition.equalsIgnoreCase(t.path("to").path("name").asText()))) {
                found = t.path("id").asText(null);
                if (t.path("to").hasNonNull("name")) {
                    transitionTargets.put(workflow(), t.path("to").path("name").asText());
                }
            }
        }
        if (found == null) {
            throw new JiraException(0, "No transition named '" + doneTransition + "' is available for issue "
                    + exchange.getProperty(ISSUE_KEY) + " (available: " + names + "); set jira.done-transition");
        }
        transitionIds.put(workflow(), found);
        exchange.setProperty(TRANSITION_ID, found);
    }

    /** {@code POST .../transitions}. */
    public String transitionRequest(Exchange exchange) {
        return json(Map.of("transition", Map.of("id", exchange.getProperty(TRANSITION_ID, String.class))));
    }

    /** Forgets the cached transition of this workflow (after Jira refused it). */
    public void forgetTransition(Exchange exchange) {
        transitionIds.remove(workflow());
    }

    // ---------------------------------------------------------------- helpers

    private String workflow() {
        return projectKey() + "|" + issueType;
    }

    private String projectKey() {
        if (projectKey == null || projectKey.isBlank()) {
            throw new JiraException(0, "jira.project-key must be set");
        }
        return projectKey;
    }

    private static long taskId(Exchange exchange) {
        Long id = exchange.getProperty(TASK_ID, Long.class);
        if (id == null) {
            throw new IllegalStateException("No task id on the exchange: call begin first");
        }
        return id;
    }

    static Task task(Exchange exchange) {
        Task task = exchange.getProperty(TASK, Task.class);
        if (task == null) {
            throw new IllegalStateException("No task on the exchange: call begin first");
        }
        return task;
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body == null ? "{}" : body);
        } catch (JsonProcessingException e) {
            throw new JiraException(0, "Jira answered something that is not JSON: " + e.getOriginalMessage());
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
