package io.github.camelwebwork.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded Kafka broker and mail server work on their own (the flows' tests rely on them). */
class EmbeddedServicesTest {

    @Test
    void kafkaStoresAndReturnsRecords() {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(List.of("plain"), List.of("compacted"));
            kafka.send("plain", "k1", "v1");
            kafka.send("plain", "k2", "v2");

            assertThat(kafka.readAll("plain", Duration.ofMillis(500))).extracting(r -> r.key() + "=" + r.value())
                    .containsExactly("k1=v1", "k2=v2");
        }
    }

    @Test
    void kafkaKeepsItsDirectoryUntilClosedAndThenDeletesIt() {
        Path directory;
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            directory = kafka.directory();
            assertThat(directory).isDirectory();
        }
        assertThat(directory).doesNotExist();
    }

    @Test
    void mailIsReceived() throws Exception {
        try (EmbeddedMail mail = EmbeddedMail.start()) {
            Properties props = new Properties();
            props.put("mail.smtp.host", "127.0.0.1");
            props.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
            Session session = Session.getInstance(props);
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("from@acme.example"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("to@acme.example"));
            message.setSubject("hello");
            message.setText("body");
            Transport.send(message);
            assertThat(mail.received()).hasSize(1);
        }
    }
}
