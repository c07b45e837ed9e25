package io.github.camelwebwork.component;

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
    @Metadata(label = "producer", description = "Task status (code or name); overrides the status option.",
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

    private WebworkConstants() {
    }
}
