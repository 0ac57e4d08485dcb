package io.laurel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.laurel.support.Http;
import io.laurel.support.LaurelTest;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 15.7 with the application's own embedded GreenMail stopped: liveness stays UP, readiness and the
 * overall health say DEGRADED with HTTP 200 (never 503), the outbox metrics show the waiting mail, and all
 * turns UP again once mail goes out. The stopped server would break later tests: the context is discarded.
 */
@LaurelTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OutboxHealthTest {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedMailServer embedded;

    @Autowired
    OutboxRepository outbox;

    @Autowired
    OutboxSender sender;

    @Autowired
    JavaMailSender appMailSender;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    MailProperties properties;

    @Autowired
    Clock clock;

    @Autowired
    ObjectMapper json;

    @Test
    void an_smtp_outage_is_degraded_readiness_never_a_failed_liveness() throws Exception {
        sender.deliverDue();
        assertThat(status("/actuator/health/readiness")).isEqualTo("UP");

        int smtpPort = embedded.smtpPort();
        embedded.greenMail().stop();
        OutboxMail mail = tx.execute(s -> outbox.save(new OutboxMail("head@staff.laurel.local", "提名提醒", "test",
                "<p>请尽快提名</p>", clock.instant().minusSeconds(120))));
        assertThat(sender.deliverDue()).isZero();
        assertThat(outbox.findById(mail.getId()).orElseThrow().getLastError()).isNotBlank();

        Http.Answer liveness = Http.to(port).get("/actuator/health/liveness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(json.readTree(liveness.body()).get("status").asText()).isEqualTo("UP");
        Http.Answer readiness = Http.to(port).get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(json.readTree(readiness.body()).get("status").asText()).isEqualTo("DEGRADED");
        Http.Answer overall = Http.to(port).get("/actuator/health");
        assertThat(overall.status()).isEqualTo(200);
        assertThat(json.readTree(overall.body()).get("status").asText()).isEqualTo("DEGRADED");
        // Strangers see the status only; an admin sees why, and Spring's mail indicator is gone.
        assertThat(overall.body()).doesNotContain("components");
        JsonNode details = json.readTree(Http.to(port).as("demo", "demo").get("/actuator/health").body());
        assertThat(details.path("components").has("mail")).isFalse();
        JsonNode outboxHealth = details.path("components").path("outbox");
        assertThat(outboxHealth.path("status").asText()).isEqualTo("DEGRADED");
        assertThat(outboxHealth.path("details").path("retrying").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(outboxHealth.path("details").path("oldestAgeSeconds").asLong()).isGreaterThanOrEqualTo(120);
        assertThat(outboxHealth.path("details").path("lastError").asText()).isNotBlank();

        String metrics = Http.to(port).as("demo", "demo").get("/actuator/prometheus").body();
        assertThat(gauge(metrics, "laurel_outbox_queued")).isGreaterThanOrEqualTo(1);
        assertThat(gauge(metrics, "laurel_outbox_retrying")).isGreaterThanOrEqualTo(1);
        assertThat(gauge(metrics, "laurel_outbox_oldest_age_seconds")).isGreaterThanOrEqualTo(120);
        assertThat(metrics).contains("laurel_outbox_failed");

        // The server is back on its port: after the back-off the mail goes out and readiness is UP again.
        GreenMail back = new GreenMail(new ServerSetup(smtpPort, embedded.host(), ServerSetup.PROTOCOL_SMTP));
        back.start();
        try {
            OutboxSender later = new OutboxSender(outbox, appMailSender, tx, MailLanes.inline(), properties,
                    Clock.offset(clock, Duration.ofMinutes(2)));
            assertThat(later.deliverDue()).isGreaterThanOrEqualTo(1);
            assertThat(outbox.findById(mail.getId()).orElseThrow().getStatus()).isEqualTo(OutboxStatus.SENT);
            assertThat(status("/actuator/health/readiness")).isEqualTo("UP");
            assertThat(status("/actuator/health")).isEqualTo("UP");
        } finally {
            back.stop();
        }
    }

    private String status(String path) throws Exception {
        Http.Answer answer = Http.to(port).get(path);
        assertThat(answer.status()).isEqualTo(200);
        return json.readTree(answer.body()).get("status").asText();
    }

    private static double gauge(String prometheus, String name) {
        return prometheus.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).max()
                .orElseThrow(() -> new AssertionError(name + " not in /actuator/prometheus"));
    }
}
