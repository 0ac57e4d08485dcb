package io.laurel.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.support.LaurelTest;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.HeaderTerm;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A node that stopped after storing a message but before starting its instance: the message is in the
 * database (STORED) and still unseen in the mailbox. The next poll hands it on exactly once. (The stop
 * is simulated inside one application context: storing is done without dispatching.)
 */
@LaurelTest
class IntakeRecoveryTest extends IntakeTestSupport {

    @Autowired
    MessageStore store;

    @Test
    void a_message_stored_before_a_stop_is_processed_exactly_once_afterwards() throws Exception {
        openCampaign();
        String from = sender();
        String id = send(from, "申报资料", "", PackageZip.ARCHIVE + ".zip", PackageZip.gbk().applicant("精英客服奖", "恢复")
                .unitFiles(new String[][] {{"恢复", "客服", "1", "r@x", "2019年度精英客服奖"}}).bytes());

        Properties props = new Properties();
        try (Store imap = Session.getInstance(props).getStore("imap")) {
            imap.connect(server.host(), server.imapPort(), server.mailbox(), server.mailboxPassword());
            Folder inbox = imap.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            MimeMessage message = (MimeMessage) inbox.search(new HeaderTerm("Message-ID", id))[0];
            store.store(message, id); // ... and the node stops here
            assertThat(message.isSet(Flags.Flag.SEEN)).isFalse();
            inbox.close(false);
        }
        assertThat(messages.findByMessageId(id).orElseThrow().getStatus()).isEqualTo(IntakeMessage.Status.STORED);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();

        MailboxPoller.PollReport afterRestart = poll();
        MailboxPoller.PollReport again = poll();

        assertThat(afterRestart.recovered()).isGreaterThanOrEqualTo(1);
        assertThat(afterRestart.stored()).isZero();
        assertThat(again.recovered()).isZero();
        assertThat(again.stored()).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isEqualTo(1);
        assertThat(messages.findByMessageId(id).orElseThrow().getStatus()).isEqualTo(IntakeMessage.Status.DISPATCHED);
        runJobs(packageOf(id));
        assertThat(subject(mailsTo(from, 1).get(0))).contains("回执");
    }
}
