/**
 * The Jira Cloud sync of routes/webwork-to-jira.yaml: WebWork tasks to Jira issues, Jira statuses back to tasks, time
 * entries to worklogs.
 */
package io.github.camelwebwork.routes.jira;
