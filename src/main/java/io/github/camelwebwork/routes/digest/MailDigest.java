package io.github.camelwebwork.routes.digest;

import java.util.Objects;

/**
 * One rendered digest email: its subject, an HTML body, the plain-text alternative of the same content, and how many
 * items (timesheets, members, alerts) it reports. A digest with no items is not meant to be sent
 * ({@link #isEmpty()}); the routes filter on it.
 * <p>
 * The routes set {@link #getHtml()} as the message body (sent as {@code text/html}), {@link #getText()} as the
 * {@code CamelMailAlternativeBody} header (camel-mail then builds a {@code multipart/alternative} message) and
 * {@link #getSubject()} as the {@code Subject} header.
 */
public final class MailDigest {

    private final String subject;
    private final String html;
    private final String text;
    private final int itemCount;

    public MailDigest(String subject, String html, String text, int itemCount) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.html = Objects.requireNonNull(html, "html");
        this.text = Objects.requireNonNull(text, "text");
        this.itemCount = itemCount;
    }

    /** The subject line (plain text, one line). */
    public String getSubject() {
        return subject;
    }

    /** The complete HTML document, inline styles only, every value from WebWork escaped. */
    public String getHtml() {
        return html;
    }

    /** The same content as plain text, for the {@code text/plain} part. */
    public String getText() {
        return text;
    }

    /** How many items the digest reports. */
    public int getItemCount() {
        return itemCount;
    }

    /** Whether there is nothing to report (no email should be sent). */
    public boolean isEmpty() {
        return itemCount == 0;
    }

    @Override
    public String toString() {
        return "MailDigest[subject=" + subject + ", items=" + itemCount + "]";
    }
}
