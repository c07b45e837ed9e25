package io.github.camelwebwork.routes.digest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelwebwork.model.AttendanceLabel;
import io.github.camelwebwork.model.AttendanceUser;
import io.github.camelwebwork.model.Timesheet;
import io.github.camelwebwork.model.TrackedHoursDay;
import io.github.camelwebwork.model.TrackedHoursReport;
import io.github.camelwebwork.model.TrackedHoursUser;

/**
 * Renders the three digests of {@code routes/email-digests.yaml} as {@link MailDigest}s: an HTML document for
 * ordinary mail clients (tables and inline styles only: no stylesheet, script, image or attachment) and a plain-text
 * alternative with the same content.
 * <ul>
 *   <li>{@link #approvals(Iterable, String)}: timesheets awaiting approval (member, period, hours, submitted);</li>
 *   <li>{@link #weeklyHours(TrackedHoursReport, String)}: tracked hours per member over a period, as a bar chart
 *       drawn with table cells (width in percent, background colour) and a table of hours per day;</li>
 *   <li>{@link #attendance(Iterable, String, String)}: members absent, late or who left early on one day.</li>
 * </ul>
 * Every value that comes from WebWork (names, dates, statuses) is HTML-escaped; the WebWork link is used only when
 * it is an {@code http(s)} URL. Hours are decimal hours with two decimals ({@code 37.50}), rounded half up from the
 * API's minutes. The renderer never sees credentials and logs nothing.
 */
public class DigestRenderer {

    /** Colour of the bars of the weekly chart. */
    static final String BAR_COLOUR = "#2f80ed";
    private static final String MUTED = "#5e6c84";
    private static final String BORDER = "#dfe1e6";
    private static final String HEAD_BG = "#f4f5f7";
    private static final int TEXT_BAR_WIDTH = 30;

    // ------------------------------------------------------------------------------------------------------------
    // (a) timesheets awaiting approval

    /**
     * The approval digest of the given timesheets (normally {@code timesheets?operation=list&status=submitted}),
     * sorted by period and member. Empty (no items) when there are none.
     */
    public MailDigest approvals(Iterable<Timesheet> timesheets, String appUrl) {
        List<Timesheet> sheets = new ArrayList<>();
        if (timesheets != null) {
            timesheets.forEach(sheets::add);
        }
        sheets.sort(Comparator.comparing((Timesheet t) -> nullToEmpty(t.getDateFrom()))
                .thenComparing(DigestRenderer::memberName, String.CASE_INSENSITIVE_ORDER));
        int count = sheets.size();
        String subject = "WebWork: " + count + (count == 1 ? " timesheet" : " timesheets") + " awaiting approval";
        long totalMinutes = sheets.stream().mapToLong(DigestRenderer::minutes).sum();

        StringBuilder html = new StringBuilder();
        html.append(paragraph(count == 1 ? "1 timesheet is waiting for your approval."
                : count + " timesheets are waiting for your approval."));
        html.append(tableStart()).append("<tr>").append(th("Member", "left")).append(th("Period", "left"))
                .append(th("Hours", "right")).append(th("Submitted", "left")).append("</tr>\n");
        for (Timesheet t : sheets) {
            html.append("<tr>").append(td(esc(memberName(t)), "left"))
                    .append(td(esc(period(t.getDateFrom(), t.getDateTo())), "left"))
                    .append(td(hours(minutes(t)), "right"))
                    .append(td(esc(datePart(submitted(t))), "left")).append("</tr>\n");
        }
        html.append("<tr>").append(tdBold("Total", "left")).append(td("", "left"))
                .append(tdBold(hours(totalMinutes), "right")).append(td("", "left")).append("</tr>\n");
        html.append("</table>\n");

        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] { "Member", "Period", "Hours", "Submitted" });
        for (Timesheet t : sheets) {
            rows.add(new String[] { memberName(t), period(t.getDateFrom(), t.getDateTo()), hours(minutes(t)),
                    datePart(submitted(t)) });
        }
        StringBuilder text = new StringBuilder();
        text.append(count == 1 ? "1 timesheet is waiting for your approval." : count
                + " timesheets are waiting for your approval.").append("\n\n");
        text.append(columns(rows, 2)).append("\nTotal: ").append(hours(totalMinutes)).append(" h\n");
        return new MailDigest(subject, page(subject, "Timesheets awaiting approval", html, appUrl,
                "Review them in WebWork"), text(text, appUrl, "Review them in WebWork"), count);
    }

    // ------------------------------------------------------------------------------------------------------------
    // (b) weekly tracked hours

    /**
     * Tracked hours per member over the report's period, as a bar chart (longest bar = most hours) and a table of
     * hours per day. Members are those the report lists (who tracked time in the period), most hours first.
     */
    public MailDigest weeklyHours(TrackedHoursReport report, String appUrl) {
        Map<Long, MemberWeek> members = new LinkedHashMap<>();
        List<String> dates = dates(report);
        for (Map.Entry<String, TrackedHoursDay> day : report.getDays().entrySet()) {
            for (TrackedHoursUser u : day.getValue().getUsers()) {
                MemberWeek m = members.computeIfAbsent(u.getUserId() == null ? -1L : u.getUserId(),
                        id -> new MemberWeek(id));
                if (m.name == null && u.getUserName() != null && !u.getUserName().isBlank()) {
                    m.name = u.getUserName();
                }
                int minutes = u.getTotalMinutes() == null ? 0 : u.getTotalMinutes();
                m.perDay.merge(day.getKey(), (long) minutes, Long::sum);
                m.total += minutes;
            }
        }
        List<MemberWeek> sorted = new ArrayList<>(members.values());
        sorted.sort(Comparator.comparingLong((MemberWeek m) -> -m.total)
                .thenComparing(MemberWeek::displayName, String.CASE_INSENSITIVE_ORDER));
        long max = sorted.stream().mapToLong(m -> m.total).max().orElse(0);
        long total = sorted.stream().mapToLong(m -> m.total).sum();
        String range = period(report.getStartDate(), report.getEndDate());
        String subject = "WebWork: tracked hours " + weekLabel(report.getStartDate()) + " (" + range + ")";

        StringBuilder html = new StringBuilder();
        if (sorted.isEmpty()) {
            html.append(paragraph("No time was tracked from " + range + "."));
        } else {
            html.append(paragraph(sorted.size() + (sorted.size() == 1 ? " member" : " members") + " tracked "
                                  + hours(total) + " hours from " + range + "."));
            html.append("<table role=\"presentation\" data-chart=\"bar\" width=\"100%\" cellpadding=\"0\""
                        + " cellspacing=\"0\" border=\"0\" style=\"width:100%;border-collapse:collapse;\">\n");
            for (MemberWeek m : sorted) {
                int percent = barPercent(m.total, max);
                html.append("<tr>")
                        .append("<td width=\"30%\" style=\"width:30%;padding:4px 8px 4px 0;white-space:nowrap;\">")
                        .append(esc(m.displayName())).append("</td>\n")
                        .append("<td width=\"55%\" style=\"width:55%;padding:4px 0;\">")
                        .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\""
                                + " border=\"0\" style=\"width:100%;border-collapse:collapse;\"><tr>\n");
                if (percent > 0) {
                    html.append("<td class=\"bar\" width=\"").append(percent).append("%\" height=\"16\" bgcolor=\"")
                            .append(BAR_COLOUR).append("\" style=\"width:").append(percent)
                            .append("%;height:16px;background-color:").append(BAR_COLOUR)
                            .append(";font-size:1px;line-height:1px;\">&nbsp;</td>\n");
                }
                if (percent < 100) {
                    html.append("<td width=\"").append(100 - percent).append("%\" height=\"16\" style=\"width:")
                            .append(100 - percent).append("%;height:16px;font-size:1px;line-height:1px;\">&nbsp;</td>\n");
                }
                html.append("</tr></table></td>\n")
                        .append("<td width=\"15%\" align=\"right\" style=\"width:15%;padding:4px 0 4px 8px;"
                                + "text-align:right;white-space:nowrap;\">")
                        .append(hours(m.total)).append(" h</td></tr>\n");
            }
            html.append("</table>\n");

            html.append("<h2 style=\"margin:20px 0 8px 0;font-size:16px;line-height:22px;\">Hours per day</h2>\n");
            html.append(tableStart()).append("<tr>").append(th("Member", "left"));
            for (String date : dates) {
                html.append(th(esc(dayLabel(date)), "right"));
            }
            html.append(th("Total", "right")).append("</tr>\n");
            for (MemberWeek m : sorted) {
                html.append("<tr>").append(td(esc(m.displayName()), "left"));
                for (String date : dates) {
                    long minutes = m.perDay.getOrDefault(date, 0L);
                    html.append(td(minutes == 0 ? "&ndash;" : hours(minutes), "right"));
                }
                html.append(tdBold(hours(m.total), "right")).append("</tr>\n");
            }
            html.append("</table>\n");
        }

        StringBuilder text = new StringBuilder();
        if (sorted.isEmpty()) {
            text.append("No time was tracked from ").append(range).append(".\n");
        } else {
            text.append(sorted.size()).append(sorted.size() == 1 ? " member" : " members").append(" tracked ")
                    .append(hours(total)).append(" hours from ").append(range).append(".\n\n");
            List<String[]> chart = new ArrayList<>();
            for (MemberWeek m : sorted) {
                int width = (int) Math.round(TEXT_BAR_WIDTH * (double) barPercent(m.total, max) / 100);
                chart.add(new String[] { m.displayName(), "#".repeat(Math.max(width, m.total > 0 ? 1 : 0)),
                        hours(m.total) + " h" });
            }
            text.append(columns(chart, 2)).append("\nHours per day\n\n");
            List<String[]> rows = new ArrayList<>();
            List<String> head = new ArrayList<>(List.of("Member"));
            dates.forEach(d -> head.add(dayLabel(d)));
            head.add("Total");
            rows.add(head.toArray(String[]::new));
            for (MemberWeek m : sorted) {
                List<String> row = new ArrayList<>(List.of(m.displayName()));
                for (String date : dates) {
                    long minutes = m.perDay.getOrDefault(date, 0L);
                    row.add(minutes == 0 ? "-" : hours(minutes));
                }
                row.add(hours(m.total));
                rows.add(row.toArray(String[]::new));
            }
            text.append(columns(rows, 2));
        }
        return new MailDigest(subject, page(subject, "Tracked hours, " + range, html, appUrl, "Open WebWork"),
                text(text, appUrl, "Open WebWork"), sorted.size());
    }

    // ------------------------------------------------------------------------------------------------------------
    // (c) daily attendance alerts

    /**
     * The attendance alert of one day: the members the daily-attendance report marks Absent, Late or Left early
     * (other statuses are ignored, so the report may be unfiltered). Empty (no items) when nobody is.
     */
    public MailDigest attendance(Iterable<AttendanceUser> users, String date, String appUrl) {
        List<AttendanceUser> absent = new ArrayList<>();
        List<AttendanceUser> late = new ArrayList<>();
        List<AttendanceUser> leftEarly = new ArrayList<>();
        Map<String, AttendanceUser> flagged = new LinkedHashMap<>();
        if (users != null) {
            for (AttendanceUser u : users) {
                boolean any = false;
                if (u.hasStatus(AttendanceLabel.ABSENT)) {
                    absent.add(u);
                    any = true;
                }
                if (u.hasStatus(AttendanceLabel.LATE)) {
                    late.add(u);
                    any = true;
                }
                if (u.hasStatus(AttendanceLabel.LEFT_EARLY)) {
                    leftEarly.add(u);
                    any = true;
                }
                if (any) {
                    flagged.put(u.getUserId() + "/" + attendanceName(u), u);
                }
            }
        }
        String day = date == null ? "" : date;
        String subject = "WebWork attendance " + day + ": " + absent.size() + " absent, " + late.size() + " late, "
                         + leftEarly.size() + " left early";

        StringBuilder html = new StringBuilder();
        html.append(paragraph(flagged.size() + (flagged.size() == 1 ? " member needs" : " members need")
                              + " your attention for " + dayLabelLong(day) + "."));
        StringBuilder text = new StringBuilder();
        text.append(flagged.size()).append(flagged.size() == 1 ? " member needs" : " members need")
                .append(" your attention for ").append(dayLabelLong(day)).append(".\n");
        if (!absent.isEmpty()) {
            html.append(section("Absent (" + absent.size() + ")"));
            html.append(tableStart()).append("<tr>").append(th("Member", "left")).append(th("Expected", "right"))
                    .append("</tr>\n");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] { "Member", "Expected" });
            for (AttendanceUser u : absent) {
                String expected = u.getExpectedMinutes() == null ? "" : hours(u.getExpectedMinutes()) + " h";
                html.append("<tr>").append(td(esc(attendanceName(u)), "left")).append(td(esc(expected), "right"))
                        .append("</tr>\n");
                rows.add(new String[] { attendanceName(u), expected });
            }
            html.append("</table>\n");
            text.append("\nAbsent (").append(absent.size()).append(")\n\n").append(columns(rows, 2));
        }
        if (!late.isEmpty()) {
            html.append(section("Late (" + late.size() + ")"));
            html.append(tableStart()).append("<tr>").append(th("Member", "left")).append(th("First start", "right"))
                    .append(th("Minutes late", "right")).append("</tr>\n");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] { "Member", "First start", "Minutes late" });
            for (AttendanceUser u : late) {
                String start = clock(u.getFirstStart());
                String minutes = u.getLateMinutes() == null ? "" : String.valueOf(u.getLateMinutes());
                html.append("<tr>").append(td(esc(attendanceName(u)), "left")).append(td(start, "right"))
                        .append(td(minutes, "right")).append("</tr>\n");
                rows.add(new String[] { attendanceName(u), start, minutes });
            }
            html.append("</table>\n");
            text.append("\nLate (").append(late.size()).append(")\n\n").append(columns(rows, 2));
        }
        if (!leftEarly.isEmpty()) {
            html.append(section("Left early (" + leftEarly.size() + ")"));
            html.append(tableStart()).append("<tr>").append(th("Member", "left")).append(th("Last end", "right"))
                    .append(th("Minutes early", "right")).append("</tr>\n");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] { "Member", "Last end", "Minutes early" });
            for (AttendanceUser u : leftEarly) {
                String end = clock(u.getLastEnd());
                String minutes = u.getLeftEarlyMinutes() == null ? "" : String.valueOf(u.getLeftEarlyMinutes());
                html.append("<tr>").append(td(esc(attendanceName(u)), "left")).append(td(end, "right"))
                        .append(td(minutes, "right")).append("</tr>\n");
                rows.add(new String[] { attendanceName(u), end, minutes });
            }
            html.append("</table>\n");
            text.append("\nLeft early (").append(leftEarly.size()).append(")\n\n").append(columns(rows, 2));
        }
        html.append(paragraph("Times are in each member's own time zone."));
        text.append("\nTimes are in each member's own time zone.\n");
        return new MailDigest(subject, page(subject, "Attendance, " + dayLabelLong(day), html, appUrl,
                "Open WebWork"), text(text, appUrl, "Open WebWork"), flagged.size());
    }

    // ------------------------------------------------------------------------------------------------------------
    // helpers (package-private where the unit tests use them)

    /** Escapes text for HTML element content and attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Decimal hours with two decimals, rounded half up: 2250 minutes -> "37.50". */
    static String hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Width of a bar in percent of the longest (at least 1 for any time at all). */
    static int barPercent(long value, long max) {
        if (value <= 0 || max <= 0) {
            return 0;
        }
        return (int) Math.max(1, Math.round(100.0 * value / max));
    }

    /** Minutes of a timesheet: {@code total_minutes}, else {@code total_hours} x 60, else 0. */
    static long minutes(Timesheet t) {
        if (t.getTotalMinutes() != null) {
            return t.getTotalMinutes();
        }
        if (t.getTotalHours() != null) {
            return t.getTotalHours().multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.HALF_UP).longValue();
        }
        return 0;
    }

    /**
     * The member of a timesheet: {@code member} as text, or an object's {@code name}/{@code full_name}/
     * {@code firstname lastname}; else "User #id".
     */
    static String memberName(Timesheet t) {
        JsonNode m = t.getMember();
        if (m != null && m.isTextual() && !m.asText().isBlank()) {
            return m.asText();
        }
        if (m != null && m.isObject()) {
            for (String field : List.of("name", "full_name", "user_name")) {
                if (m.path(field).isTextual() && !m.path(field).asText().isBlank()) {
                    return m.path(field).asText();
                }
            }
            String first = m.path("firstname").asText("");
            String last = m.path("lastname").asText("");
            if (!(first + last).isBlank()) {
                return (first + " " + last).strip();
            }
        }
        return "User #" + t.getUserId();
    }

    private static String attendanceName(AttendanceUser u) {
        return u.getUserName() == null || u.getUserName().isBlank() ? "User #" + u.getUserId() : u.getUserName();
    }

    private static String submitted(Timesheet t) {
        return t.getSubmittedAt() != null ? t.getSubmittedAt() : t.getSubmittedOn();
    }

    private static String datePart(String timestamp) {
        if (timestamp == null) {
            return "";
        }
        return timestamp.length() >= 10 && timestamp.charAt(4) == '-' ? timestamp.substring(0, 10) : timestamp;
    }

    private static String period(String from, String to) {
        if (from == null && to == null) {
            return "";
        }
        if (to == null || to.equals(from)) {
            return nullToEmpty(from);
        }
        return nullToEmpty(from) + " to " + to;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** "2026-W47" for a week starting on that date; empty when the date is not a date. */
    private static String weekLabel(String date) {
        LocalDate d = parse(date);
        return d == null ? "" : String.format(Locale.ROOT, "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR),
                d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** "Mon 16" for a date column. */
    private static String dayLabel(String date) {
        LocalDate d = parse(date);
        return d == null ? nullToEmpty(date)
                : d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + d.getDayOfMonth();
    }

    /** "Wednesday 2026-11-18". */
    private static String dayLabelLong(String date) {
        LocalDate d = parse(date);
        return d == null ? nullToEmpty(date)
                : d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + date;
    }

    private static LocalDate parse(String date) {
        try {
            return date == null ? null : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Every date of the report's period (at most 62), else the dates it has. */
    private static List<String> dates(TrackedHoursReport report) {
        LocalDate from = parse(report.getStartDate());
        LocalDate to = parse(report.getEndDate());
        List<String> dates = new ArrayList<>();
        if (from != null && to != null && !to.isBefore(from) && from.plusDays(62).isAfter(to)) {
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                dates.add(d.toString());
            }
            report.getDays().keySet().stream().filter(k -> !dates.contains(k)).forEach(dates::add);
            return dates;
        }
        return new ArrayList<>(report.getDays().keySet());
    }

    /** Minutes after midnight as HH:mm; empty when unknown. */
    private static String clock(Integer minutes) {
        if (minutes == null) {
            return "";
        }
        return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
    }

    private static boolean isWebUrl(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }

    private static String paragraph(String text) {
        return "<p style=\"margin:0 0 16px 0;\">" + esc(text) + "</p>\n";
    }

    private static String section(String title) {
        return "<h2 style=\"margin:20px 0 8px 0;font-size:16px;line-height:22px;\">" + esc(title) + "</h2>\n";
    }

    private static String tableStart() {
        return "<table width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;"
               + "border-collapse:collapse;font-size:14px;line-height:20px;\">\n";
    }

    private static String th(String html, String align) {
        return "<th align=\"" + align + "\" bgcolor=\"" + HEAD_BG + "\" style=\"padding:6px 8px;text-align:" + align
               + ";background-color:" + HEAD_BG + ";border-bottom:1px solid " + BORDER + ";font-weight:bold;"
               + "white-space:nowrap;\">" + html + "</th>\n";
    }

    private static String td(String html, String align) {
        return "<td align=\"" + align + "\" style=\"padding:6px 8px;text-align:" + align + ";border-bottom:1px solid "
               + BORDER + ";\">" + html + "</td>\n";
    }

    private static String tdBold(String html, String align) {
        return "<td align=\"" + align + "\" style=\"padding:6px 8px;text-align:" + align + ";font-weight:bold;\">"
               + html + "</td>\n";
    }

    /** The whole HTML document around {@code content}: a centred 640-pixel card, a title and the WebWork link. */
    private static String page(String subject, String title, CharSequence content, String appUrl, String linkText) {
        StringBuilder html = new StringBuilder(content.length() + 2048);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"UTF-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(subject)).append("</title>\n</head>\n")
                .append("<body style=\"margin:0;padding:0;background-color:").append(HEAD_BG).append(";\">\n")
                .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"")
                .append(" bgcolor=\"").append(HEAD_BG).append("\" style=\"width:100%;background-color:")
                .append(HEAD_BG).append(";\">\n<tr><td align=\"center\" style=\"padding:24px 12px;\">\n")
                .append("<table role=\"presentation\" width=\"640\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"")
                .append(" bgcolor=\"#ffffff\" style=\"width:640px;max-width:100%;background-color:#ffffff;")
                .append("border:1px solid ").append(BORDER).append(";font-family:Arial,Helvetica,sans-serif;")
                .append("font-size:14px;line-height:20px;color:#172b4d;\">\n")
                .append("<tr><td style=\"padding:20px 24px;\">\n")
                .append("<h1 style=\"margin:0 0 12px 0;font-size:20px;line-height:26px;\">").append(esc(title))
                .append("</h1>\n").append(content);
        if (isWebUrl(appUrl)) {
            html.append("<p style=\"margin:20px 0 0 0;\"><a href=\"").append(esc(appUrl))
                    .append("\" style=\"display:inline-block;padding:8px 16px;background-color:").append(BAR_COLOUR)
                    .append(";color:#ffffff;text-decoration:none;border-radius:3px;font-weight:bold;\">")
                    .append(esc(linkText)).append("</a></p>\n");
        }
        html.append("</td></tr>\n<tr><td style=\"padding:12px 24px;border-top:1px solid ").append(BORDER)
                .append(";font-size:12px;line-height:16px;color:").append(MUTED).append(";\">")
                .append("Sent by the camel-webwork email digests.");
        if (isWebUrl(appUrl)) {
            html.append(" <a href=\"").append(esc(appUrl)).append("\" style=\"color:").append(MUTED).append(";\">")
                    .append(esc(appUrl)).append("</a>");
        }
        html.append("</td></tr>\n</table>\n</td></tr>\n</table>\n</body>\n</html>\n");
        return html.toString();
    }

    private static String text(CharSequence body, String appUrl, String linkText) {
        StringBuilder text = new StringBuilder(body);
        if (isWebUrl(appUrl)) {
            text.append('\n').append(linkText).append(": ").append(appUrl).append('\n');
        }
        text.append("\n-- \nSent by the camel-webwork email digests.\n");
        return text.toString();
    }

    /** Left-aligned text columns (numbers right-aligned), separated by {@code gap} spaces. */
    static String columns(List<String[]> rows, int gap) {
        int n = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[n];
        boolean[] numeric = new boolean[n];
        Arrays.fill(numeric, true);
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            for (int c = 0; c < row.length; c++) {
                String cell = row[c] == null ? "" : row[c];
                widths[c] = Math.max(widths[c], cell.length());
                if (r > 0 && !cell.isEmpty() && !cell.matches("[0-9.:\\- h]+")) {
                    numeric[c] = false;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                String cell = row[c] == null ? "" : row[c];
                String pad = " ".repeat(widths[c] - cell.length());
                line.append(c == 0 || !numeric[c] ? cell + pad : pad + cell);
                if (c < row.length - 1) {
                    line.append(" ".repeat(gap));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static final class MemberWeek {
        private final long userId;
        private String name;
        private long total;
        private final Map<String, Long> perDay = new TreeMap<>();

        MemberWeek(long userId) {
            this.userId = userId;
        }

        String displayName() {
            return name != null ? name : "User #" + userId;
        }
    }
}
