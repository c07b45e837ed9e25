package io.github.camelwebwork.operation;

/** Parameters that many sections share, declared once. */
final class Sections {

    static final Field WORKSPACE_ID = Field.integerId("workspace_id");
    static final Field PROJECT_ID = Field.integerId("project_id");
    static final Field USER_ID = Field.integerId("user_id");
    static final Field CONTRACT_ID = Field.integerId("contract_id");
    static final Field TASK_ID = Field.integerId("task_id");
    static final Field DATE_FROM = Field.date("date_from");
    static final Field DATE_TO = Field.date("date_to");
    static final Field START_DATE = Field.date("start_date");
    static final Field END_DATE = Field.date("end_date");

    private Sections() {
    }

    /** An operation of a workspace: workspace_id placed by house rule H1 (query on GET, body otherwise). */
    static OperationDef.Builder inWorkspace(String resource, String name, String method, String path) {
        return OperationDef.builder(resource, name, method, path).scope("workspaceId", WORKSPACE_ID);
    }

    /** date_from and date_to, bound to the dateFrom and dateTo options, in order. */
    static OperationDef.Builder dateRange(OperationDef.Builder builder, boolean required) {
        return builder
                .query("dateFrom", required ? DATE_FROM.required() : DATE_FROM)
                .query("dateTo", required ? DATE_TO.required() : DATE_TO)
                .rule(CrossRule.notBefore("date_from", "date_to"));
    }
}
