package io.github.camelwebwork.component;

import io.github.camelwebwork.consumer.ConsumerHeaders;
import org.apache.camel.spi.Metadata;

/** The message headers of the {@code webwork:} component. */
public final class WebworkConstants {

    @Metadata(label = "producer", description = "The operation to perform; overrides the operation option.",
              javaType = "String")
    public static final String OPERATION = "CamelWebworkOperation";
    @Metadata(label = "producer", description = "The workspace id; overrides the workspaceId option.",
              javaType = "Long")
    public static final String WORKSPACE_ID = "CamelWebworkWorkspaceId";
    @Metadata(label = "producer", description = "The project id; overrides the projectId option.", javaType = "Long")
    public static final String PROJECT_ID = "CamelWebworkProjectId";
    @Metadata(label = "producer", description = "The task id; overrides the taskId option.", javaType = "Long")
    public static final String TASK_ID = "CamelWebworkTaskId";
    @Metadata(label = "producer", description = "The member's user id; overrides the userId option.",
              javaType = "Long")
    public static final String USER_ID = "CamelWebworkUserId";
    @Metadata(label = "producer", description = "The member id; overrides the memberId option.", javaType = "Long")
    public static final String MEMBER_ID = "CamelWebworkMemberId";
    @Metadata(label = "producer", description = "The project viewer's user id; overrides the viewerId option.", javaType = "Long")
    public static final String VIEWER_ID = "CamelWebworkViewerId";
    @Metadata(label = "producer", description = "The contract id; overrides the contractId option.", javaType = "Long")
    public static final String CONTRACT_ID = "CamelWebworkContractId";
    @Metadata(label = "producer", description = "The time entry id; overrides the timeEntryId option.", javaType = "String")
    public static final String TIME_ENTRY_ID = "CamelWebworkTimeEntryId";
    @Metadata(label = "producer", description = "The timesheet id; overrides the timesheetId option.", javaType = "String")
    public static final String TIMESHEET_ID = "CamelWebworkTimesheetId";
    @Metadata(label = "producer", description = "The time request id; overrides the timeRequestId option.", javaType = "String")
    public static final String TIME_REQUEST_ID = "CamelWebworkTimeRequestId";
    @Metadata(label = "producer", description = "The leave request id; overrides the leaveId option.", javaType = "String")
    public static final String LEAVE_ID = "CamelWebworkLeaveId";
    @Metadata(label = "producer", description = "The leave policy id; overrides the policyId option.", javaType = "Long")
    public static final String POLICY_ID = "CamelWebworkPolicyId";
    @Metadata(label = "producer", description = "The expense id; overrides the expenseId option.", javaType = "String")
    public static final String EXPENSE_ID = "CamelWebworkExpenseId";
    @Metadata(label = "producer", description = "The expense category id; overrides the categoryId option.", javaType = "String")
    public static final String CATEGORY_ID = "CamelWebworkCategoryId";
    @Metadata(label = "producer", description = "The webhook id; overrides the webhookId option.", javaType = "String")
    public static final String WEBHOOK_ID = "CamelWebworkWebhookId";
    @Metadata(label = "producer", description = "First day of a range (YYYY-MM-DD); overrides the dateFrom option.", javaType = "String")
    public static final String DATE_FROM = "CamelWebworkDateFrom";
    @Metadata(label = "producer", description = "Last day of a range (YYYY-MM-DD); overrides the dateTo option.", javaType = "String")
    public static final String DATE_TO = "CamelWebworkDateTo";
    @Metadata(label = "producer", description = "First day of a report (YYYY-MM-DD); overrides the startDate option.", javaType = "String")
    public static final String START_DATE = "CamelWebworkStartDate";
    @Metadata(label = "producer", description = "Last day of a report (YYYY-MM-DD); overrides the endDate option.", javaType = "String")
    public static final String END_DATE = "CamelWebworkEndDate";
    @Metadata(label = "producer", description = "One day (YYYY-MM-DD); overrides the date option.", javaType = "String")
    public static final String DATE = "CamelWebworkDate";
    @Metadata(label = "producer", description = "Comma-separated user ids (or a list); overrides the userIds option.", javaType = "String")
    public static final String USER_IDS = "CamelWebworkUserIds";
    @Metadata(label = "producer", description = "E-mail filter or invitation address; overrides the email option.", javaType = "String")
    public static final String EMAIL = "CamelWebworkEmail";
    @Metadata(label = "producer", description = "Member role filter or value; overrides the role option.", javaType = "String")
    public static final String ROLE = "CamelWebworkRole";
    @Metadata(label = "producer", description = "Project name filter or value; overrides the name option.", javaType = "String")
    public static final String NAME = "CamelWebworkName";
    @Metadata(label = "producer", description = "Timesheet order (asc or desc); overrides the orderBy option.", javaType = "String")
    public static final String ORDER_BY = "CamelWebworkOrderBy";
    @Metadata(label = "producer", description = "Leaves filter (yes or no); overrides the isPaid option.", javaType = "String")
    public static final String IS_PAID = "CamelWebworkIsPaid";
    @Metadata(label = "producer", description = "Why a timesheet, leave or time request is rejected; overrides the reason option.", javaType = "String")
    public static final String REASON = "CamelWebworkReason";
    @Metadata(label = "producer", description = "The webhook URL; overrides the url option.", javaType = "String")
    public static final String URL = "CamelWebworkUrl";
    @Metadata(label = "producer", description = "Comma-separated webhook events (or a list); overrides the events option.", javaType = "String")
    public static final String EVENTS = "CamelWebworkEvents";
    @Metadata(label = "producer", description = "Status filter or value; overrides the status option.",
              javaType = "String")
    public static final String STATUS = "CamelWebworkStatus";
    @Metadata(label = "producer", description = "Task priority (code or name); overrides the priority option.",
              javaType = "String")
    public static final String PRIORITY = "CamelWebworkPriority";
    @Metadata(label = "producer", description = "Fetch only this page of a list; overrides the page option.",
              javaType = "Integer")
    public static final String PAGE = "CamelWebworkPage";
    @Metadata(label = "producer", description = "Records per page; overrides the perPage option.",
              javaType = "Integer")
    public static final String PER_PAGE = "CamelWebworkPerPage";

    @Metadata(label = "producer", description = "The API's message, e.g. \"Task created successfully\".",
              javaType = "String")
    public static final String MESSAGE = "CamelWebworkMessage";
    @Metadata(label = "producer", description = "A list's total number of records (meta.pagination.total).",
              javaType = "Integer")
    public static final String PAGINATION_TOTAL = "CamelWebworkPaginationTotal";
    @Metadata(label = "producer", description = "A list's records per page (meta.pagination.per_page).",
              javaType = "Integer")
    public static final String PAGINATION_PER_PAGE = "CamelWebworkPaginationPerPage";
    @Metadata(label = "producer",
              description = "The page a list answered with (meta.pagination.current_page); 1 for a lazy walk.",
              javaType = "Integer")
    public static final String PAGINATION_CURRENT_PAGE = "CamelWebworkPaginationCurrentPage";
    @Metadata(label = "producer", description = "A list's number of pages (meta.pagination.last_page).",
              javaType = "Integer")
    public static final String PAGINATION_LAST_PAGE = "CamelWebworkPaginationLastPage";

    @Metadata(label = "producer",
              description = "Minutes a time-entries create actually saved (may be fewer than asked: limits, overlaps).",
              javaType = "Integer")
    public static final String SAVED_MINUTES = "CamelWebworkSavedMinutes";

    @Metadata(label = "producer",
              description = "Overrides the dryRun option for one message: true returns the request that would be sent"
                            + " (a WebworkDryRun) instead of sending it.",
              javaType = "Boolean")
    public static final String DRY_RUN = "CamelWebworkDryRun";

    @Metadata(label = "producer",
              description = "Overrides the outputType option for one message: model, map or json.",
              javaType = "String", enums = "model,map,json")
    public static final String OUTPUT_TYPE = "CamelWebworkOutputType";

    @Metadata(label = "producer",
              description = "The idempotency key of a create (default: the exchange id). A create whose key was seen"
                            + " before is looked up first and not sent again when it had taken effect.",
              javaType = "String")
    public static final String IDEMPOTENCY_KEY = "CamelWebworkIdempotencyKey";

    @Metadata(label = "producer",
              description = "True when the result of a create was found by look-up (an earlier attempt with the same"
                            + " idempotency key, or an attempt of this call whose outcome was unknown, had made it)"
                            + " rather than made by this call.",
              javaType = "Boolean")
    public static final String RECOVERED = "CamelWebworkRecovered";

    @Metadata(label = "producer",
              description = "Requests left in the credential's shared rate budget after the call.",
              javaType = "Integer")
    public static final String RATE_LIMIT_REMAINING = "CamelWebworkRateLimitRemaining";

    @Metadata(label = "consumer", description = "What happened to the record: CREATED, UPDATED or DELETED (the body of"
                                                + " a DELETED is the last known version).", javaType = "String")
    public static final String CHANGE_TYPE = ConsumerHeaders.CHANGE_TYPE;

    @Metadata(label = "consumer", description = "A stable key of the record: {workspaceId}:{resource}:{id}, e.g."
                                                + " 1:tasks:512 (a Kafka record key).", javaType = "String")
    public static final String KEY = ConsumerHeaders.KEY;

    @Metadata(label = "consumer", description = "The resource the change is of, e.g. tasks.", javaType = "String")
    public static final String RESOURCE = ConsumerHeaders.RESOURCE;

    @Metadata(label = "consumer", description = "When the change was detected (ISO-8601, UTC).", javaType = "String")
    public static final String CHANGE_TIME = ConsumerHeaders.CHANGE_TIME;

    @Metadata(label = "consumer", description = "Webhook consumer: the event of the delivery, e.g. tracker.started.",
              javaType = "String")
    public static final String EVENT = "CamelWebworkEvent";

    @Metadata(label = "consumer", description = "Webhook consumer: the event's id from the signed body (else the"
                                                + " delivery header); the same on every retry, and duplicates by it"
                                                + " are dropped before the route.",
              javaType = "String")
    public static final String DELIVERY_ID = "CamelWebworkDeliveryId";

    private WebworkConstants() {
    }
}
