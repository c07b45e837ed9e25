package io.github.camelwebwork.routes.digest;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

import io.github.camelwebwork.component.WebworkConstants;
import io.github.camelwebwork.routes.RouteClock;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The periods the digest routes report on, computed in the digests' time zone ({@code digest.time-zone}), and set as
 * the component's headers unless the caller already set them (that is how a digest is run on demand for another
 * period: send {@code CamelWebworkStartDate} / {@code CamelWebworkDate} to its {@code direct:} entry).
 * <ul>
 *   <li>{@link #lastWeek(Exchange, String)}: Monday..Sunday of the previous ISO week
 *       ({@code CamelWebworkStartDate}, {@code CamelWebworkEndDate});</li>
 *   <li>{@link #previousWorkday(Exchange, String)}: the last Monday..Friday before today ({@code CamelWebworkDate});
 *       on a Monday that is the Friday before.</li>
 * </ul>
 */
public class DigestDates {

    private final Clock clock;

    /** Today by the {@link RouteClock} of the exchange's context. */
    public DigestDates() {
        this(null);
    }

    /** Today by {@code clock}. */
    public DigestDates(Clock clock) {
        this.clock = clock;
    }

    /**
     * Sets {@code CamelWebworkStartDate} and {@code CamelWebworkEndDate} to last week (Monday..Sunday in
     * {@code zone}); when only a start date is given, the end is six days after it; when both are given, nothing
     * changes.
     */
    public void lastWeek(Exchange exchange, String zone) {
        Message in = exchange.getMessage();
        String start = in.getHeader(WebworkConstants.START_DATE, String.class);
        if (start == null || start.isBlank()) {
            LocalDate monday = lastWeekMonday(today(exchange, zone));
            in.setHeader(WebworkConstants.START_DATE, monday.toString());
            in.setHeader(WebworkConstants.END_DATE, monday.plusDays(6).toString());
        } else if (in.getHeader(WebworkConstants.END_DATE) == null) {
            in.setHeader(WebworkConstants.END_DATE, LocalDate.parse(start.strip()).plusDays(6).toString());
        }
    }

    /** Sets {@code CamelWebworkDate} to the previous working day in {@code zone}, unless it is set already. */
    public void previousWorkday(Exchange exchange, String zone) {
        Message in = exchange.getMessage();
        String date = in.getHeader(WebworkConstants.DATE, String.class);
        if (date == null || date.isBlank()) {
            in.setHeader(WebworkConstants.DATE, previousWorkday(today(exchange, zone)).toString());
        }
    }

    /** Monday of the ISO week before the week of {@code today}. */
    public static LocalDate lastWeekMonday(LocalDate today) {
        return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
    }

    /** The last Monday..Friday strictly before {@code today}. */
    public static LocalDate previousWorkday(LocalDate today) {
        LocalDate day = today.minusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.minusDays(1);
        }
        return day;
    }

    private LocalDate today(Exchange exchange, String zone) {
        ZoneId id = zone == null || zone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(zone.strip());
        return LocalDate.now((clock != null ? clock : RouteClock.of(exchange.getContext())).withZone(id));
    }
}
