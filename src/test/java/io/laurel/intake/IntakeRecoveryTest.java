package io.laurel.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.LaurelApplication;
import io.laurel.support.LaurelTest;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.HeaderTerm;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Properties;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A node that stopped after storing a message but before starting its instance: the message is in the
 * database (STORED) and still unseen in the mailbox. Whoever polls next hands it on exactly once: the same
 * context after a restart of its poller, or a second application context (another node) on the same
 * database and mailbox.
 */
@LaurelTest
class IntakeRecoveryTest extends IntakeTestSupport {

    @Autowired
    MessageStore store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;

    @Test
    void a_message_stored_before_a_stop_is_processed_exactly_once_afterwards() throws Exception {
        openCampaign();
        String from = sender();
        String id = sendAndStoreWithoutDispatch(from);

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

    /**
     * This context stores the message and stops (gives up its lease). A new application context on the same
     * database and mailbox starts the instance; neither its re-poll nor this context's poll, once it holds
     * the lease again, processes the message a second time.
     */
    @Test
    void a_new_application_context_processes_a_stranded_message_exactly_once() throws Exception {
        openCampaign();
        String from = sender();
        String id = sendAndStoreWithoutDispatch(from);
        expireLease(); // this node is gone: its lease runs out

        try (ConfigurableApplicationContext node2 = secondNode()) {
            MailboxPoller poller2 = node2.getBean(MailboxPoller.class);
            RuntimeService runtime2 = node2.getBean(RuntimeService.class);
            assertThat(poller2).isNotSameAs(poller);

            MailboxPoller.PollReport first = poller2.pollOnce();
            assertThat(first.polled()).isTrue();
            assertThat(first.recovered()).isGreaterThanOrEqualTo(1);
            assertThat(runtime2.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isEqualTo(1);
            assertThat(messages.findByMessageId(id).orElseThrow().getStatus())
                    .isEqualTo(IntakeMessage.Status.DISPATCHED);

            // while node 2 holds the lease, this node's poller does not poll at all
            assertThat(poll().polled()).isFalse();
            MailboxPoller.PollReport again = poller2.pollOnce();
            assertThat(again.polled()).isTrue();
            assertThat(again.recovered()).isZero();
            assertThat(again.stored()).isZero();
        }
        // node 2 is gone too; this node takes over once its lease has run out
        expireLease();
        MailboxPoller.PollReport back = poll();
        assertThat(back.polled()).isTrue();
        assertThat(back.recovered()).isZero();
        assertThat(back.stored()).isZero();

        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isEqualTo(1);
        assertThat(packages.findByCampaignIdOrderById(packageOf(id).getCampaignId())).hasSize(1);
        runJobs(packageOf(id));
        assertThat(subject(mailsTo(from, 1).get(0))).contains("回执");
    }

    /** Sends a package and stores it the way the poller does, then "stops": no dispatch, not marked seen. */
    private String sendAndStoreWithoutDispatch(String from) throws Exception {
        String id = send(from, "申报资料", "", PackageZip.ARCHIVE + ".zip", PackageZip.gbk().applicant("精英客服奖", "恢复")
                .unitFiles(new String[][] {{"恢复", "客服", "1", "r@x", "2019年度精英客服奖"}}).bytes());
        try (Store imap = Session.getInstance(new Properties()).getStore("imap")) {
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
        return id;
    }

    private void expireLease() {
        jdbc.update("update intake_lease set expires_at = ? where name = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), MailboxPoller.LEASE);
    }

    /**
     * Another node: the same database, file store and mailbox (this context's embedded GreenMail, over IMAP),
     * its own process engine. Camunda's web apps and REST keep engines in static registries, so the second
     * engine has its own name and no web apps; demo data exist already.
     */
    private ConfigurableApplicationContext secondNode() {
        return new SpringApplicationBuilder(LaurelApplication.class).profiles(environment.getActiveProfiles())
                .properties("server.port=0",
                        "spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "camunda.bpm.process-engine-name=node2",
                        "camunda.bpm.webapp.enabled=false",
                        "laurel.demo.enabled=false",
                        "laurel.mail.embedded.enabled=false",
                        "spring.mail.host=" + server.host(),
                        "spring.mail.port=" + server.smtpPort(),
                        "laurel.mail.imap.host=" + server.host(),
                        "laurel.mail.imap.port=" + server.imapPort(),
                        "laurel.mail.imap.user=" + server.mailbox(),
                        "laurel.mail.imap.password=" + server.mailboxPassword())
                .run();
    }
}
