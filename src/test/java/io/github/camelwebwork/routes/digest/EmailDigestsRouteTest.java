package io.github.camelwebwork.routes.digest;

import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelwebwork.model.AttendanceLabel;
import io.github.camelwebwork.model.AttendanceUser;
import io.github.camelwebwork.model.Timesheet;
import io.github.camelwebwork.sandbox.RecordedRequest;
import io.github.camelwebwork.sandbox.SandboxSecrets;
import io.github.camelwebwork.sandbox.SandboxTimeEntry;
import io.github.camelwebwork.sandbox.SandboxTimesheet;
import io.github.camelwebwork.sandbox.SandboxUser;
import io.github.camelwebwork.support.EmbeddedMail;
import io.github.camelwebwork.support.SandboxTestSupport;
import io.github.camelwebwork.support.YamlRoutes;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.component.quartz.QuartzComponent;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * routes/email-digests.yaml, loaded as YAML DSL, against the seeded sandbox and a real SMTP server (GreenMail, with
 * SMTP AUTH). Each digest is triggered on demand through its direct: entry; the emails are read back from GreenMail
 * and parsed as MIME.
 */
class EmailDigestsRouteTest extends SandboxTestSupport {

    private static final String APP_URL = "https://app.example.test/webwork?ws=1&view=digest";
    private static final String APP_URL_HTML = "https://app.example.test/webwork?ws=1&amp;view=digest";
    private static final String MAIL_USER = "digest-sender";
    private static final String MAIL_PASSWORD = SandboxSecrets.remember("m&il+pw=%" + UUID.randomUUID());
    private static final String FROM = "webwork-digests@example.test";
    private static final List<String> APPROVERS = List.of("anna.approver@example.test", "ben.approver@example.test");
    private static final String MANAGER = "tina.manager@example.test";
    private static final String WEEKLY = "wendy.weekly@example.test";
    private static final List<String> ALERT_LABELS = List.of("Absent", "Late", "Left early");

    private EmbeddedMail mail;

    /** Monday of last week (UTC, the route's default digest.time-zone). */
    private final LocalDate monday = LocalDate.now(clock())
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);

    @Override
    protected void doPreSetup() throws Exception {
        super.doPreSetup();
        mail = EmbeddedMail.start();
        mail.addUser(FROM, MAIL_USER, MAIL_PASSWORD);
    }

    @Override
    protected void doPostTearDown() throws Exception {
        super.doPostTearDown();
        if (mail != null) {
            mail.close();
        }
    }

    private void loadRoutes() throws Exception {
        loadRoutes(Map.of());
    }

    /** Loads routes/email-digests.yaml with the test's properties, {@code overrides} last. */
    private void loadRoutes(Map<String, String> overrides) throws Exception {
        Properties p = new Properties();
        p.put("webwork.workspace-id", "1");
        p.put("webwork.app-url", APP_URL);
        p.put("digest.schedules", "false");                 // on demand only: no 08:00 fire during a test
        p.put("digest.approvers", String.join(", ", APPROVERS));
        p.put("digest.team-managers", MANAGER);
        p.put("digest.weekly-hours.recipients", WEEKLY);
        p.put("digest.from", "WebWork digests <" + FROM + ">");
        p.put("digest.mail.redeliveries", "0");
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
        p.put("mail.smtp.starttls", "false");               // GreenMail's plain SMTP port
        p.put("mail.username", MAIL_USER);
        p.put("mail.password", MAIL_PASSWORD);
        p.putAll(overrides);
        context.getPropertiesComponent().setOverrideProperties(p);
        YamlRoutes.load(context, "email-digests.yaml");
    }

    private Exchange trigger(String endpoint, Map<String, Object> headers) {
        Exchange exchange = template.request(endpoint, e -> e.getMessage().setHeaders(new LinkedHashMap<>(headers)));
        if (exchange.getException() != null) {
            throw new AssertionError("the digest route failed", exchange.getException());
        }
        return exchange;
    }

    /** The messages GreenMail received (one per recipient mailbox), after waiting for {@code count}. */
    private MimeMessage[] awaitMail(int count) {
        Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> mail.received().length >= count);
        return mail.received();
    }

    private static String html(MimeMessage m) throws Exception {
        return part(m, "text/html");
    }

    private static String text(MimeMessage m) throws Exception {
        return part(m, "text/plain");
    }

    private static String part(MimeMessage m, String type) throws Exception {
        MimeMultipart multipart = (MimeMultipart) m.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            if (multipart.getBodyPart(i).isMimeType(type)) {
                return ((String) multipart.getBodyPart(i).getContent()).replace("\r\n", "\n");   // CRLF on the wire
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    /** multipart/alternative with exactly a text/plain and a text/html part, no attachment, no image. */
    private static void assertAlternative(MimeMessage m) throws Exception {
        assertThat(m.isMimeType("multipart/alternative")).as("Content-Type " + m.getContentType()).isTrue();
        MimeMultipart multipart = (MimeMultipart) m.getContent();
        List<String> types = new ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            assertThat(part.getDisposition()).as("no attachment").isNull();
            types.add(part.getContentType().toLowerCase(Locale.ROOT).replaceAll(";.*", "").strip());
        }
        assertThat(types).containsExactlyInAnyOrder("text/plain", "text/html");
        String html = html(m);
        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContainIgnoringCase("<img")
                .doesNotContainIgnoringCase("<style").doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("<link").contains("href=\"" + APP_URL_HTML + "\"");
        assertThat(text(m)).doesNotContain("<td").contains(APP_URL);
        assertThat(m.getFrom()).extracting(a -> ((InternetAddress) a).getAddress()).containsExactly(FROM);
    }

    /** Keeps a copy of each email under target/email-digests/ (.eml as received, .html and .txt parts). */
    private static void save(MimeMessage m, String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "email-digests"));
        try (OutputStream out = Files.newOutputStream(dir.resolve(name + ".eml"))) {
            m.writeTo(out);
        }
        Files.writeString(dir.resolve(name + ".html"), html(m));
        Files.writeString(dir.resolve(name + ".txt"), text(m));
    }

    private static List<String> recipients(MimeMessage m) throws Exception {
        return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(a -> ((InternetAddress) a).getAddress())
                .toList();
    }

    private static String hours(long minutes) {
        return String.format(Locale.ROOT, "%.2f", minutes / 60.0);
    }

    private static String escaped(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private String fullName(long userId) {
        return sandbox.state().user(userId).map(SandboxUser::fullName).orElseThrow();
    }

    /** The html table row (innermost {@code <tr>}) that mentions {@code escapedName}. */
    private static String rowOf(String html, String escapedName) {
        Matcher m = Pattern.compile("<tr>((?:(?!<tr>).)*?" + Pattern.quote(escapedName) + ".*?)</tr>\n", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("a row for " + escapedName).isTrue();
        return m.group(1);
    }

    // ----------------------------------------------------------------------------------------------------------

    /** (a) One email to both approvers: every submitted timesheet with member, period and hours, escaped. */
    @Test
    void approvalDigestListsEverySubmittedTimesheet() throws Exception {
        SandboxUser ethan = sandbox.state().user(101).orElseThrow();
        sandbox.state().saveUser(new SandboxUser(ethan.id(), ethan.firstname(), "O'Brien <script>x</script> & Co",
                ethan.email(), ethan.timezone(), ethan.avatar()));
        List<SandboxTimesheet> submitted = sandbox.state().timesheets(1).stream()
                .filter(t -> "submitted".equals(t.status())).toList();
        assertThat(submitted).as("the seed has submitted timesheets").hasSizeGreaterThanOrEqualTo(2);
        Instant now = clock().instant();
        loadRoutes();

        trigger("direct:digest-approvals", Map.of());

        MimeMessage[] received = awaitMail(APPROVERS.size());
        assertThat(received).hasSize(APPROVERS.size());
        assertThat(Arrays.stream(received).map(m -> {
            try {
                return m.getMessageID();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).distinct()).as("ONE email, delivered to each approver").hasSize(1);
        MimeMessage m = received[0];
        save(m, "approvals");
        assertThat(recipients(m)).containsExactlyElementsOf(APPROVERS);
        assertThat(m.getSubject()).isEqualTo("WebWork: " + submitted.size() + " timesheets awaiting approval");
        assertAlternative(m);
        String html = html(m);
        String text = text(m);
        assertThat(html).doesNotContain("<script>x</script>").contains("O&#39;Brien &lt;script&gt;x&lt;/script&gt;");
        for (SandboxTimesheet t : submitted) {
            long minutes = sandbox.state().timeEntries(1).stream()
                    .filter(e -> e.userId() == t.userId() && t.covers(e.date()))
                    .mapToLong(e -> e.durationMinutes(now)).sum();
            String name = fullName(t.userId());
            String row = rowOf(html, escaped(name));
            assertThat(row).contains(">" + hours(minutes) + "<").contains(t.dateFrom() + " to " + t.dateTo());
            assertThat(text).containsPattern(Pattern.quote(name) + " +" + t.dateFrom() + " to " + t.dateTo() + " +"
                                             + Pattern.quote(hours(minutes)));
        }
        assertThat(mail.received()).as("nothing else was sent").hasSize(APPROVERS.size());
    }

    /** (a) With every submitted timesheet approved or rejected through the component, no email is sent. */
    @Test
    void noApprovalEmailForAnEmptyQueue() throws Exception {
        loadRoutes();
        @SuppressWarnings("unchecked")
        List<Timesheet> submitted = template.requestBody(
                "webwork:timesheets?operation=list&workspaceId=1&status=submitted", null, List.class);
        assertThat(submitted).isNotEmpty();
        for (int i = 0; i < submitted.size(); i++) {
            String op = i == 0 ? "reject&reason=Missing+project+notes" : "approve";
            template.sendBody("webwork:timesheets?workspaceId=1&operation=" + op + "&timesheetId="
                              + submitted.get(i).getId(), null);
        }
        assertThat(sandbox.state().timesheets(1)).noneMatch(t -> "submitted".equals(t.status()));
        sandbox.clearRequests();

        trigger("direct:digest-approvals", Map.of());

        assertThat(requests()).extracting(RecordedRequest::path).as("the queue was read")
                .containsExactly("/api/v2/timesheets");
        assertThat(requests().get(0).rawQuery()).contains("status=submitted");
        // the direct: call returns after the SMTP producer would have finished: nothing was handed to the server
        assertThat(mail.received()).as("no email for an empty queue").isEmpty();
    }

    /** (b) Last week's tracked hours per member, as numbers equal to the sandbox's time entries and as bars. */
    @Test
    void weeklyHoursDigestDrawsABarPerMember() throws Exception {
        LocalDate sunday = monday.plusDays(6);
        Instant now = clock().instant();
        Map<Long, Long> expected = new TreeMap<>();
        for (SandboxTimeEntry e : sandbox.state().timeEntries(1)) {
            if (!"Break".equals(e.method()) && !e.date().isBefore(monday) && !e.date().isAfter(sunday)) {
                expected.merge(e.userId(), e.durationMinutes(now), Long::sum);
            }
        }
        assertThat(expected).as("last week has tracked time").hasSizeGreaterThanOrEqualTo(3);
        long max = expected.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        loadRoutes();

        trigger("direct:digest-weekly-hours", Map.of());

        assertThat(requests()).singleElement().satisfies(r -> assertThat(r.rawQuery())
                .contains("start_date=" + monday, "end_date=" + sunday));
        MimeMessage m = awaitMail(1)[0];
        save(m, "weekly-hours");
        assertThat(recipients(m)).containsExactly(WEEKLY);
        assertThat(m.getSubject()).startsWith("WebWork: tracked hours ").contains(monday + " to " + sunday);
        assertAlternative(m);
        String html = html(m);
        String text = text(m);
        int chartStart = html.indexOf("data-chart=\"bar\"");
        assertThat(chartStart).as("the bar chart table").isPositive();
        String chart = html.substring(chartStart, html.indexOf("Hours per day"));
        for (Map.Entry<Long, Long> member : expected.entrySet()) {
            String name = fullName(member.getKey());
            String row = rowOf(chart, escaped(name));
            assertThat(row).as(name).contains(">" + hours(member.getValue()) + " h<");
            long percent = Math.max(1, Math.round(100.0 * member.getValue() / max));
            assertThat(row).as("bar of " + name).contains("class=\"bar\" width=\"" + percent + "%\"")
                    .contains("bgcolor=\"#2f80ed\"").contains("background-color:#2f80ed");
            assertThat(text).containsPattern(Pattern.quote(name) + " +#+ +" + Pattern.quote(hours(member.getValue()))
                                             + " h");
        }
        assertThat(chart).contains("width=\"100%\" height=\"16\" bgcolor=\"#2f80ed\"");   // the longest bar
        long total = expected.values().stream().mapToLong(Long::longValue).sum();
        assertThat(html).contains(expected.size() + " members tracked " + hours(total) + " hours");
    }

    /** (c) The attendance alert lists exactly the members the report marks absent, late or left early. */
    @Test
    void attendanceAlertListsAbsentLateAndEarlyMembers() throws Exception {
        LocalDate wednesday = monday.plusDays(2);
        sandbox.state().timeEntries(1, 102, wednesday).forEach(e -> sandbox.state().removeTimeEntry(e.id()));
        loadRoutes();
        @SuppressWarnings("unchecked")
        List<AttendanceUser> report = template.requestBody("webwork:reports?operation=dailyAttendance&workspaceId=1"
                                                           + "&date=" + wednesday, null, List.class);
        Map<String, List<String>> flagged = new TreeMap<>();
        for (AttendanceUser u : report) {
            List<String> labels = u.getStatuses().stream().filter(ALERT_LABELS::contains).toList();
            if (!labels.isEmpty()) {
                flagged.put(u.getUserName(), labels);
            }
        }
        assertThat(flagged).as("Priya (102) tracked nothing").containsEntry(fullName(102), List.of("Absent"));
        List<String> notFlagged = report.stream().map(AttendanceUser::getUserName)
                .filter(n -> !flagged.containsKey(n)).toList();
        sandbox.clearRequests();

        trigger("direct:digest-attendance", Map.of("CamelWebworkDate", wednesday.toString()));

        assertThat(requests()).singleElement().satisfies(r -> assertThat(r.rawQuery())
                .contains("date=" + wednesday, "status=absent%2Clate%2Cleft_early"));
        MimeMessage m = awaitMail(1)[0];
        save(m, "attendance");
        assertThat(recipients(m)).containsExactly(MANAGER);
        long absent = flagged.values().stream().filter(l -> l.contains("Absent")).count();
        long late = flagged.values().stream().filter(l -> l.contains("Late")).count();
        long early = flagged.values().stream().filter(l -> l.contains("Left early")).count();
        assertThat(m.getSubject()).isEqualTo("WebWork attendance " + wednesday + ": " + absent + " absent, " + late
                                             + " late, " + early + " left early");
        assertAlternative(m);
        String html = html(m);
        String text = text(m);
        for (String label : ALERT_LABELS) {
            List<String> names = flagged.entrySet().stream().filter(e -> e.getValue().contains(label))
                    .map(Map.Entry::getKey).toList();
            if (names.isEmpty()) {
                assertThat(html).doesNotContain(">" + label + " (");
                continue;
            }
            int from = html.indexOf(">" + label + " (" + names.size() + ")</h2>");
            assertThat(from).as("section " + label).isPositive();
            int to = html.indexOf("</table>", from);
            String section = html.substring(from, to);
            for (String name : names) {
                assertThat(section).as(label).contains(escaped(name));
            }
            assertThat(section.split("<tr>")).as("one row per member and a header").hasSize(names.size() + 2);
            String textSection = text.substring(text.indexOf(label + " (" + names.size() + ")"));
            for (String name : names) {
                assertThat(textSection).contains(name);
            }
        }
        for (String name : notFlagged) {
            assertThat(html).as(name + " is not flagged").doesNotContain(escaped(name));
        }
    }

    /** digest.run-on-startup sends the three digests once, without a trigger. */
    @Test
    void runOnStartupSendsEveryDigestOnce() throws Exception {
        loadRoutes(Map.of("digest.run-on-startup", "true"));

        MimeMessage[] received = awaitMail(APPROVERS.size() + 2);

        assertThat(received).hasSize(APPROVERS.size() + 2);
        Map<String, List<String>> subjectsByRecipient = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (MimeMessage m : received) {
            if (!seen.add(m.getMessageID())) {
                continue;                                   // the same message in another recipient's mailbox
            }
            for (String to : recipients(m)) {
                subjectsByRecipient.computeIfAbsent(to, k -> new ArrayList<>()).add(m.getSubject());
            }
        }
        assertThat(subjectsByRecipient.keySet()).containsExactlyInAnyOrder(APPROVERS.get(0), APPROVERS.get(1),
                WEEKLY, MANAGER);
        assertThat(subjectsByRecipient.get(WEEKLY)).singleElement().asString().startsWith("WebWork: tracked hours");
        assertThat(subjectsByRecipient.get(MANAGER)).singleElement().asString().startsWith("WebWork attendance ");
        assertThat(subjectsByRecipient.get(APPROVERS.get(0))).singleElement().asString()
                .endsWith("timesheets awaiting approval");
    }

    /** SMTP AUTH uses mail.username/mail.password: a wrong password fails the digest, and no URI shows it. */
    @Test
    void credentialsComeFromPropertiesAndAreNeverShown() throws Exception {
        String wrong = SandboxSecrets.remember("wr&ng+pw=" + UUID.randomUUID());
        loadRoutes(Map.of("mail.password", wrong));

        Exchange exchange = template.request("direct:digest-weekly-hours", e -> {
        });

        assertThat(exchange.getException()).isInstanceOf(jakarta.mail.AuthenticationFailedException.class);
        assertThat(String.valueOf(exchange.getException().getMessage())).doesNotContain(wrong);
        assertThat(mail.received()).isEmpty();
        Endpoint smtp = context.getEndpoints().stream()
                .filter(e -> e.getEndpointUri().startsWith("smtp:")).findFirst().orElseThrow();
        assertThat(smtp.toString()).contains("password=xxxxxx").doesNotContain(wrong)
                .doesNotContain(URLEncoder.encode(wrong, StandardCharsets.UTF_8));
    }

    /** The Quartz triggers carry the configured crons and time zone (the schedules are not waited for). */
    @Test
    void schedulesUseTheConfiguredCronsAndZone() throws Exception {
        loadRoutes(Map.of("digest.time-zone", "Europe/Berlin", "digest.approvals.cron", "0 30 7 ? * MON-FRI"));

        Scheduler scheduler = context.getComponent("quartz",
                QuartzComponent.class).getScheduler();
        Map<String, String> crons = new TreeMap<>();
        for (String name : List.of("approvals", "weekly-hours", "attendance")) {
            CronTrigger trigger = (CronTrigger) scheduler
                    .getTrigger(TriggerKey.triggerKey(name, "digests"));
            assertThat(trigger.getTimeZone().getID()).as(name).isEqualTo("Europe/Berlin");
            crons.put(name, trigger.getCronExpression());
        }
        assertThat(crons).containsExactlyEntriesOf(new TreeMap<>(Map.of("approvals", "0 30 7 ? * MON-FRI",
                "attendance", "0 15 8 ? * MON-FRI", "weekly-hours", "0 0 7 ? * MON")));
        assertThat(context.getRouteController().getRouteStatus("digest-approvals-schedule").isStopped())
                .as("digest.schedules=false").isTrue();
    }

    /** (c) A day nobody is absent, late or left early (a weekend: "Holiday") sends nothing. */
    @Test
    void noAttendanceEmailWhenThereIsNothingToReport() throws Exception {
        loadRoutes();

        trigger("direct:digest-attendance", Map.of("CamelWebworkDate", monday.plusDays(5).toString()));

        assertThat(requests()).singleElement().satisfies(r -> assertThat(r.rawQuery())
                .contains("date=" + monday.plusDays(5)));
        assertThat(mail.received()).as("nothing to report, no email").isEmpty();
    }
}
