package io.github.camelwebwork.jira;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The emulator refuses what Jira's REST v3 contract refuses, and answers with the published status codes. */
class JiraEmulatorTest {

    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("a@b.test:tok".getBytes(StandardCharsets.UTF_8));
    private final HttpClient client = HttpClient.newHttpClient();
    private JiraEmulator jira;

    @BeforeEach
    void start() throws Exception {
        jira = new JiraEmulator("a@b.test", "tok", "WW").start();
    }

    @AfterEach
    void stop() {
        jira.close();
    }

    private HttpResponse<String> send(String method, String path, String body, String auth) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(jira.baseUrl() + "/rest/api/3" + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return send(method, path, body, AUTH);
    }

    private static final String ADF = "{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\","
            + "\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}]}";

    private String create(String fields) throws Exception {
        HttpResponse<String> r = send("POST", "/issue", "{\"fields\":{\"project\":{\"key\":\"WW\"},"
                + "\"issuetype\":{\"name\":\"Task\"}," + fields + "}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return r.body().replaceAll(".*\"key\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void createValidatesRequiredFieldsAdfAndValues() throws Exception {
        assertThat(create("\"summary\":\"ok\",\"description\":" + ADF + ",\"duedate\":\"2026-01-31\"")).isEqualTo("WW-1");
        String base = "{\"fields\":{\"project\":{\"key\":\"WW\"},\"issuetype\":{\"name\":\"Task\"},";
        assertThat(send("POST", "/issue", base + "\"description\":" + ADF + "}}").body())
                .contains("You must specify a summary");
        HttpResponse<String> plain = send("POST", "/issue", base + "\"summary\":\"s\",\"description\":\"plain\"}}");
        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(plain.body()).contains("Atlassian Document");
        assertThat(send("POST", "/issue", base + "\"summary\":\"s\",\"description\":{\"type\":\"doc\",\"version\":1,"
                + "\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"\"}]}]}}}")
                .statusCode()).isEqualTo(400);
        assertThat(send("POST", "/issue", base + "\"summary\":\"s\",\"duedate\":\"31.01.2026\"}}").statusCode())
                .isEqualTo(400);
        assertThat(send("POST", "/issue", base + "\"summary\":\"s\",\"priority\":{\"name\":\"Urgent\"}}}").statusCode())
                .isEqualTo(400);
        assertThat(send("POST", "/issue", base + "\"summary\":\"s\",\"labels\":[\"two words\"]}}").statusCode())
                .isEqualTo(400);
        assertThat(send("POST", "/issue", base + "\"summary\":\"s\",\"customfield_1\":\"x\"}}").body())
                .contains("cannot be set");
        assertThat(send("POST", "/issue", "{\"fields\":{\"project\":{\"key\":\"NOPE\"},\"issuetype\":{\"name\":"
                + "\"Task\"},\"summary\":\"s\"}}").body()).contains("valid project is required");
        assertThat(jira.issues()).hasSize(1);
    }

    @Test
    void authContentTypeUnknownIssueAndTheRetiredSearch() throws Exception {
        assertThat(send("POST", "/issue", "{}", null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/issue", "{}", "Basic " + Base64.getEncoder().encodeToString("a@b.test:x".getBytes()))
                .statusCode()).isEqualTo(401);
        assertThat(send("PUT", "/issue/WW-404", "{\"fields\":{\"summary\":\"s\"}}").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/search?jql=project=WW", null).statusCode()).isEqualTo(410);
        HttpResponse<String> text = client.send(HttpRequest.newBuilder(URI.create(jira.baseUrl() + "/rest/api/3/issue"))
                .header("Authorization", AUTH).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(text.statusCode()).isEqualTo(415);
    }

    @Test
    void editTransitionRemoteLinkAndSearch() throws Exception {
        String key = create("\"summary\":\"s\",\"labels\":[\"a\"]");
        assertThat(send("PUT", "/issue/" + key, "{\"fields\":{\"summary\":\"t\",\"duedate\":null},"
                + "\"update\":{\"labels\":[{\"add\":\"b\"}]}}").statusCode()).isEqualTo(204);
        assertThat(jira.issues().get(0).summary()).isEqualTo("t");
        assertThat(jira.issues().get(0).labels()).containsExactly("a", "b");
        assertThat(send("PUT", "/issue/" + key, "{\"fields\":{\"labels\":[\"x\"]},\"update\":{\"labels\":"
                + "[{\"add\":\"b\"}]}}").statusCode()).isEqualTo(400);

        assertThat(send("GET", "/issue/" + key + "/transitions", null).body()).contains("\"name\":\"Done\"");
        assertThat(send("POST", "/issue/" + key + "/transitions", "{\"transition\":{\"id\":\"99\"}}").statusCode())
                .isEqualTo(400);
        assertThat(send("POST", "/issue/" + key + "/transitions", "{}").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/issue/" + key + "/transitions", "{\"transition\":{\"id\":\"31\"}}").statusCode())
                .isEqualTo(204);
        assertThat(jira.issues().get(0).status()).isEqualTo("Done");

        String link = "{\"globalId\":\"webwork:task:1\",\"object\":{\"url\":\"https://x.test/1\",\"title\":\"T\"}}";
        assertThat(send("POST", "/issue/" + key + "/remotelink", link).statusCode()).isEqualTo(201);
        assertThat(send("POST", "/issue/" + key + "/remotelink", link).statusCode()).isEqualTo(200);
        assertThat(jira.issues().get(0).remoteLinks).hasSize(1);
        assertThat(send("POST", "/issue/" + key + "/remotelink", "{\"object\":{\"url\":\"u\"}}").statusCode())
                .isEqualTo(400);

        assertThat(send("POST", "/search/jql", "{\"jql\":\"ORDER BY created ASC\"}").body()).contains("Unbounded");
        assertThat(send("POST", "/search/jql", "{\"jql\":\"summary ~ x\"}").statusCode()).isEqualTo(400);
        String found = send("POST", "/search/jql", "{\"jql\":\"project = WW AND labels = \\\"b\\\"\","
                + "\"fields\":[\"status\"]}").body();
        assertThat(found).contains("\"key\":\"" + key + "\"").contains("\"isLast\":true");
        assertThat(send("POST", "/search/jql", "{\"jql\":\"project = WW\"}").body()).doesNotContain("\"key\"");
    }

    @Test
    void searchPagesWithNextPageTokenAndThrottles() throws Exception {
        for (int i = 0; i < 3; i++) {
            create("\"summary\":\"s" + i + "\"");
        }
        String first = send("GET", "/search/jql?jql=project%20%3D%20WW&maxResults=2&fields=summary", null).body();
        assertThat(first).contains("\"isLast\":false").contains("nextPageToken");
        String token = first.replaceAll(".*\"nextPageToken\":\"([^\"]+)\".*", "$1");
        String second = send("GET", "/search/jql?jql=project%20%3D%20WW&maxResults=2&fields=summary&nextPageToken="
                + token, null).body();
        assertThat(second).contains("\"summary\":\"s2\"").contains("\"isLast\":true").doesNotContain("nextPageToken");

        jira.throttleNext(1, "7");
        HttpResponse<String> limited = send("GET", "/issue/WW-1/transitions", null);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(send("GET", "/issue/WW-1/transitions", null).statusCode()).isEqualTo(200);
    }

    @Test
    void everyAnswerIsOneThePublishedContractDeclares() throws Exception {
        assertThat(jira.contractChecked()).isTrue();
        editTransitionRemoteLinkAndSearch();
        assertThat(jira.contractViolations()).isEmpty();
        send("DELETE", "/issue/WW-1", null);
        assertThat(jira.contractViolations()).containsExactly("not emulated: DELETE /rest/api/3/issue/WW-1");
    }

    private static final String PROPERTY = "\"properties\":[{\"key\":\"io.github.camelwebwork.time-entry\","
            + "\"value\":{\"timeEntryId\":\"e-1\"}}]";

    @Test
    void worklogsAreValidatedListedWithPropertiesOnRequestUpdatedAndDeleted() throws Exception {
        String key = create("\"summary\":\"s\"");
        String path = "/issue/" + key + "/worklog";
        HttpResponse<String> noStarted = send("POST", path, "{\"timeSpentSeconds\":60}");
        assertThat(noStarted.statusCode()).isEqualTo(400);
        assertThat(noStarted.body()).contains("\"errors\":{").contains("\"started\":");
        assertThat(send("POST", path, "{\"started\":\"2026-11-27T15:00:00Z\",\"timeSpentSeconds\":60}")
                .statusCode()).as("not yyyy-MM-dd'T'HH:mm:ss.SSSZ").isEqualTo(400);
        assertThat(send("POST", path, "{\"started\":\"2026-11-27T15:00:00.000+0000\",\"timeSpentSeconds\":0}")
                .statusCode()).isEqualTo(400);
        assertThat(send("POST", path, "{\"started\":\"2026-11-27T15:00:00.000+0000\",\"timeSpentSeconds\":60,"
                + "\"author\":\"x\"}").body()).contains("Unrecognized field");
        assertThat(send("POST", path + "?adjustEstimate=sideways", "{\"started\":\"2026-11-27T15:00:00.000+0000\","
                + "\"timeSpentSeconds\":60}").statusCode()).isEqualTo(400);
        assertThat(jira.worklogs(key)).isEmpty();

        HttpResponse<String> created = send("POST", path + "?adjustEstimate=leave&notifyUsers=false",
                "{\"started\":\"2026-11-27T15:00:00.000+0000\",\"timeSpentSeconds\":5400,\"comment\":" + ADF + ","
                + PROPERTY + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"timeSpent\":\"90m\"").doesNotContain("time-entry");
        String id = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        assertThat(send("GET", path, null).body()).contains("\"id\":\"" + id + "\"").contains("\"total\":1")
                .doesNotContain("time-entry");
        assertThat(send("GET", path + "?startAt=0&maxResults=10&expand=properties", null).body())
                .contains("\"key\":\"io.github.camelwebwork.time-entry\"").contains("\"timeEntryId\":\"e-1\"");

        assertThat(send("PUT", path + "/99999", "{\"timeSpentSeconds\":60}").statusCode()).isEqualTo(404);
        assertThat(send("PUT", path + "/" + id + "?adjustEstimate=leave", "{\"started\":\"2026-11-27T16:00:00.000"
                + "+0000\",\"timeSpentSeconds\":3600}").statusCode()).isEqualTo(200);
        assertThat(jira.worklogs(key)).singleElement().satisfies(w -> {
            assertThat(w.path("timeSpent").asText()).isEqualTo("1h");
            assertThat(w.path("started").asText()).isEqualTo("2026-11-27T16:00:00.000+0000");
            assertThat(w.path("properties").toString()).contains("e-1");
        });

        assertThat(send("DELETE", path + "/" + id + "?adjustEstimate=leave", null).statusCode()).isEqualTo(204);
        assertThat(jira.worklogs(key)).isEmpty();
        assertThat(send("GET", path, null).body()).contains("\"total\":0");
        assertThat(send("DELETE", path + "/" + id, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/issue/WW-404/worklog", null).statusCode()).isEqualTo(404);
        assertThat(jira.contractChecked()).isTrue();
        assertThat(jira.contractViolations()).isEmpty();
    }

    @Test
    void userSearchNeedsAQueryAndMatchesAPartOfTheEmail() throws Exception {
        jira.addUser("acc-1", "jane.doe@example.test", "Jane Doe");
        jira.addUser("acc-2", null, "Hidden Email");
        assertThat(send("GET", "/user/search", null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/user/search?query=", null).statusCode()).isEqualTo(400);
        HttpResponse<String> found = send("GET", "/user/search?query=jane.doe%40exa", null);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("\"accountId\":\"acc-1\"").contains("jane.doe@example.test")
                .doesNotContain("acc-2");
        assertThat(send("GET", "/user/search?query=JANE.DOE%40EXAMPLE.TEST", null).body()).contains("acc-1");
        assertThat(send("GET", "/user/search?query=nobody%40example.test", null).body()).isEqualTo("[]");
        assertThat(send("GET", "/user/search?accountId=acc-2", null).body()).contains("acc-2")
                .doesNotContain("acc-1");
        HttpResponse<String> byProperty = send("GET", "/user/search?property=x.y", null);
        assertThat(byProperty.statusCode()).as("a property alone is a search").isEqualTo(200);
        assertThat(byProperty.body()).as("no user has properties in the emulator").isEqualTo("[]");
        assertThat(jira.contractChecked()).isTrue();
        assertThat(jira.contractViolations()).isEmpty();
    }
}
