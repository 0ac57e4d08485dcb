package io.laurel.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.mail.EmbeddedMailServer;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Sends real MIME mail to the embedded GreenMail, polls, and runs the engine's jobs by hand. */
abstract class IntakeTestSupport {

    static final String MAILBOX = "awards@laurel.local";

    @Autowired
    EmbeddedMailServer server;
    @Autowired
    MailboxPoller poller;
    @Autowired
    CampaignService campaigns;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IntakePackageRepository packages;
    @Autowired
    IntakeMessageRepository messages;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** A most-beautiful-cs-2019 campaign whose intake deadline lies 28 days ahead. */
    Campaign openCampaign() {
        return openCampaign("most-beautiful-cs-2019");
    }

    Campaign openCampaign(String preset) {
        return campaigns.createFromPreset(preset, LocalDate.now().minusDays(10), "test");
    }

    static String sender() {
        return "contact-" + UUID.randomUUID().toString().substring(0, 8) + "@unit.example";
    }

    String send(String from, String subject, String body, String attachmentName, byte[] attachment) throws Exception {
        return send(from, subject, body, attachmentName, attachment, "<" + UUID.randomUUID() + "@unit.example>");
    }

    String send(String from, String subject, String body, String attachmentName, byte[] attachment, String messageId)
            throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", server.host());
        props.put("mail.smtp.port", String.valueOf(server.smtpPort()));
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
        message.setSubject(subject, "UTF-8");
        MimeMultipart multipart = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText(body, "UTF-8");
        multipart.addBodyPart(text);
        if (attachment != null) {
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment, "application/zip")));
            file.setFileName(MimeUtility.encodeText(attachmentName, "UTF-8", "B"));
            multipart.addBodyPart(file);
        }
        message.setContent(multipart);
        Transport.send(message);
        return messageId;
    }

    MailboxPoller.PollReport poll() {
        return poller.pollOnce();
    }

    /** Runs every due job of the package's process instance until none is left. */
    void runJobs(IntakePackage pkg) {
        for (int round = 0; round < 50; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(pkg.getProcessInstanceId()).executable()
                    .list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep coming for " + pkg.getProcessInstanceId());
    }

    IntakePackage packageOf(String messageId) {
        IntakeMessage message = messages.findByMessageId(messageId).orElseThrow();
        return packages.findById(message.getPackageId()).orElseThrow();
    }

    /** The mails Laurel sent to {@code address}, waiting up to 10 s for {@code count} of them. */
    List<MimeMessage> mailsTo(String address, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> received(address).size() >= count);
        List<MimeMessage> mails = received(address);
        assertThat(mails).hasSize(count);
        return mails;
    }

    List<MimeMessage> received(String address) {
        return Arrays.stream(server.greenMail().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    static String content(MimeMessage mail) {
        try {
            return String.valueOf(mail.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
