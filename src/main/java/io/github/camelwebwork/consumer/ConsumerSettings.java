package io.github.camelwebwork.consumer;

import java.time.Duration;

import org.apache.camel.spi.StateRepository;

/**
 * The consumer's options.
 *
 * @param view a short name of the filters that narrow the scan (e.g. {@code status=submitted}), "" for none
 * @param reconcileEvery every how many scans a full one runs; the scans in between read each partition from page 1
 *                       and its newest page back to a page with nothing new (creates and edits of recent records, no
 *                       deletes), while the full scans confirm the list order ({@link ListOrderWatch})
 * @param filteredView whether records may leave the view without being deleted (a status filter): they are then
 *                     dropped silently instead of emitted as DELETED
 * @param onInvalidState what a damaged {@code stateFile} does at start: {@code fail}, {@code snapshot} or {@code now}
 * @param trigger {@code poll}, or {@code webhook}: the resource's webhook events lead to a read of the record named
 * @param reconcileInterval with {@code trigger=webhook}: how long after the start of a full scan the next one starts
 */
public record ConsumerSettings(Long workspaceId, int lookbackDays, int maxRequestsPerPoll, String timeZone,
                               boolean snapshot, String backfillFrom, String backfillTo,
                               StateRepository<String, String> stateRepository, String stateFile, String view,
                               boolean filteredView, int reconcileEvery, String onInvalidState, String trigger,
                               Duration reconcileInterval) {

    public boolean isBackfill() {
        return backfillFrom != null;
    }

    public boolean isWebhookTriggered() {
        return "webhook".equals(trigger);
    }
}
