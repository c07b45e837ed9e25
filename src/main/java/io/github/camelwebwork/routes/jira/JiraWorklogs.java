package io.github.camelwebwork.routes.jira;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.model.TimeEntry;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WebWork time entries to Jira worklogs, for routes/webwork-to-jira.yaml. A time entry on a synced task becomes one
 * worklog on the task's issue: {@code timeSpentSeconds} = the entry's minutes × 60, {@code started} = its start (an
 * instant, written in UTC), a comment in Atlassian Document Format, and the entity property
 * {@value #PROPERTY_KEY} = {@code {"timeEntryId": ...}} that identifies it. The worklog is looked up by that property
 * ({@code GET .../worklog?expand=properties}, paged) before it is created, so a redelivery, a restart or a lost answer
 * updates the one worklog instead of adding a second; an edited entry updates it ({@code PUT}), a deleted entry
 * deletes it. The issue's remaining estimate is left alone ({@code adjustEstimate=leave}).
 * <p>
 * Not synced: entries without a task, still running (no end) or of no duration. An entry whose task has no issue yet
 * (made moments ago, or before the sync started) has the route sync the task first.
 * An entry moved to another task gets its worklog on the new task's issue and the one on the first issue is deleted,
 * as far as this process remembers where it was (after a restart the first one stays).
 */
public class JiraWorklogs {

    /** The worklog entity property that names the time entry. */
    public static final String PROPERTY_KEY = "io.github.camelwebwork.time-entry";
    /** Exchange properties the route reads. */
    public static final String ENTRY = "webworkTimeEntry";
    public static final String WORKLOG_ID = "jiraWorklogId";
    public static final String MORE_PAGES = "jiraWorklogMorePages";
    /** Set when the entry moved to another task: the worklog on the first task's issue, {@code KEY/id}. */
    public static final String MOVED_FROM = "jiraWorklogMovedFrom";
    static final String START_AT = "jiraWorklogStartAt";
    static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final Logger LOG = LoggerFactory.getLogger(JiraWorklogs.class);

    private JiraSync sync;
    private ZoneId timeZone = ZoneOffset.UTC;
    private int pageSize = 1000;
    private final Map<String, Location> worklogs = new ConcurrentHashMap<>();    // time entry id -> its worklog

    /** Where an entry's worklog is. */
    record Location(String issueKey, String worklogId) {
    }

    /** The task-to-issue side: its issue keys and its search by task label. */
    public void setSync(JiraSync sync) {
        this.sync = sync;
    }

    /** The zone of entry times given without an offset (WebWork's are ISO instants; this is a fallback). */
    public void setTimeZone(String timeZone) {
        this.timeZone = ZoneId.of(timeZone);
    }

    /** Worklogs per page of the look-up. */
    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    /** Whether the change is one to sync: an entry on a task that has ended with some time, or a deleted entry. */
    public boolean applies(Exchange exchange) {
        TimeEntry entry = entry(exchange.getMessage().getBody());
        if (entry == null || entry.getId() == null || entry.getTaskId() == null) {
            return false;
        }
        if ("DELETED".equals(exchange.getMessage().getHeader("CamelWebworkChangeType", String.class))) {
            return true;
        }
        return seconds(entry) > 0;
    }

    /** Keeps the entry in {@link #ENTRY} and its task id for the issue look-up; sets the issue key when known. */
    public void begin(Exchange exchange) {
        TimeEntry entry = entry(exchange.getMessage().getBody());
        exchange.setProperty(ENTRY, entry);
        exchange.setProperty(JiraSync.TASK_ID, entry.getTaskId());
        exchange.removeProperty(WORKLOG_ID);
        exchange.removeProperty(MOVED_FROM);
        String key = sync.knownIssueKey(entry.getTaskId());
        if (key != null) {
            exchange.setProperty(JiraSync.ISSUE_KEY, key);
        } else {
            exchange.removeProperty(JiraSync.ISSUE_KEY);
        }
    }

    /** After the issue search (and, when there was none, the task's own sync): the entry's issue must be known. */
    public void requireIssue(Exchange exchange) {
        if (exchange.getProperty(JiraSync.ISSUE_KEY) == null) {
            TimeEntry entry = exchange.getProperty(ENTRY, TimeEntry.class);
            throw new JiraException(0, "Task " + entry.getTaskId() + " of time entry " + entry.getId()
                                       + " has no Jira issue; the entry is offered again at a later poll");
        }
    }

    /**
     * True when the entry's worklog on its task's issue is remembered (then set in {@link #WORKLOG_ID}); else the
     * look-up starts. A worklog remembered on another issue (the entry moved to another task) is noted in
     * {@link #MOVED_FROM}, for the route to delete it there.
     */
    public boolean cachedWorklog(Exchange exchange) {
        Location known = worklogs.get(exchange.getProperty(ENTRY, TimeEntry.class).getId());
        String issueKey = exchange.getProperty(JiraSync.ISSUE_KEY, String.class);
        if (known != null && Objects.equals(known.issueKey(), issueKey)) {
            exchange.setProperty(WORKLOG_ID, known.worklogId());
            return true;
        }
        if (known != null) {
            exchange.setProperty(MOVED_FROM, known.issueKey() + "/" + known.worklogId());
        }
        exchange.setProperty(START_AT, 0);
        exchange.setProperty(MORE_PAGES, true);
        return false;
    }

    /** The path and query of {@code DELETE /rest/api/3/issue/{first key}/worklog/{id}}. */
    public void movedDeleteRequest(Exchange exchange) {
        String[] moved = exchange.getProperty(MOVED_FROM, String.class).split("/", 2);
        exchange.getMessage().setHeader(Exchange.HTTP_PATH, "/issue/" + moved[0] + "/worklog/" + moved[1]);
        deleteQuery(exchange);
    }

    /** After the worklog on the first task's issue is deleted (or found gone). */
    public void movedAway(Exchange exchange) {
        LOG.info("time entry {} moved to task {}: its worklog {} was deleted",
                exchange.getProperty(ENTRY, TimeEntry.class).getId(), exchange.getProperty(JiraSync.TASK_ID),
                exchange.getProperty(MOVED_FROM));
        exchange.removeProperty(MOVED_FROM);
    }

    /** The negation of {@link #cachedWorklog}: the worklogs of the issue are to be read. */
    public boolean needsWorklogLookup(Exchange exchange) {
        return !cachedWorklog(exchange);
    }

    /** The query of one page of {@code GET /rest/api/3/issue/{key}/worklog}, with the entity properties. */
    public void pageQuery(Exchange exchange) {
        exchange.setProperty(JiraHttp.QUERY, "startAt=" + exchange.getProperty(START_AT, Integer.class)
                                             + "&maxResults=" + pageSize + "&expand=properties");
    }

    /** Reads one page: the worklog whose property names this entry, and whether to read another page. */
    public void page(Exchange exchange) {
        JsonNode answer = JiraSync.read(exchange.getMessage().getBody(String.class));
        String entryId = exchange.getProperty(ENTRY, TimeEntry.class).getId();
        JsonNode page = answer.path("worklogs");
        for (JsonNode worklog : page) {
            for (JsonNode property : worklog.path("properties")) {
                if (PROPERTY_KEY.equals(property.path("key").asText())
                    && entryId.equals(property.path("value").path("timeEntryId").asText())) {
                    String id = worklog.path("id").asText();
                    worklogs.put(entryId, new Location(exchange.getProperty(JiraSync.ISSUE_KEY, String.class), id));
                    exchange.setProperty(WORKLOG_ID, id);
                }
            }
        }
        int next = answer.path("startAt").asInt() + page.size();
        exchange.setProperty(START_AT, next);
        exchange.setProperty(MORE_PAGES, exchange.getProperty(WORKLOG_ID) == null && !page.isEmpty()
                                         && next < answer.path("total").asInt());
    }

    /** The body of {@code POST} (and {@code PUT}) {@code .../worklog}. */
    public String worklogRequest(Exchange exchange) {
        TimeEntry entry = exchange.getProperty(ENTRY, TimeEntry.class);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("started", started(entry));
        body.put("timeSpentSeconds", seconds(entry));
        body.put("comment", Adf.document(comment(entry)));
        body.put("properties", List.of(Map.of("key", PROPERTY_KEY, "value", Map.of("timeEntryId", entry.getId()))));
        exchange.setProperty(JiraHttp.QUERY, "adjustEstimate=leave&notifyUsers=false");
        return JiraSync.json(body);
    }

    /** The query of {@code DELETE .../worklog/{id}}. */
    public void deleteQuery(Exchange exchange) {
        exchange.setProperty(JiraHttp.QUERY, "adjustEstimate=leave");
    }

    /** Reads a created worklog's id. */
    public void created(Exchange exchange) {
        String id = JiraSync.read(exchange.getMessage().getBody(String.class)).path("id").asText(null);
        if (id == null) {
            throw new JiraException(0, "Jira's worklog answer has no id");
        }
        worklogs.put(exchange.getProperty(ENTRY, TimeEntry.class).getId(),
                new Location(exchange.getProperty(JiraSync.ISSUE_KEY, String.class), id));
        exchange.setProperty(WORKLOG_ID, id);
    }

    /** After the delete. */
    public void deleted(Exchange exchange) {
        worklogs.remove(exchange.getProperty(ENTRY, TimeEntry.class).getId());
    }

    // ---------------------------------------------------------------- mapping (one place)

    /** The time spent: the entry's minutes, or its end minus its start. */
    long seconds(TimeEntry entry) {
        if (entry.getDurationMinutes() != null && entry.getDurationMinutes() > 0) {
            return entry.getDurationMinutes() * 60L;
        }
        Instant start = instant(entry.getStartTime(), entry.getDate());
        Instant end = instant(entry.getEndTime(), entry.getDate());
        return start == null || end == null ? 0 : Math.max(0, Duration.between(start, end).toSeconds());
    }

    /** Jira's {@code started}: {@code yyyy-MM-dd'T'HH:mm:ss.SSSZ}, in UTC. */
    String started(TimeEntry entry) {
        Instant start = instant(entry.getStartTime(), entry.getDate());
        if (start == null) {
            throw new IllegalArgumentException("Time entry " + entry.getId() + " has no readable start_time: "
                                               + entry.getStartTime());
        }
        return STARTED.format(start.atOffset(ZoneOffset.UTC));
    }

    private static String comment(TimeEntry entry) {
        String what = entry.getActivityDescription() != null && !entry.getActivityDescription().isBlank()
                ? entry.getActivityDescription() : entry.getNotes();
        String origin = "WebWork time entry of user " + entry.getUserId()
                        + (entry.getMethod() == null ? "" : " (" + entry.getMethod() + ")");
        return what == null || what.isBlank() ? origin : what.strip() + "\n" + origin;
    }

    /** An ISO instant or offset date-time; a local date-time in the configured zone; a bare time on the date. */
    private Instant instant(String value, String date) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(value).atZone(timeZone).toInstant();
            } catch (DateTimeParseException notLocal) {
                if (date == null) {
                    return null;
                }
                try {
                    return LocalDateTime.parse(date + "T" + value).atZone(timeZone).toInstant();
                } catch (DateTimeParseException e) {
                    LOG.warn("Unreadable time '{}' on {}", value, date);
                    return null;
                }
            }
        }
    }

    private static TimeEntry entry(Object body) {
        if (body instanceof TimeEntry entry) {
            return entry;
        }
        return body == null ? null : JiraSync.JSON.convertValue(body, TimeEntry.class);
    }
}
