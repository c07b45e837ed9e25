package io.github.camelwebwork.routes.jira;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain text to an Atlassian Document Format (ADF) document, as Jira Cloud REST API v3 wants it in
 * {@code description}: {@code {"type":"doc","version":1,"content":[paragraph...]}}. A blank line starts a new
 * paragraph, a single line break becomes a {@code hardBreak}; ADF forbids empty text nodes, so none is made.
 */
public final class Adf {

    private Adf() {
    }

    /** The document for {@code text}; an empty document (no paragraph) for null or blank text. */
    public static Map<String, Object> document(String text) {
        List<Object> paragraphs = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            String normalized = text.replace("\r\n", "\n").replace('\r', '\n').strip();
            for (String block : normalized.split("\n[ \t]*\n+")) {
                List<Object> inline = new ArrayList<>();
                String[] lines = block.strip().split("\n");
                for (int i = 0; i < lines.length; i++) {
                    if (i > 0) {
                        inline.add(Map.of("type", "hardBreak"));
                    }
                    if (!lines[i].isEmpty()) {
                        inline.add(text(lines[i]));
                    }
                }
                if (!inline.isEmpty()) {
                    paragraphs.add(node("paragraph", inline));
                }
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", "doc");
        doc.put("version", 1);
        doc.put("content", paragraphs);
        return doc;
    }

    /** The document for {@code text}, followed by a paragraph with {@code footer} linked to {@code url}. */
    public static Map<String, Object> documentWithLink(String text, String footer, String url) {
        Map<String, Object> doc = document(text);
        Map<String, Object> link = text(footer);
        link.put("marks", List.of(Map.of("type", "link", "attrs", Map.of("href", url))));
        @SuppressWarnings("unchecked")
        List<Object> content = (List<Object>) doc.get("content");
        content.add(node("paragraph", List.of(link)));
        return doc;
    }

    private static Map<String, Object> text(String value) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("type", "text");
        node.put("text", value);
        return node;
    }

    private static Map<String, Object> node(String type, List<Object> content) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("type", type);
        node.put("content", content);
        return node;
    }
}
