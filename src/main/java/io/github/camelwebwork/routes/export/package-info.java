/**
 * The scheduled weekly export of routes/scheduled-export.yaml: the ISO week (ExportPeriod) and its CSV and JSON
 * files, written atomically (WeeklyExport).
 */
package io.github.camelwebwork.routes.export;
