package io.laurel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.support.LaurelTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Mails go through the outbox to a real SMTP server (the embedded GreenMail) after commit only. */
@LaurelTest
class MailOutboxTest {

    @Autowired
    MailService mail;

    @Autowired
    OutboxRepository outbox;

    @Autowired
    EmbeddedMailServer server;

    @Autowired
    TransactionTemplate tx;

    @Test
    void a_queued_mail_arrives_with_its_chinese_subject_intact() throws Exception {
        String to = "xiaowang@staff.laurel.local";
        OutboxMail queued = tx.execute(s -> mail.queue(to, "welcome",
                Map.of("name", "小王", "campaignName", "2025年度优秀服务之星评选", "tasklistUrl", "http://localhost/")));

        // Sent after commit on another thread; other tests' mails are in the server too, so wait for this one.
        long deadline = System.currentTimeMillis() + 10_000;
        while (server.greenMail().getReceivedMessagesForDomain(to).length == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        MimeMessage received = receivedBy(to);
        assertThat(received.getSubject()).isEqualTo("【2025年度优秀服务之星评选】欢迎使用 Laurel 评优系统");
        assertThat((String) received.getContent()).contains("小王，您好");
        // The sender marks the row SENT after the server has taken the mail: a moment after it arrives.
        OutboxMail recorded = outbox.findById(queued.getId()).orElseThrow();
        while (recorded.getStatus() != OutboxStatus.SENT && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            recorded = outbox.findById(queued.getId()).orElseThrow();
        }
        assertThat(recorded.getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(recorded.getTemplate()).isEqualTo("welcome");
        assertThat(recorded.getSentAt()).isNotNull();
    }

    @Test
    void a_rolled_back_transaction_sends_nothing_and_leaves_no_row() throws Exception {
        String to = "rollback@staff.laurel.local";
        tx.executeWithoutResult(s -> {
            mail.queue(to, "welcome", Map.of("name", "回滚", "campaignName", "测试", "tasklistUrl", "x"));
            s.setRollbackOnly();
        });

        Thread.sleep(500); // the sender would have run by now had anything been committed
        assertThat(outbox.findByRecipientOrderById(to)).isEmpty();
        assertThat(server.greenMail().getReceivedMessagesForDomain(to)).isEmpty();
    }

    private MimeMessage receivedBy(String to) {
        MimeMessage[] messages = server.greenMail().getReceivedMessagesForDomain(to);
        assertThat(messages).hasSize(1);
        return messages[0];
    }
}
