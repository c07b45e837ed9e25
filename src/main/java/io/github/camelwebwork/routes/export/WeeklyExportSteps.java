package io.github.camelwebwork.routes.export;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.camelwebwork.component.WebworkComponent;
import io.github.camelwebwork.component.WebworkConstants;
import io.github.camelwebwork.metrics.Progress;
import io.github.camelwebwork.model.Member;
import io.github.camelwebwork.model.TimeEntry;
import io.github.camelwebwork.model.TrackedHoursReport;
import io.github.camelwebwork.routes.RouteClock;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
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

    /** How often an export logs its progress, at most. */
    static final Duration PROGRESS_LOG_INTERVAL = Duration.ofSeconds(10);

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

    /**
     * Starts a member's time entries; the first member starts the export's progress: members done of the list's
     * {@code total}, logged every {@link #PROGRESS_LOG_INTERVAL} and reported by the {@code camel.webwork.progress.*}
     * gauges (docs/metrics.md).
     */
    public void beginMember(Exchange exchange, @ExchangeProperty(EXPORT) WeeklyExport export, @Body Member member,
                            @Header(WebworkConstants.PAGINATION_TOTAL) Integer total) throws IOException {
        if (export.getProgress() == null) {
            WebworkComponent webwork = exchange.getContext().getComponent("webwork", WebworkComponent.class);
            Progress progress = new Progress("export " + export.getPeriod().getLabel(), total == null ? 0 : total,
                    webwork.clock(), PROGRESS_LOG_INTERVAL);
            webwork.metrics().watchProgress(progress);
            export.setProgress(progress);
        }
        export.beginMember(member);
    }

    /** Appends one day's time entries of the current member; returns how many. */
    public int timeEntries(@ExchangeProperty(EXPORT) WeeklyExport export, @Body Iterable<TimeEntry> entries)
            throws IOException {
        return export.addTimeEntries(entries);
    }

    /** Finishes the current member, the {@code position}-th of the list; returns the progress line's text. */
    public String endMember(@ExchangeProperty(EXPORT) WeeklyExport export,
                            @ExchangeProperty("exportMember") Integer position) throws IOException {
        String line = export.endMember();
        if (export.getProgress() != null && position != null) {
            // members skipped before this one (project viewers) are done too
            export.getProgress().reach(position);
        }
        return line;
    }

    /** The 1-based position of a split part (for "member 3 of 7" progress lines). */
    public int position(@ExchangeProperty(Exchange.SPLIT_INDEX) Integer index) {
        return index == null ? 1 : index + 1;
    }

    /** Renames the files into place; returns the paths written. */
    public List<String> commit(@ExchangeProperty(EXPORT) WeeklyExport export) throws IOException {
        List<String> written = export.commit().stream().map(Path::toString).toList();
        if (export.getProgress() != null) {
            export.getProgress().finish();
        }
        return written;
    }
}
