package io.github.camelwebwork.routes.jira;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.model.Task;
import io.github.camelwebwork.model.TaskStatus;
import io.github.camelwebwork.state.StateFile;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jira issue status to WebWork task status, for routes/webwork-to-jira.yaml. Each poll asks
 * {@code POST /rest/api/3/search/jql} for the synced issues (the shared sync label) updated since the cursor
 * ({@code updated >= <epoch millis>}: an instant, so no time zone can skip or repeat an update), page by page with
 * {@code nextPageToken}, and writes a changed status to the task. The cursor is committed to its file (atomically) only
 * after every page went through, and it is the poll's start minus an overlap (Jira's search index can show an update
 * a little after it happened), so a failed poll or a crash repeats updates rather than losing them; a repeated update
 * costs nothing when the status is the one already seen, and one task read when not.
 * <p>
 * No ping-pong: the status an issue is seen in is recorded in {@link JiraSync} (as is the one the sync itself
 * transitioned it to), so the echo of the sync's own transition is skipped without a call, and the task change this
 * poll writes is recognised by the task-to-issue direction as carrying nothing new for Jira.
 * <p>
 * Status mapping (one place): {@code statusMap} by Jira status name first (e.g. {@code In Review=10}), else by the
 * status category: {@code new} to Incomplete (0), {@code indeterminate} to Doing (10), {@code done} to Done (20). A task
 * already Done or Completed counts as done.
 */
public class JiraStatusPoll {

    /** Exchange properties the route reads. */
    public static final String MORE_PAGES = "jiraMorePages";
    public static final String CHECK = "jiraStatusCheck";
    public static final String WRITE = "jiraStatusWrite";
    static final String SINCE = "jiraSince";
    static final String POLL_START = "jiraPollStart";
    static final String NEXT_PAGE = "jiraNextPageToken";
    static final String CHANGE = "jiraStatusChange";
    private static final Logger LOG = LoggerFactory.getLogger(JiraStatusPoll.class);
    private static final Map<String, Integer> BY_CATEGORY = Map.of(
            "new", TaskStatus.INCOMPLETE.code(),
            "indeterminate", TaskStatus.DOING.code(),
            "done", TaskStatus.DONE.code());

    /** One synced issue of a search page. */
    public record StatusChange(String issueKey, long taskId, String status, String category) {
    }

    private JiraSync sync;
    private Path stateFile;
    private long overlapMillis = 60_000;
    private Clock clock = Clock.systemUTC();
    private int pageSize = 100;
    private final Map<String, Integer> byName = new LinkedHashMap<>();
    private volatile boolean loaded;
    private boolean recoverInvalid;
    /** The cursor this process committed last (the state file is read only before the first commit). */
    private volatile Long cursor;

    /** The clock of the Jira side's "now" (default: the system clock; tests set a controlled one). */
    public void setClock(Clock clock) {
        this.clock = clock;
    }

    public void setSync(JiraSync sync) {
        this.sync = sync;
    }

    /** Where the cursor (epoch millis) is kept between polls and restarts (a {@link StateFile}). */
    public void setStateFile(String stateFile) {
        this.stateFile = Path.of(stateFile);
    }

    /**
     * What a damaged state file does: {@code fail} (default) stops the start (and every poll); {@code now} moves it
     * aside and starts from now, as a first start does.
     */
    public void setOnInvalidState(String onInvalidState) {
        String value = onInvalidState == null ? "" : onInvalidState.trim();
        if (!value.equals("fail") && !value.equals("now")) {
            throw new IllegalArgumentException("jira.on-invalid-state is fail or now, not '" + onInvalidState + "'");
        }
        this.recoverInvalid = value.equals("now");
    }

    /** How far before a poll's start the next poll looks again (Jira's search index lag); 60 s by default. */
    public void setOverlapMillis(long overlapMillis) {
        this.overlapMillis = overlapMillis;
    }

    /** Issues per search page (Jira caps it, at 5,000 for {@code fields=status,labels,updated}). */
    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    /** {@code In Review=10,Blocked=0}: Jira status name to WebWork task status code, before the category mapping. */
    public void setStatusMap(String mapping) {
        byName.clear();
        if (mapping == null) {
            return;
        }
        for (String pair : mapping.split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && !kv[0].isBlank() && !kv[1].isBlank()) {
                int code = Integer.parseInt(kv[1].trim());
                if (TaskStatus.fromCode(code).isEmpty()) {
                    throw new IllegalArgumentException("jira.status-map: " + code + " is not a WebWork task status "
                                                       + "(0 Incomplete, 10 Doing, 20 Done, 30 Completed)");
                }
                byName.put(kv[0].trim().toLowerCase(Locale.ROOT), code);
            }
        }
    }

    /** The WebWork task status a Jira status stands for, or null when neither its name nor its category is mapped. */
    public Integer taskStatus(String statusName, String category) {
        Integer code = statusName == null ? null : byName.get(statusName.toLowerCase(Locale.ROOT));
        return code != null ? code : category == null ? null : BY_CATEGORY.get(category);
    }

    // ---------------------------------------------------------------- one poll

    /**
     * Starts a poll: the cursor (the one this process committed last; on its first poll the state file's; on the very
     * first start now minus the overlap) and the poll's start.
     */
    public void begin(Exchange exchange) throws IOException {
        long now = clock.millis();
        Long committed = cursor;
        exchange.setProperty(SINCE, committed != null ? committed : readCursor(now - overlapMillis));
        exchange.setProperty(POLL_START, now);
        exchange.removeProperty(NEXT_PAGE);
        exchange.setProperty(MORE_PAGES, true);
    }

    /** The body of one {@code POST /rest/api/3/search/jql}: bounded JQL, explicit fields, the page token. */
    public String searchRequest(Exchange exchange) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jql", "project = \"" + sync.getProjectKey() + "\" AND labels = \"" + sync.getSyncLabel()
                        + "\" AND updated >= " + exchange.getProperty(SINCE, Long.class) + " ORDER BY updated ASC");
        body.put("fields", List.of("status", "labels", "updated"));
        body.put("maxResults", pageSize);
        String token = exchange.getProperty(NEXT_PAGE, String.class);
        if (token != null) {
            body.put("nextPageToken", token);
        }
        return JiraSync.json(body);
    }

    /** Reads a search page into the list of its synced issues (the body) and whether another page follows. */
    public List<StatusChange> page(Exchange exchange) {
        JsonNode answer = JiraSync.read(exchange.getMessage().getBody(String.class));
        List<StatusChange> changes = new ArrayList<>();
        for (JsonNode issue : answer.path("issues")) {
            String key = issue.path("key").asText(null);
            Long taskId = taskIdOf(issue.path("fields").path("labels"));
            JsonNode status = issue.path("fields").path("status");
            if (key == null || taskId == null || status.isMissingNode()) {
                LOG.warn("Skipping issue {} of the sync's search: no task label or no status", key);
                continue;
            }
            changes.add(new StatusChange(key, taskId, status.path("name").asText(null),
                    status.path("statusCategory").path("key").asText(null)));
        }
        String token = answer.path("nextPageToken").asText(null);
        boolean more = token != null && !answer.path("isLast").asBoolean(false) && !answer.path("issues").isEmpty();
        exchange.setProperty(NEXT_PAGE, token);
        exchange.setProperty(MORE_PAGES, more);
        return changes;
    }

    private static final Pattern TASK_LABEL = Pattern.compile("webwork-task-(\\d+)");

    private static Long taskIdOf(JsonNode labels) {
        for (JsonNode label : labels) {
            Matcher m = TASK_LABEL.matcher(label.asText());
            if (m.matches()) {
                return Long.valueOf(m.group(1));
            }
        }
        return null;
    }

    /**
     * One issue of the page (the body): sets {@link #CHECK} when its status changed since it was last seen (then the
     * route reads the task, with the {@code CamelWebworkTaskId} header set here). Not a change: the status last seen,
     * the status the sync itself transitioned the issue to, the first status of an issue the sync created (if it is
     * still in the "new" category), and the first sight of an issue this state has never seen (its baseline).
     */
    public void decide(Exchange exchange) {
        StatusChange change = exchange.getMessage().getBody(StatusChange.class);
        exchange.setProperty(CHANGE, change);
        exchange.setProperty(CHECK, false);
        String last = sync.lastIssueStatus(change.issueKey());
        Integer target = taskStatus(change.status(), change.category());
        if (change.status() == null || change.status().equals(last)) {
            return;
        }
        if (last == null || (JiraSync.CREATED.equals(last) && "new".equals(change.category()))) {
            LOG.debug("issue {}: first seen in '{}', its baseline", change.issueKey(), change.status());
            record(change);
            return;
        }
        if (target == null) {
            LOG.warn("Jira status '{}' (category {}) of {} maps to no WebWork status; set jira.status-map",
                    change.status(), change.category(), change.issueKey());
            record(change);
            return;
        }
        exchange.setProperty(CHECK, true);
        exchange.getMessage().setHeader("CamelWebworkTaskId", change.taskId());
        exchange.getMessage().setBody(null);
    }

    /**
     * After {@code tasks.get}: sets {@link #WRITE} and the update body when the task's status differs from the
     * issue's (done counts as done whether Done or Completed).
     */
    public void compare(Exchange exchange) {
        StatusChange change = exchange.getProperty(CHANGE, StatusChange.class);
        Task task = exchange.getMessage().getBody(Task.class);
        Integer target = taskStatus(change.status(), change.category());
        if (target == null) {                  // decide() lets no unmapped status through; kept safe anyway
            exchange.setProperty(WRITE, false);
            return;
        }
        boolean same = task != null && task.getStatus() != null
                       && (task.getStatus().equals(target)
                           || (JiraSync.isDone(task.getStatus()) && JiraSync.isDone(target)));
        exchange.setProperty(WRITE, !same);
        if (!same) {
            exchange.getMessage().setBody(Map.of("status", target));
            LOG.info("issue {} is '{}' -> task {} status {} -> {}", change.issueKey(), change.status(),
                    change.taskId(), task == null ? null : task.getStatus(), target);
        }
    }

    /** After the task is up to date: remembers the status, for this poll and the task-to-issue direction. */
    public void applied(Exchange exchange) {
        record(exchange.getProperty(CHANGE, StatusChange.class));
    }

    private void record(StatusChange change) {
        sync.issueStatusSeen(change.taskId(), change.issueKey(), change.status(), "done".equals(change.category()));
    }

    /** After the last page: the next poll starts from this poll's start minus the overlap. */
    public void commit(Exchange exchange) throws IOException {
        long next = exchange.getProperty(POLL_START, Long.class) - overlapMillis;
        long since = exchange.getProperty(SINCE, Long.class);
        long value = Math.max(next, since);
        writeCursor(value);
        cursor = value;
    }

    // ---------------------------------------------------------------- the state: cursor and statuses seen

    /**
     * Reads the state file once at start (the bean's init method), so that a damaged one stops the start instead of
     * failing every poll; the statuses are put into the sync's memory at the first poll, as always.
     */
    public void checkState() throws IOException {
        readState();
    }

    /**
     * The committed cursor, or {@code first} when there is none yet; on the first call also puts the statuses seen
     * (persisted with the cursor) into the sync's memory.
     */
    long readCursor(long first) throws IOException {
        Optional<JsonNode> state = readState();
        if (state.isEmpty()) {
            loaded = true;
            return first;
        }
        if (!loaded) {
            state.get().path("statuses").properties().forEach(
                    e -> sync.issueStatuses().putIfAbsent(e.getKey(), e.getValue().asText()));
            loaded = true;
        }
        return state.get().get("cursor").asLong();
    }

    /** The {cursor, statuses} document; none without a file, or after a damaged one was moved aside. */
    private Optional<JsonNode> readState() throws IOException {
        if (stateFile == null) {
            return Optional.empty();
        }
        StateFile file = stateFile();
        Optional<StateFile.Contents> contents = file.read(recoverInvalid, " (jira.on-invalid-state=now)",
                "the poll starts from now", e -> { });
        if (contents.isEmpty()) {
            return Optional.empty();
        }
        List<String> entries = contents.get().entries();
        JsonNode state = entries.size() == 1 ? document(entries.get(0)) : null;
        if (state == null) {
            throw file.invalid("it does not hold one {cursor, statuses} document");
        }
        if (contents.get().legacy()) {
            file.write(entries);
        }
        return Optional.of(state);
    }

    private static JsonNode document(String text) {
        try {
            JsonNode state = JiraSync.JSON.readTree(text);
            return state != null && state.path("cursor").canConvertToLong() && state.path("cursor").isNumber()
                    ? state : null;
        } catch (IOException e) {
            return null;
        }
    }

    private StateFile stateFile() {
        return StateFile.of(stateFile, "jira-status", "Jira status poll")
                .legacy("JSON {cursor, statuses}", text -> {
                    JsonNode state = document(text);
                    if (state == null) {
                        throw new IllegalArgumentException("not a JSON {cursor, statuses} document");
                    }
                    return List.of(state.toString());
                })
                .waysOut("Ways out: jira.on-invalid-state=now (the file is moved aside and the poll starts from now "
                         + "minus jira.poll-overlap-ms; each issue's next status is its baseline, so status changes "
                         + "made in Jira since the file was last good are not written to the tasks), or delete the "
                         + "file (the same, without keeping it).");
    }

    private void writeCursor(long cursor) throws IOException {
        if (stateFile == null) {
            return;
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("cursor", cursor);
        state.put("statuses", new TreeMap<>(sync.issueStatuses()));
        stateFile().write(List.of(JiraSync.json(state)));
    }
}
