package io.github.camelwebwork.routes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelwebwork.model.Task;
import io.github.camelwebwork.model.TaskStatus;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WebWork task to Jira issue mapping for routes/webwork-to-jira.yaml: the request bodies of the Jira REST v3 calls
 * (search by label, create, edit, remote link, transition) and the reading of their answers. State kept here:
 * task id to issue key (for the moments Jira's search index has not caught up with an issue just created) and the
 * transition id found by name per workflow (project key + issue type).
 */
public class JiraSync {

    /** Exchange properties the route reads. */
    public static final String TASK = "webworkTask";
    public static final String ISSUE_KEY = "jiraIssueKey";
    public static final String ISSUE_DONE = "jiraIssueDone";
    public static final String TRANSITION_ID = "jiraTransitionId";
    private static final Logger LOG = LoggerFactory.getLogger(JiraSync.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private String projectKey;
    private String issueType = "Task";
    private String doneTransition = "Done";
    private String taskUrl = "https://app.webwork-tracker.com/tasks/";
    private final Map<Integer, String> priorities = new LinkedHashMap<>(
            Map.of(10, "Highest", 20, "High", 30, "Medium", 40, "Low"));
    private final Map<Long, String> issueKeys = new ConcurrentHashMap<>();
    private final Map<String, String> transitionIds = new ConcurrentHashMap<>();

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
        exchange.removeProperty(ISSUE_KEY);
        exchange.removeProperty(ISSUE_DONE);
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
        Task task = task(exchange);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jql", "project = \"" + projectKey() + "\" AND labels = \"" + label(task.getId())
                + "\" ORDER BY created ASC");
        body.put("fields", List.of("status"));
        body.put("maxResults", 2);
        return json(body);
    }

    /** Reads the search answer into {@link #ISSUE_KEY} (null: none yet) and {@link #ISSUE_DONE}. */
    public void searchResult(Exchange exchange) {
        Task task = task(exchange);
        JsonNode issues = read(exchange.getMessage().getBody(String.class)).path("issues");
        if (issues.size() > 0) {
            JsonNode issue = issues.get(0);
            if (issues.size() > 1) {
                LOG.warn("{} issues carry label {}; syncing the oldest, {}", issues.size(), label(task.getId()),
                        issue.path("key").asText());
            }
            String key = issue.path("key").asText(null);
            if (key == null) {
                throw new JiraException(0, "Jira's search answer has no issue key: " + issue);
            }
            issueKeys.put(task.getId(), key);
            exchange.setProperty(ISSUE_KEY, key);
            exchange.setProperty(ISSUE_DONE, "done".equals(
                    issue.path("fields").path("status").path("statusCategory").path("key").asText()));
        } else {
            String known = issueKeys.get(task.getId());   // created moments ago: the search index may lag
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
        fields.put("labels", List.of(label(task.getId())));
        return json(Map.of("fields", fields));
    }

    /** Reads {@code {id, key, self}} of a created issue. */
    public void created(Exchange exchange) {
        String key = read(exchange.getMessage().getBody(String.class)).path("key").asText(null);
        if (key == null) {
            throw new JiraException(0, "Jira's create answer has no issue key");
        }
        issueKeys.put(task(exchange).getId(), key);
        exchange.setProperty(ISSUE_KEY, key);
        exchange.setProperty(ISSUE_DONE, false);
    }

    /** {@code PUT /rest/api/3/issue/{key}}: the mapped fields (a cleared due date is cleared), the label kept. */
    public String updateRequest(Exchange exchange) {
        Task task = task(exchange);
        Map<String, Object> fields = new LinkedHashMap<>(mappedFields(task));
        if (fields.get("priority") == null) {
            fields.remove("priority");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fields", fields);
        body.put("update", Map.of("labels", List.of(Map.of("add", label(task.getId())))));
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
        Integer status = task(exchange).getStatus();
        boolean taskDone = status != null && (status == TaskStatus.DONE.code() || status == TaskStatus.COMPLETED.code());
        return taskDone && !Boolean.TRUE.equals(exchange.getProperty(ISSUE_DONE, Boolean.class));
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

    private static Task task(Exchange exchange) {
        Task task = exchange.getProperty(TASK, Task.class);
        if (task == null) {
            throw new IllegalStateException("No task on the exchange: call begin first");
        }
        return task;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body == null ? "{}" : body);
        } catch (JsonProcessingException e) {
            throw new JiraException(0, "Jira answered something that is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);   // plain: keeps nulls (a cleared due date)
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
