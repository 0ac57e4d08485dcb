package io.laurel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.laurel.support.LaurelTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A mail server outage loses nothing: the mail stays in the outbox, is retried with back-off, and
 * goes out once the server is back. Uses its own GreenMail so the outage can be staged.
 */
@LaurelTest
class OutboxRetryTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    OutboxRepository outbox;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    MailProperties properties;

    @Test
    void a_failed_attempt_is_retried_after_back_off_and_then_delivered() throws Exception {
        Instant t0 = Instant.parse("2026-03-01T02:00:00Z");
        OutboxMail mail = tx.execute(s -> outbox.save(
                new OutboxMail("head@staff.laurel.local", "提名提醒", "test", "<p>请尽快提名</p>", t0)));

        // The server is unreachable: attempt 1 fails and the mail waits for its back-off.
        OutboxSender down = sender(unreachablePort(), Clock.fixed(t0, ZoneOffset.UTC));
        assertThat(down.deliverDue()).isZero();
        OutboxMail afterFailure = outbox.findById(mail.getId()).orElseThrow();
        assertThat(afterFailure.getStatus()).isEqualTo(OutboxStatus.PENDING);
        assertThat(afterFailure.getAttempts()).isEqualTo(1);
        assertThat(afterFailure.getLastError()).isNotBlank();
        assertThat(afterFailure.getNextAttemptAt()).isEqualTo(t0.plus(Duration.ofMinutes(1)));

        // Before the back-off has passed nothing is tried, even with the server back.
        OutboxSender early = sender(smtp.getSmtp().getPort(), Clock.fixed(t0.plusSeconds(30), ZoneOffset.UTC));
        assertThat(early.deliverDue()).isZero();

        OutboxSender later = sender(smtp.getSmtp().getPort(), Clock.fixed(t0.plusSeconds(61), ZoneOffset.UTC));
        assertThat(later.deliverDue()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(outbox.findById(mail.getId()).orElseThrow().getStatus()).isEqualTo(OutboxStatus.SENT);
        // the idempotency key: the row id and its creation second, the same on every attempt of this row
        assertThat(smtp.getReceivedMessages()[0].getMessageID())
                .isEqualTo("<outbox-" + mail.getId() + "." + t0.getEpochSecond() + "@laurel.local>");

        // Sent once: a further sweep sends nothing again.
        assertThat(later.deliverDue()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void gives_up_after_the_configured_attempts() {
        Instant t0 = Instant.parse("2026-04-01T02:00:00Z");
        OutboxMail mail = tx.execute(s -> outbox.save(new OutboxMail("nobody@x.local", "主题", "test", "<p/>", t0)));
        MailProperties oneAttempt = new MailProperties(properties.from(),
                new MailProperties.Retry(Duration.ofHours(1), 1, Duration.ofMinutes(5)));

        OutboxSender down = new OutboxSender(outbox, mailSender(unreachablePort()), tx, MailLanes.inline(),
                oneAttempt, Clock.fixed(t0, ZoneOffset.UTC));
        down.deliverDue();

        assertThat(outbox.findById(mail.getId()).orElseThrow().getStatus()).isEqualTo(OutboxStatus.FAILED);
    }

    private OutboxSender sender(int port, Clock clock) {
        return new OutboxSender(outbox, mailSender(port), tx, MailLanes.inline(), properties, clock);
    }

    private static JavaMailSenderImpl mailSender(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        return sender;
    }

    private static int unreachablePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort(); // closed again at once: nothing listens there
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
