package io.github.camelwebwork.routes.jira;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdfTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void paragraphsAndHardBreaks() {
        JsonNode doc = JSON.valueToTree(Adf.document("one\r\ntwo\n\n\n  three  \n"));
        assertThat(doc.path("type").asText()).isEqualTo("doc");
        assertThat(doc.path("version").asInt()).isEqualTo(1);
        assertThat(doc.path("content")).hasSize(2);
        JsonNode first = doc.path("content").get(0);
        assertThat(first.path("type").asText()).isEqualTo("paragraph");
        assertThat(first.path("content")).extracting(n -> n.path("type").asText() + ":" + n.path("text").asText(""))
                .containsExactly("text:one", "hardBreak:", "text:two");
        assertThat(doc.path("content").get(1).path("content").get(0).path("text").asText()).isEqualTo("three");
    }

    @Test
    void blankTextIsAnEmptyDocumentWithoutEmptyTextNodes() {
        assertThat(Adf.document(null)).isEqualTo(Map.of("type", "doc", "version", 1, "content", List.of()));
        assertThat(Adf.document(" \n ")).isEqualTo(Map.of("type", "doc", "version", 1, "content", List.of()));
        JsonNode doc = JSON.valueToTree(Adf.document("a\n\nb\n\n\nc"));
        doc.findValues("text").forEach(t -> assertThat(t.asText()).isNotEmpty());
        assertThat(doc.path("content")).hasSize(3);
    }

    @Test
    void aLinkFooterIsATextNodeWithALinkMark() {
        JsonNode doc = JSON.valueToTree(Adf.documentWithLink(null, "WebWork task 7", "https://x.test/tasks/7"));
        JsonNode text = doc.path("content").get(0).path("content").get(0);
        assertThat(text.path("text").asText()).isEqualTo("WebWork task 7");
        assertThat(text.path("marks").get(0).path("type").asText()).isEqualTo("link");
        assertThat(text.path("marks").get(0).path("attrs").path("href").asText()).isEqualTo("https://x.test/tasks/7");
    }
}
