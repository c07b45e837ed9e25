package io.github.camelwebwork.routes.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.github.camelwebwork.model.Member;
import io.github.camelwebwork.model.TimeEntry;
import io.github.camelwebwork.model.TrackedHoursReport;
import io.github.camelwebwork.routes.RouteClock;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The steps {@code routes/scheduled-export.yaml} calls (as {@code bean: {beanType: ..WeeklyExportSteps, method: x}}).
 * The export in progress travels in the exchange property {@value #EXPORT}; {@link #open} registers a completion
 * hook on the exchange so that a failed or abandoned run deletes its temporary files and leaves the previous files
 * of the period as they were.
 */
public class WeeklyExportSteps {

    /** The exchange property holding the {@link WeeklyExport} of the running export. */
    public static final String EXPORT = "weeklyExport";

    /** The exchange property holding the {@link ExportPeriod}. */
    public static final String PERIOD = "exportPeriod";

    /** Starts the export of the period in {@value #PERIOD} into {@code directory}. */
    public WeeklyExport open(Exchange exchange, @ExchangeProperty(PERIOD) ExportPeriod period,
                             @ExchangeProperty("exportDirectory") String directory) throws IOException {
        if (period == null) {
            throw new IllegalStateException("No " + PERIOD + " exchange property");
        }
        WeeklyExport export = WeeklyExport.open(period, Path.of(directory == null ? "." : directory),
                RouteClock.of(exchange.getContext()));
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                if (!export.isFinished()) {
                    export.abort();       // failed, or ended without commit: drop the temporary files
                }
            }
        });
        return export;
    }

    /** Writes the tracked-hours files (to temporary files until commit); returns a summary line. */
    public String trackedHours(@ExchangeProperty(EXPORT) WeeklyExport export, @Body TrackedHoursReport report)
            throws IOException {
        return export.writeTrackedHours(report);
    }

    /** Starts a member's time entries. */
    public void beginMember(@ExchangeProperty(EXPORT) WeeklyExport export, @Body Member member) throws IOException {
        export.beginMember(member);
    }

    /** Appends one day's time entries of the current member; returns how many. */
    public int timeEntries(@ExchangeProperty(EXPORT) WeeklyExport export, @Body Iterable<TimeEntry> entries)
            throws IOException {
        return export.addTimeEntries(entries);
    }

    /** Finishes the current member; returns the progress line's text. */
    public String endMember(@ExchangeProperty(EXPORT) WeeklyExport export) throws IOException {
        return export.endMember();
    }

    /** The 1-based position of a split part (for "member 3 of 7" progress lines). */
    public int position(@ExchangeProperty(Exchange.SPLIT_INDEX) Integer index) {
        return index == null ? 1 : index + 1;
    }

    /** Renames the files into place; returns the paths written. */
    public List<String> commit(@ExchangeProperty(EXPORT) WeeklyExport export) throws IOException {
        return export.commit().stream().map(Path::toString).toList();
    }
}
