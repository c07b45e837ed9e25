package io.github.camelwebwork.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP and IMAP server in this JVM (GreenMail) on free ports, for the tests and the demo. Every message sent
 * to it lands in its recipients' mailboxes.
 */
public final class EmbeddedMail implements AutoCloseable {

    private final GreenMail mail;

    private EmbeddedMail(GreenMail mail) {
        this.mail = mail;
    }

    public static EmbeddedMail start() {
        GreenMail mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        return new EmbeddedMail(mail);
    }

    public int smtpPort() {
        return mail.getSmtp().getPort();
    }

    public int imapPort() {
        return mail.getImap().getPort();
    }

    /** A mailbox user the routes can log in as (SMTP AUTH and IMAP). */
    public void addUser(String email, String login, String password) {
        mail.setUser(email, login, password);
    }

    public MimeMessage[] received() {
        return mail.getReceivedMessages();
    }

    public GreenMail greenMail() {
        return mail;
    }

    @Override
    public void close() {
        mail.stop();
    }
}
