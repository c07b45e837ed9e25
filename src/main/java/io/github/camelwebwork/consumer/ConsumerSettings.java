package io.github.camelwebwork.consumer;

import org.apache.camel.spi.StateRepository;

/**
 * The consumer's options.
 *
 * @param view a short name of the filters that narrow the scan (e.g. {@code status=submitted}), "" for none
 * @param filteredView whether records may leave the view without being deleted (a status filter): they are then
 *                     dropped silently instead of emitted as DELETED
 */
public record ConsumerSettings(Long workspaceId, int lookbackDays, int maxRequestsPerPoll, String timeZone,
                               boolean snapshot, String backfillFrom, String backfillTo,
                               StateRepository<String, String> stateRepository, String stateFile, String view,
                               boolean filteredView) {

    public boolean isBackfill() {
        return backfillFrom != null;
    }
}
