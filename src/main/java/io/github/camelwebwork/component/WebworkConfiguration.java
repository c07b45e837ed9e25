package io.github.camelwebwork.component;

import io.github.camelwebwork.client.BudgetStore;
import io.github.camelwebwork.client.oauth.TokenStore;
import io.github.camelwebwork.operation.OutputType;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options of a webwork: endpoint. Set once on the component (camel.component.webwork.*) they are
 * the defaults of every endpoint. The ids and filters can be overridden per message by the header
 * CamelWebwork<Option>.
 */
@UriParams
public class WebworkConfiguration implements Cloneable {

    /** House rule H7: the OAuth2 token endpoint. */
    public static final String DEFAULT_TOKEN_URL = "https://webwork-tracker.com/oauth/token";
    public static final String DEFAULT_BASE_URL = "https://api.webwork-tracker.com/api/v2";

    @UriParam(enums = "list,get,create,update,delete,listAssignees,assign,unassign,restore,assignProject,"
                      + "unassignProject,start,stop,current,approve,reject,submit,unsubmit,balances,policies,"
                      + "categories,trackedHours,dailyTimeline,activityLevel,taskReport,dailyAttendance,"
                      + "activityDescriptions")
    private String operation;

    @UriParam(label = "security", secret = true)
    private String accessToken;
    @UriParam(defaultValue = DEFAULT_BASE_URL)
    private String baseUrl = DEFAULT_BASE_URL;

    @UriParam(label = "ids")
    private Long workspaceId;
    @UriParam(label = "ids")
    private Long projectId;
    @UriParam(label = "ids")
    private Long taskId;
    @UriParam(label = "ids")
    private Long userId;
    @UriParam(label = "ids")
    private Long memberId;
    @UriParam(label = "ids")
    private Long viewerId;
    @UriParam(label = "ids")
    private Long contractId;
    @UriParam(label = "ids")
    private String timeEntryId;
    @UriParam(label = "ids")
    private String timesheetId;
    @UriParam(label = "ids")
    private String timeRequestId;
    @UriParam(label = "ids")
    private String leaveId;
    @UriParam(label = "ids")
    private Long policyId;
    @UriParam(label = "ids")
    private String expenseId;
    @UriParam(label = "ids")
    private String categoryId;
    @UriParam(label = "ids")
    private String webhookId;

    @UriParam(label = "filter")
    private String status;
    @UriParam(label = "filter")
    private String priority;
    @UriParam(label = "filter")
    private String dateFrom;
    @UriParam(label = "filter")
    private String dateTo;
    @UriParam(label = "filter")
    private String startDate;
    @UriParam(label = "filter")
    private String endDate;
    @UriParam(label = "filter")
    private String date;
    @UriParam(label = "filter")
    private String userIds;
    @UriParam(label = "filter")
    private String email;
    @UriParam(label = "filter")
    private String role;
    @UriParam(label = "filter")
    private String name;
    @UriParam(label = "filter", enums = "asc,desc")
    private String orderBy;
    @UriParam(label = "filter", enums = "yes,no")
    private String isPaid;
    @UriParam(label = "producer")
    private String reason;
    @UriParam(label = "producer")
    private String url;
    @UriParam(label = "producer")
    private String events;
    @UriParam(label = "filter")
    private Integer page;
    @UriParam(label = "filter")
    private Integer perPage;
    @UriParam(label = "filter", defaultValue = "0")
    private int maxResults;

    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration")
    private long connectTimeout = 10_000;
    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration")
    private long responseTimeout = 60_000;
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long connectionRequestTimeout = 30_000;
    @UriParam(label = "advanced", defaultValue = "20")
    private int maxConnections = 20;
    @UriParam(label = "advanced")
    private HttpClientConfigurer httpClientConfigurer;

    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "proxy")
    private String proxyHost;
    @UriParam(label = "proxy")
    private Integer proxyPort;
    @UriParam(label = "proxy", defaultValue = "http", enums = "http,https")
    private String proxyScheme = "http";
    @UriParam(label = "proxy,security")
    private String proxyUsername;
    @UriParam(label = "proxy,security", secret = true)
    private String proxyPassword;

    @UriParam(label = "advanced,resilience", defaultValue = "60")
    private int rateLimit = 60;
    @UriParam(label = "advanced,resilience", defaultValue = "60000", javaType = "java.time.Duration")
    private long rateLimitWindow = 60_000;
    @UriParam(label = "advanced,resilience", defaultValue = "120000", javaType = "java.time.Duration")
    private long maxBudgetWait = 120_000;
    @UriParam(label = "advanced,resilience", defaultValue = "auto", enums = "auto,interactive,bulk")
    private String budgetLane = "auto";
    @UriParam(label = "advanced,resilience")
    private BudgetStore budgetStore;
    @UriParam(label = "advanced,resilience", defaultValue = "0")
    private int budgetFallbackShare;
    @UriParam(label = "advanced,resilience", defaultValue = "120000", javaType = "java.time.Duration")
    private long maxRetryAfter = 120_000;
    @UriParam(label = "advanced,resilience", defaultValue = "5")
    private int maxAttempts = 5;
    @UriParam(label = "advanced,resilience", defaultValue = "500", javaType = "java.time.Duration")
    private long retryInitialBackoff = 500;
    @UriParam(label = "advanced,resilience", defaultValue = "30000", javaType = "java.time.Duration")
    private long retryMaxBackoff = 30_000;
    @UriParam(label = "advanced,resilience")
    private IdempotentRepository idempotentRepository;

    @UriParam(label = "producer", defaultValue = "false")
    private boolean dryRun;
    @UriParam(defaultValue = "model", enums = "model,map,json")
    private String outputType = "model";
    @UriParam(defaultValue = "false")
    private boolean strictModels;

    @UriParam(label = "consumer", defaultValue = "7")
    private int lookbackDays = 7;
    @UriParam(label = "consumer", defaultValue = "0")
    private int maxRequestsPerPoll;
    @UriParam(label = "consumer", defaultValue = "0")
    private int maxMessagesPerPoll;
    @UriParam(label = "consumer", defaultValue = "60")
    private int reconcileEvery = 60;
    @UriParam(label = "consumer", defaultValue = "poll", enums = "poll,webhook")
    private String trigger = "poll";
    @UriParam(label = "consumer", defaultValue = "21600000", javaType = "java.time.Duration")
    private long reconcileInterval = 21_600_000;
    @UriParam(label = "consumer", defaultValue = "UTC")
    private String timeZone = "UTC";
    @UriParam(label = "consumer", defaultValue = "true")
    private boolean snapshot = true;
    @UriParam(label = "consumer")
    private String backfillFrom;
    @UriParam(label = "consumer")
    private String backfillTo;
    @UriParam(label = "consumer,advanced")
    private StateRepository<String, String> stateRepository;
    @UriParam(label = "consumer")
    private String stateFile;
    @UriParam(label = "consumer", defaultValue = "fail", enums = "fail,snapshot,now")
    private String onInvalidState = "fail";

    @UriParam(label = "consumer,webhook")
    private String webhookExternalUrl;
    @UriParam(label = "consumer,webhook")
    private String webhookPath;
    @UriParam(label = "consumer,webhook", secret = true)
    private String webhookSecret;
    @UriParam(label = "consumer,webhook", defaultValue = "hmac-sha256", enums = "hmac-sha256,token,none")
    private String webhookSignatureScheme = "hmac-sha256";
    @UriParam(label = "consumer,webhook", defaultValue = "X-Webwork-Signature")
    private String webhookSignatureHeader = "X-Webwork-Signature";
    @UriParam(label = "consumer,webhook", defaultValue = "X-Webwork-Timestamp")
    private String webhookTimestampHeader = "X-Webwork-Timestamp";
    @UriParam(label = "consumer,webhook", defaultValue = "X-Webwork-Delivery")
    private String webhookDeliveryHeader = "X-Webwork-Delivery";
    @UriParam(label = "consumer,webhook", defaultValue = "X-Webwork-Event")
    private String webhookEventHeader = "X-Webwork-Event";
    @UriParam(label = "consumer,webhook", defaultValue = "300000", javaType = "java.time.Duration")
    private long webhookTolerance = 300_000;
    @UriParam(label = "consumer,webhook", defaultValue = "false")
    private boolean webhookKeepRegistration;

    @UriParam(label = "security,oauth", defaultValue = DEFAULT_TOKEN_URL)
    private String tokenUrl = DEFAULT_TOKEN_URL;
    @UriParam(label = "security,oauth")
    private String clientId;
    @UriParam(label = "security,oauth", secret = true)
    private String clientSecret;
    @UriParam(label = "security,oauth", secret = true)
    private String refreshToken;
    @UriParam(label = "security,oauth")
    private TokenStore tokenStore;
    @UriParam(label = "security,oauth")
    private String tokenStoreDirectory;

    public String getOperation() {
        return operation;
    }

    /**
     * The operation to perform on the resource, e.g. create. Each resource has its own set (see the README);
     * an operation the resource does not have fails when the endpoint is created. Overridden per message by the
     * CamelWebworkOperation header.
     */
    public void setOperation(String operation) {
        this.operation = operation;
    }

    public String getAccessToken() {
        return accessToken;
    }

    /**
     * The personal access token, or an OAuth2 access token, sent as Authorization: Bearer. Never logged.
     * Usually set once on the component: camel.component.webwork.access-token.
     */
    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    /** The API's base URL, up to and including /api/v2. Point it at the WebWork sandbox in tests. */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Long getWorkspaceId() {
        return workspaceId;
    }

    /**
     * The workspace (workspace_id), required by every call but the workspace list. Header
     * CamelWebworkWorkspaceId.
     */
    public void setWorkspaceId(Long workspaceId) {
        this.workspaceId = workspaceId;
    }

    public Long getProjectId() {
        return projectId;
    }

    /**
     * The project (project_id): every task call needs it; projectId in the path of projects get, update and delete;
     * a filter or field of contracts, time entries, expenses, viewer (un)assignment and the task report. Header
     * CamelWebworkProjectId.
     */
    public void setProjectId(Long projectId) {
        this.projectId = projectId;
    }

    public Long getTaskId() {
        return taskId;
    }

    /**
     * The task ({taskId} in the path) of get, update, delete, listAssignees, assign and unassign. Header
     * CamelWebworkTaskId; a Task body's id also gives it.
     */
    public void setTaskId(Long taskId) {
        this.taskId = taskId;
    }

    public Long getUserId() {
        return userId;
    }

    /** The member's user id ({userId} in the path) of assign and unassign. Header CamelWebworkUserId. */
    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public Long getMemberId() {
        return memberId;
    }

    /** The member (memberId in the path) of members get, update and delete. Header CamelWebworkMemberId. */
    public void setMemberId(Long memberId) {
        this.memberId = memberId;
    }

    public Long getViewerId() {
        return viewerId;
    }

    /** The project viewer's user id (viewerId in the path). Header CamelWebworkViewerId. */
    public void setViewerId(Long viewerId) {
        this.viewerId = viewerId;
    }

    public Long getContractId() {
        return contractId;
    }

    /**
     * The contract: contractId in the path of contracts get, update and delete; contract_id of time tracking,
     * time entries, time requests and the activity-level report. Header CamelWebworkContractId.
     */
    public void setContractId(Long contractId) {
        this.contractId = contractId;
    }

    public String getTimeEntryId() {
        return timeEntryId;
    }

    /** The time entry (a string id) of time-entries update and delete. Header CamelWebworkTimeEntryId. */
    public void setTimeEntryId(String timeEntryId) {
        this.timeEntryId = timeEntryId;
    }

    public String getTimesheetId() {
        return timesheetId;
    }

    /** The timesheet (a string id) of approve, reject, submit and unsubmit. Header CamelWebworkTimesheetId. */
    public void setTimesheetId(String timesheetId) {
        this.timesheetId = timesheetId;
    }

    public String getTimeRequestId() {
        return timeRequestId;
    }

    /** The time request (a string id) of get, approve and reject. Header CamelWebworkTimeRequestId. */
    public void setTimeRequestId(String timeRequestId) {
        this.timeRequestId = timeRequestId;
    }

    public String getLeaveId() {
        return leaveId;
    }

    /** The leave request (a string id) of approve and reject. Header CamelWebworkLeaveId. */
    public void setLeaveId(String leaveId) {
        this.leaveId = leaveId;
    }

    public Long getPolicyId() {
        return policyId;
    }

    /** The leave policy (policy_id) of a leave request, or the leaves list filter. Header CamelWebworkPolicyId. */
    public void setPolicyId(Long policyId) {
        this.policyId = policyId;
    }

    public String getExpenseId() {
        return expenseId;
    }

    /** The expense (a string id) of expenses update and delete. Header CamelWebworkExpenseId. */
    public void setExpenseId(String expenseId) {
        this.expenseId = expenseId;
    }

    public String getCategoryId() {
        return categoryId;
    }

    /** The expense category (category_id, a string id) of an expense. Header CamelWebworkCategoryId. */
    public void setCategoryId(String categoryId) {
        this.categoryId = categoryId;
    }

    public String getWebhookId() {
        return webhookId;
    }

    /** The webhook (a string id) of webhooks get, update and delete. Header CamelWebworkWebhookId. */
    public void setWebhookId(String webhookId) {
        this.webhookId = webhookId;
    }

    public String getDateFrom() {
        return dateFrom;
    }

    /**
     * First day (YYYY-MM-DD, inclusive) of timesheets, time requests, leaves, leave balances and expenses. Header
     * CamelWebworkDateFrom.
     */
    public void setDateFrom(String dateFrom) {
        this.dateFrom = dateFrom;
    }

    public String getDateTo() {
        return dateTo;
    }

    /** Last day (YYYY-MM-DD, inclusive) matching dateFrom. Header CamelWebworkDateTo. */
    public void setDateTo(String dateTo) {
        this.dateTo = dateTo;
    }

    public String getStartDate() {
        return startDate;
    }

    /**
     * First day (YYYY-MM-DD) of a report (the range is at most 31 days where the API says so), or a project's start
     * date. Header CamelWebworkStartDate.
     */
    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }

    public String getEndDate() {
        return endDate;
    }

    /** Last day (YYYY-MM-DD) of a report. Header CamelWebworkEndDate. */
    public void setEndDate(String endDate) {
        this.endDate = endDate;
    }

    public String getDate() {
        return date;
    }

    /**
     * One day (YYYY-MM-DD): of a time-entries list or create, an expense, the daily timeline and the daily attendance
     * reports. Header CamelWebworkDate.
     */
    public void setDate(String date) {
        this.date = date;
    }

    public String getUserIds() {
        return userIds;
    }

    /** Comma-separated user ids that reports are limited to (users or user_ids). Header CamelWebworkUserIds. */
    public void setUserIds(String userIds) {
        this.userIds = userIds;
    }

    public String getEmail() {
        return email;
    }

    /**
     * E-mail: the members and project-viewers list filter (exact match), or the address a member or viewer
     * invitation goes to. Header CamelWebworkEmail.
     */
    public void setEmail(String email) {
        this.email = email;
    }

    public String getRole() {
        return role;
    }

    /**
     * Role: the members list filter, or the role an invitation or update gives (Owner, Project viewer, Executive
     * manager, Team manager, Project manager, Regular User). Header CamelWebworkRole.
     */
    public void setRole(String role) {
        this.role = role;
    }

    public String getName() {
        return name;
    }

    /** Project name: the list filter (case-insensitive part of the name), or a created project's name. Header CamelWebworkName. */
    public void setName(String name) {
        this.name = name;
    }

    public String getOrderBy() {
        return orderBy;
    }

    /** Timesheets order by created_at. Header CamelWebworkOrderBy. */
    public void setOrderBy(String orderBy) {
        this.orderBy = orderBy;
    }

    public String getIsPaid() {
        return isPaid;
    }

    /** Leaves list filter: paid leave or not. Header CamelWebworkIsPaid. */
    public void setIsPaid(String isPaid) {
        this.isPaid = isPaid;
    }

    public String getReason() {
        return reason;
    }

    /**
     * Why a timesheet, leave or time request is rejected (sent as reason, or as comment for time requests). Header
     * CamelWebworkReason.
     */
    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getUrl() {
        return url;
    }

    /** The URL a webhook delivers to. Header CamelWebworkUrl. */
    public void setUrl(String url) {
        this.url = url;
    }

    public String getEvents() {
        return events;
    }

    /** Comma-separated webhook events, e.g. tracker.started,tracker.stopped. Header CamelWebworkEvents. */
    public void setEvents(String events) {
        this.events = events;
    }

    public String getStatus() {
        return status;
    }

    /**
     * Status: a list filter, or the status a create or update sets. Tasks: the code or its name (0 Incomplete, 10
     * Doing, 20 Done, 30 Completed). Members: active, inactive, left, unknown. Contracts: active, paused. Timesheets:
     * pending, submitted, approved, rejected. Time requests and leaves: pending, approved, rejected. Daily attendance:
     * a comma-separated list of late, left_early, tracked_less, absent, on_leave. Header CamelWebworkStatus.
     */
    public void setStatus(String status) {
        this.status = status;
    }

    public String getPriority() {
        return priority;
    }

    /**
     * Task priority: the list filter, and the priority a create or update sets. The code or its name: 10
     * Urgent, 20 High, 30 Normal, 40 Low. Header CamelWebworkPriority.
     */
    public void setPriority(String priority) {
        this.priority = priority;
    }

    public Integer getPage() {
        return page;
    }

    /**
     * Fetch only this page of a list (from 1). Without it a list walks every page lazily, 100 records a request.
     * Header CamelWebworkPage.
     */
    public void setPage(Integer page) {
        this.page = page;
    }

    public Integer getPerPage() {
        return perPage;
    }

    /**
     * Records per page, 1 to 100 (the API's default is 20; a lazy walk uses 100 unless this is set). Header
     * CamelWebworkPerPage.
     */
    public void setPerPage(Integer perPage) {
        this.perPage = perPage;
    }

    public int getMaxResults() {
        return maxResults;
    }

    /** At most this many records from a list; 0 means all. No page beyond the one holding the last is fetched. */
    public void setMaxResults(int maxResults) {
        this.maxResults = maxResults;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /** How long to wait for a TCP connection to the API. */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    /** How long to wait for the API's answer once the request was sent (socket read timeout). */
    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public long getConnectionRequestTimeout() {
        return connectionRequestTimeout;
    }

    /** How long to wait for a free connection from the pool. */
    public void setConnectionRequestTimeout(long connectionRequestTimeout) {
        this.connectionRequestTimeout = connectionRequestTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    /** Size of the keep-alive connection pool, shared by the endpoints with the same HTTP settings. */
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public HttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    /** Customises the Apache HttpClient 5 builder (camel-http's interface) before the client is built. */
    public void setHttpClientConfigurer(HttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /** TLS settings (trust store, key store, protocols) through Camel's JSSE utility. */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    /** HTTP proxy host; no proxy when unset. */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    /** HTTP proxy port (8080 when a proxy host is set without a port). */
    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyScheme() {
        return proxyScheme;
    }

    /** The scheme used to talk to the proxy. */
    public void setProxyScheme(String proxyScheme) {
        this.proxyScheme = proxyScheme;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    /** User name for proxy authentication. */
    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    /** Password for proxy authentication. Never logged. */
    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public int getLookbackDays() {
        return lookbackDays;
    }

    /** Consumer of time-entries: how many days back (before today, in timeZone) every scan reads again, to catch back-dated and edited entries. Time requests without dateFrom/dateTo use the same window. */
    public void setLookbackDays(int lookbackDays) {
        this.lookbackDays = lookbackDays;
    }

    public int getReconcileEvery() {
        return reconcileEvery;
    }

    /**
     * Consumer: every how many scans a full one (which sees edits of old records and deletes) runs, the first after a
     * start included; the scans in between are incremental: each partition is read from page 1 and then from its
     * newest page back to a page with nothing new (two requests for a quiet partition), but only while the full
     * scans observe the list order the house rule expects (oldest first); when one does not, a WARN says what it
     * observed and every scan is full until a full scan observes that order again. Default 60: at delay=60000, a
     * full scan an hour. 1: every scan is full. With trigger=webhook, reconcileInterval says when a full scan runs.
     */
    public void setReconcileEvery(int reconcileEvery) {
        if (reconcileEvery < 1) {
            throw new IllegalArgumentException("reconcileEvery must be at least 1, got " + reconcileEvery);
        }
        this.reconcileEvery = reconcileEvery;
    }

    public String getTrigger() {
        return trigger;
    }

    /**
     * Consumer: what makes a change be read. poll (default): the scans, every delay. webhook (members, projects,
     * tasks: the lists whose changes WebWork's webhook events announce): the route registers a webhook for the
     * resource's events when it starts (served and checked as webwork:webhooks is: webhookExternalUrl, webhookPath,
     * webhookSecret, ...), and each event leads at once to a get of the record it names and its change emitted; the
     * full scans become a reconciliation every reconcileInterval that catches what no delivery brought, and between
     * them only what no event announces is scanned for (new tasks: incremental scans; nothing for members and
     * projects). Not with a filter of the list (status, role, ...) nor a backfill.
     */
    public void setTrigger(String trigger) {
        this.trigger = trigger;
    }

    public long getReconcileInterval() {
        return reconcileInterval;
    }

    /**
     * Consumer with trigger=webhook: how long after the start of a full scan (a reconciliation) the next one starts,
     * by the component's clock; the first scan after a start is always full. Default 6 hours: the events bring the
     * changes at once, and the reconciliation only catches what a webhook missed (a delivery given up, the route
     * down) and what no event announces (deleted tasks).
     */
    public void setReconcileInterval(long reconcileInterval) {
        this.reconcileInterval = reconcileInterval;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    /**
     * Consumer: the most changes one poll emits (0 = all it found); the rest follow at the next polls, before the
     * scan goes on.
     */
    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public int getMaxRequestsPerPoll() {
        return maxRequestsPerPoll;
    }

    /** Consumer: the most requests one poll may spend of the shared rate budget (0 = no limit); the scan carries on where it stopped at the next poll. A poll also ends early when the shared budget is empty. */
    public void setMaxRequestsPerPoll(int maxRequestsPerPoll) {
        this.maxRequestsPerPoll = maxRequestsPerPoll;
    }

    public String getTimeZone() {
        return timeZone;
    }

    /** Consumer: the time zone whose calendar days the scans use (the days of the workspace), e.g. Europe/Berlin. */
    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public boolean isSnapshot() {
        return snapshot;
    }

    /** Consumer: emit the records that exist at the very first scan as CREATED (true), or take them as the starting point silently (false). */
    public void setSnapshot(boolean snapshot) {
        this.snapshot = snapshot;
    }

    public String getBackfillFrom() {
        return backfillFrom;
    }

    /** Consumer: a one-shot run over a past date range (YYYY-MM-DD, with backfillTo): every record of the range is emitted once as CREATED, with its own state, without moving the live position. */
    public void setBackfillFrom(String backfillFrom) {
        this.backfillFrom = backfillFrom;
    }

    public String getBackfillTo() {
        return backfillTo;
    }

    /** Consumer: the last day of the backfill range. */
    public void setBackfillTo(String backfillTo) {
        this.backfillTo = backfillTo;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    /** Consumer: where the fingerprints of the records seen are kept (any Camel StateRepository: JDBC, Kafka, ...). Default: in memory, or a file with stateFile. */
    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStateFile() {
        return stateFile;
    }

    /** Consumer: a file for the state (versioned, checksummed, written atomically), so that a restart neither repeats nor misses changes. */
    public void setStateFile(String stateFile) {
        this.stateFile = stateFile;
    }

    public String getOnInvalidState() {
        return onInvalidState;
    }

    /** Consumer: what a damaged stateFile (empty, cut short, overwritten, a checksum mismatch) does at start: fail refuses to start the consumer; snapshot and now move the file aside and scan as on a first run that emits every record that exists as CREATED (snapshot) or takes them as the starting point silently (now). */
    public void setOnInvalidState(String onInvalidState) {
        this.onInvalidState = onInvalidState;
    }

    public String getWebhookExternalUrl() {
        return webhookExternalUrl;
    }

    /** Webhook consumer or trigger=webhook: the public base URL WebWork delivers to (e.g. https://hooks.example.com); the registered URL is this plus webhookPath. */
    public void setWebhookExternalUrl(String webhookExternalUrl) {
        this.webhookExternalUrl = webhookExternalUrl;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    /** Webhook consumer or trigger=webhook: the path the deliveries arrive on (default: one derived from the endpoint URI). */
    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    /** Webhook consumer or trigger=webhook: the signing secret of a webhook registered by hand; by default the token WebWork returns when the consumer registers the webhook is used. */
    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public String getWebhookSignatureScheme() {
        return webhookSignatureScheme;
    }

    /** Webhook consumer or trigger=webhook: how deliveries prove they come from WebWork (house rule H9): hmac-sha256 (HMAC-SHA256 of timestamp.body keyed with the token), token (the token itself in the signature header) or none. */
    public void setWebhookSignatureScheme(String webhookSignatureScheme) {
        this.webhookSignatureScheme = webhookSignatureScheme;
    }

    public String getWebhookSignatureHeader() {
        return webhookSignatureHeader;
    }

    /** Webhook consumer or trigger=webhook: the header with the signature. */
    public void setWebhookSignatureHeader(String webhookSignatureHeader) {
        this.webhookSignatureHeader = webhookSignatureHeader;
    }

    public String getWebhookTimestampHeader() {
        return webhookTimestampHeader;
    }

    /** Webhook consumer or trigger=webhook: the header with the delivery time (unix seconds). */
    public void setWebhookTimestampHeader(String webhookTimestampHeader) {
        this.webhookTimestampHeader = webhookTimestampHeader;
    }

    public String getWebhookDeliveryHeader() {
        return webhookDeliveryHeader;
    }

    /**
     * Webhook consumer or trigger=webhook: the header with the delivery id, given to the route as
     * CamelWebworkDeliveryId when the body has no id. Not used to deduplicate: the signature does not cover it.
     */
    public void setWebhookDeliveryHeader(String webhookDeliveryHeader) {
        this.webhookDeliveryHeader = webhookDeliveryHeader;
    }

    public String getWebhookEventHeader() {
        return webhookEventHeader;
    }

    /** Webhook consumer or trigger=webhook: the header with the event name. */
    public void setWebhookEventHeader(String webhookEventHeader) {
        this.webhookEventHeader = webhookEventHeader;
    }

    public long getWebhookTolerance() {
        return webhookTolerance;
    }

    /** Webhook consumer or trigger=webhook: how far the delivery timestamp may be from now; older or newer deliveries are refused as replays. */
    public void setWebhookTolerance(long webhookTolerance) {
        this.webhookTolerance = webhookTolerance;
    }

    public boolean isWebhookKeepRegistration() {
        return webhookKeepRegistration;
    }

    /** Webhook consumer or trigger=webhook: keep the webhook registered with WebWork when the route stops (default: delete it). */
    public void setWebhookKeepRegistration(boolean webhookKeepRegistration) {
        this.webhookKeepRegistration = webhookKeepRegistration;
    }

    public int getRateLimit() {
        return rateLimit;
    }

    /** How many requests the API allows per credential per rateLimitWindow (house rule H5: 60 per minute per user). Every webwork endpoint of the CamelContext using the same credential shares this budget; the first endpoint started sets it. */
    public void setRateLimit(int rateLimit) {
        this.rateLimit = rateLimit;
    }

    public long getRateLimitWindow() {
        return rateLimitWindow;
    }

    /** The window of rateLimit. */
    public void setRateLimitWindow(long rateLimitWindow) {
        this.rateLimitWindow = rateLimitWindow;
    }

    public long getMaxBudgetWait() {
        return maxBudgetWait;
    }

    /** How long a request may wait for the shared rate budget before it fails with a WebworkRateLimitException. */
    public void setMaxBudgetWait(long maxBudgetWait) {
        this.maxBudgetWait = maxBudgetWait;
    }

    public String getBudgetLane() {
        return budgetLane;
    }

    /** The lane this endpoint's calls take in the shared rate budget: interactive calls are served first and may use the whole budget at once; bulk calls never take budget while an interactive call waits and are spaced rateLimitWindow / rateLimit apart. auto: producers interactive, consumers (change-capture scans) bulk. Set bulk on producers that export or backfill. */
    public void setBudgetLane(String budgetLane) {
        this.budgetLane = budgetLane;
    }

    public BudgetStore getBudgetStore() {
        return budgetStore;
    }

    /** Where the rate budget of each credential is kept when several processes (machines) use the credential: a BudgetStore bean (#bean:name), e.g. io.github.camelwebwork.client.HazelcastBudgetStore on the application's Hazelcast instance. Every request then takes a slot in the store, so that all processes together keep to rateLimit per rateLimitWindow. Default: none, each JVM keeps its own budget. */
    public void setBudgetStore(BudgetStore budgetStore) {
        this.budgetStore = budgetStore;
    }

    public int getBudgetFallbackShare() {
        return budgetFallbackShare;
    }

    /** With a budgetStore: the requests per rateLimitWindow this process may send while the store is unreachable (its first one a window after the store was lost). 0: rateLimit divided by the number of processes last seen sharing the store (its members, or the processes holding slots at the last request, whichever is more), and at most half of it. */
    public void setBudgetFallbackShare(int budgetFallbackShare) {
        this.budgetFallbackShare = budgetFallbackShare;
    }

    public long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    /** The longest Retry-After of a 429 answer that is waited for before retrying; a longer one fails at once with a WebworkRateLimitException. */
    public void setMaxRetryAfter(long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    /** Attempts per call in all, the first included (1 = no retries). Idempotent calls are retried after 429, 5xx, timeouts and resets; creates only when they certainly did not take effect. */
    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public long getRetryInitialBackoff() {
        return retryInitialBackoff;
    }

    /** The first wait before retrying after a 5xx, timeout or reset; it doubles per attempt, with 25% jitter. */
    public void setRetryInitialBackoff(long retryInitialBackoff) {
        this.retryInitialBackoff = retryInitialBackoff;
    }

    public long getRetryMaxBackoff() {
        return retryMaxBackoff;
    }

    /** The longest wait between two attempts after a 5xx, timeout or reset. */
    public void setRetryMaxBackoff(long retryMaxBackoff) {
        this.retryMaxBackoff = retryMaxBackoff;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /** Where the idempotency keys of creates are kept (header CamelWebworkIdempotencyKey, default the exchange id), so that a redelivered create is looked up instead of sent again. Default: an in-memory repository per component; use a persistent one (JDBC, Kafka, file) to keep the guarantee across restarts. */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    /** Validate and resolve the call and return the request that would be sent (method, URL, headers without the token, JSON body) as a WebworkDryRun body, without sending it or spending rate budget. */
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public String getOutputType() {
        return outputType;
    }

    /** What the body holds: model (the typed model; a value the model cannot hold is kept in its getDriftedValues()), map (the answer's data as Jackson Map/List, whatever its shape) or json (the data as JSON text). For operations and consumers alike; see docs/drift.md. */
    public void setOutputType(String outputType) {
        OutputType.of(outputType);
        this.outputType = outputType;
    }

    public boolean isStrictModels() {
        return strictModels;
    }

    /** With outputType=model: fail the call on every mismatch between the answer and the model (an unknown code, a value of another type in any field) instead of keeping the value and logging a WARN. */
    public void setStrictModels(boolean strictModels) {
        this.strictModels = strictModels;
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    /** The OAuth2 token endpoint (house rule H7). */
    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    public String getClientId() {
        return clientId;
    }

    /** The OAuth2 client id. With clientSecret, used instead of accessToken: the refresh-token grant when refreshToken is set (authorization-code apps), else the client-credentials grant. */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    /** The OAuth2 client secret. */
    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getRefreshToken() {
        return refreshToken;
    }

    /** The OAuth2 refresh token from the app's consent. WebWork rotates it on every refresh; the latest one is kept in the token store and preferred over this one at the next start. */
    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }

    public TokenStore getTokenStore() {
        return tokenStore;
    }

    /** Where OAuth2 tokens are kept across restarts. Default: a FileTokenStore in tokenStoreDirectory. */
    public void setTokenStore(TokenStore tokenStore) {
        this.tokenStore = tokenStore;
    }

    public String getTokenStoreDirectory() {
        return tokenStoreDirectory;
    }

    /** The directory of the default file token store (files readable by the owner only). Default: .camel-webwork/tokens in the user's home directory. */
    public void setTokenStoreDirectory(String tokenStoreDirectory) {
        this.tokenStoreDirectory = tokenStoreDirectory;
    }

    public WebworkConfiguration copy() {
        try {
            return (WebworkConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    @Override
    public String toString() {
        return "WebworkConfiguration[operation=" + operation + ", baseUrl=" + baseUrl + ", accessToken="
               + mask(accessToken) + (clientId == null ? "" : ", clientId=" + clientId + ", clientSecret="
                                                             + mask(clientSecret) + ", refreshToken=" + mask(refreshToken))
               + ", workspaceId=" + workspaceId + ", projectId=" + projectId + "]";
    }

    private static String mask(String secret) {
        return secret == null ? "none" : "xxxxxx";
    }
}
