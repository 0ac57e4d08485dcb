package io.laurel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.support.LaurelTest;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 16 item 2 in small: a burst of code mails queued by parallel requests reaches the SMTP server
 * (the embedded GreenMail) completely, each exactly once, sent by several lanes at once, and the mails to
 * one recipient arrive in the order they were queued. The 10,000-mail burst is benchmark P6.
 */
@LaurelTest
class OutboxBurstTest {

    static final int RECIPIENTS = 400;
    static final int TO_ONE = 30;

    @Autowired
    MailService mail;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    EmbeddedMailServer server;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MailLanes lanes;

    @Test
    void a_burst_is_delivered_completely_once_each_and_in_order_per_recipient() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        String domain = "burst" + run + ".example.com";
        String one = "same@" + domain;
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<?>> queued = new ArrayList<>();
        for (int i = 0; i < RECIPIENTS; i++) {
            String to = "v" + i + "@" + domain;
            int n = i;
            queued.add(clients.submit(() -> tx.executeWithoutResult(s -> mail.queue(to, "burst-code", java.util.Map.of("n", String.valueOf(n))))));
        }
        // One recipient asks again and again from one client: the mails must arrive in that order.
        queued.add(clients.submit(() -> {
            for (int k = 0; k < TO_ONE; k++) {
                int n = k;
                tx.executeWithoutResult(s -> mail.queue(one, "burst-code", java.util.Map.of("n", String.valueOf(100_000 + n))));
            }
        }));
        for (Future<?> f : queued) {
            f.get();
        }
        clients.shutdown();

        int expected = RECIPIENTS + TO_ONE;
        long deadline = System.currentTimeMillis() + 120_000;
        while (ofRun(domain).size() < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(500); // a duplicate would arrive right behind
        List<MimeMessage> received = ofRun(domain);
        assertThat(received).hasSize(expected);
        Map<String, Integer> perRecipient = new HashMap<>();
        List<String> toOne = new ArrayList<>();
        for (MimeMessage m : received) {
            String to = m.getAllRecipients()[0].toString();
            perRecipient.merge(to, 1, Integer::sum);
            if (to.equals(one)) {
                toOne.add(m.getSubject());
            }
        }
        assertThat(perRecipient).hasSize(RECIPIENTS + 1);
        assertThat(perRecipient).allSatisfy((to, n) -> assertThat(n).isEqualTo(to.equals(one) ? TO_ONE : 1));
        List<String> inOrder = new ArrayList<>();
        for (int k = 0; k < TO_ONE; k++) {
            inOrder.add("验证码 " + (100_000 + k));
        }
        assertThat(toOne).containsExactlyElementsOf(inOrder);
        assertThat(lanes.size()).as("sent by several lanes").isGreaterThan(1);
        // Each row is marked SENT just after the server has taken its mail.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> outbox.findAll().stream()
                .filter(m -> m.getRecipient().endsWith("@" + domain)).allMatch(m -> m.getStatus() == OutboxStatus.SENT));
    }

    private List<MimeMessage> ofRun(String domain) throws Exception {
        List<MimeMessage> mine = new ArrayList<>();
        for (MimeMessage m : server.greenMail().getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().endsWith("@" + domain)) {
                mine.add(m);
            }
        }
        return mine;
    }
}
