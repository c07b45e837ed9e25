package io.github.camelwebwork.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelwebwork.sandbox.Role;
import io.github.camelwebwork.sandbox.SandboxTimeEntry;
import io.github.camelwebwork.sandbox.SandboxUser;
import io.github.camelwebwork.sandbox.WebworkSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

import static io.github.camelwebwork.bench.BenchSupport.f;

/**
 * Group 2, second half: the time entries of M members over D days exported at the rate limit. {@code GET
 * /time-entries} takes exactly one member ({@code user_id}*) and one day ({@code date}*) per call and at most 50 a
 * page (API reference §7.8), so an export is one lazy list per member and day: M × D calls at least, whatever the
 * page size, as long as a member's day holds at most 50 entries. Read once as the lazy list (largest page, 50,
 * {@code split(body()).streaming()}) and once as a naive loop of {@code page=p} calls with the default page size
 * of 20. Same budget as the tasks export (10 requests a second, the window scaled to 1 s).
 * <p>
 * Scale: {@code -Dbench.export.members} (20), {@code -Dbench.export.days} (30), {@code -Dbench.export.entriesPerDay}
 * (8: a working day of 8 entries of 45 minutes).
 */
final class TimeEntriesExportRun {

    private static final int MEMBERS = Integer.getInteger("bench.export.members", 20);
    private static final int DAYS = Integer.getInteger("bench.export.days", 30);
    private static final int PER_DAY = Integer.getInteger("bench.export.entriesPerDay", 8);
    private static final int LIMIT = 10;
    private static final Duration WINDOW = Duration.ofSeconds(1);
    private static final int MAX_PAGE = 50;
    private static final int DEFAULT_PAGE = 20;
    private static final long PROJECT = 102;

    private TimeEntriesExportRun() {
    }

    static String run() throws Exception {
        StringBuilder md = new StringBuilder(f("%n### Time entries: %d members × %d days%n%n", MEMBERS, DAYS));
        md.append(f("%d members × %d days × %d entries a day = %,d time entries (the days ending yesterday, UTC); "
                + "same budget as above. `GET /time-entries` needs one `user_id` and one `date` per call (no "
                + "workspace-wide or date-range list; at most 50 a page), so the export is one list per member and "
                + "day: %,d lists. Max records/min = limit × largest page (50) as for tasks; since a member's day "
                + "holds %d entries, the API itself bounds an export at limit × %d records a request, so the table also "
                + "gives requests/min against the limit (600/min).%n%n", MEMBERS, DAYS, PER_DAY,
                MEMBERS * DAYS * PER_DAY, MEMBERS * DAYS, PER_DAY, Math.min(PER_DAY, MAX_PAGE)));
        md.append("| variant | requests | 429s | time s | records/min | max records/min (limit × 50) | ratio to max "
                  + "| requests/min / limit |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        md.append(one(f("lazy list per member and day, `split(body()).streaming()` (per_page=%d)", MAX_PAGE), false));
        md.append(one(f("naive loop `page=p` per member and day, default page size %d", DEFAULT_PAGE), true));
        return md.toString();
    }

    private static String one(String label, boolean naive) throws Exception {
        try (WebworkSandbox sandbox = WebworkSandbox.builder().rateLimit(LIMIT, WINDOW).build().start()) {
            List<Long> members = new ArrayList<>();
            LocalDate last = LocalDate.now(ZoneOffset.UTC).minusDays(1);
            LocalDate first = last.minusDays(DAYS - 1L);
            int total = sandbox.state().atomically(() -> {
                int added = 0;
                for (int m = 0; m < MEMBERS; m++) {
                    SandboxUser user = sandbox.state().addUser("Bench", "Member " + m, "bench" + m + "@example.com");
                    sandbox.state().addMember(1, user, Role.REGULAR_USER);
                    members.add(user.id());
                    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                        for (int e = 0; e < PER_DAY; e++) {
                            var start = d.atTime(8, 0).plusMinutes(50L * e).toInstant(ZoneOffset.UTC);
                            sandbox.state().addTimeEntry(new SandboxTimeEntry(null, 1, user.id(), null, PROJECT, null,
                                    "bench entry " + e, null, "Desktop tracker", d, start, start.plusSeconds(45 * 60),
                                    50, null, null));
                            added++;
                        }
                    }
                }
                return added;
            });
            CamelContext camel = BenchSupport.camel(sandbox.baseUrl(), sandbox.token(), LIMIT);
            AtomicLong seen = new AtomicLong();
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:export")
                            .toD("webwork:time-entries?operation=list&workspaceId=1&userId=${header.benchUser}"
                                 + "&date=${header.benchDate}")
                            .split(body()).streaming().process(e -> seen.incrementAndGet()).end();
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            long t0 = System.nanoTime();
            try {
                for (long user : members) {
                    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                        if (naive) {
                            for (int page = 1; ; page++) {
                                List<?> entries = template.requestBody("webwork:time-entries?operation=list&workspaceId=1"
                                        + "&userId=" + user + "&date=" + d + "&perPage=" + DEFAULT_PAGE + "&page=" + page,
                                        null, List.class);
                                seen.addAndGet(entries.size());
                                if (entries.size() < DEFAULT_PAGE) {
                                    break;
                                }
                            }
                        } else {
                            template.sendBodyAndHeaders("direct:export", null,
                                    java.util.Map.of("benchUser", user, "benchDate", d.toString()));
                        }
                    }
                }
            } finally {
                camel.stop();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            if (seen.get() != total) {
                throw new IllegalStateException(label + ": exported " + seen.get() + " of " + total);
            }
            int requests = sandbox.requests().size();
            double perMin = total / secs * 60;
            double max = LIMIT / (double) WINDOW.toSeconds() * MAX_PAGE * 60;
            double requestsPerMin = requests / secs * 60;
            double limitPerMin = LIMIT / (double) WINDOW.toSeconds() * 60;
            return f("| %s | %d | %d | %.1f | %,.0f | %,.0f | %.3f | %.3f |%n", label, requests,
                    sandbox.rateLimitedCount(), secs, perMin, max, perMin / max, requestsPerMin / limitPerMin);
        }
    }
}
