package io.laurel.intake;

import io.laurel.mail.EmbeddedMailServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the intake mailbox over IMAP. For each unseen message: store the originals (once per
 * Message-ID), dispatch it to the process, then mark it seen. A message stored but not dispatched
 * (the node stopped in between) is dispatched by the next poll, from the database, exactly once.
 * Only the node holding the {@link PollLease} polls; {@code laurel.intake.polling.enabled=false} turns
 * the schedule off (tests call {@link #pollOnce()} themselves).
 */
@Component
public class MailboxPoller {

    static final String LEASE = "imap-intake";
    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

    private final ImapSettings settings;
    private final IntakeProperties properties;
    private final ObjectProvider<EmbeddedMailServer> embedded;
    private final PollLease lease;
    private final MessageStore store;
    private final IntakeService intake;
    private final IntakeMessageRepository messages;
    private final IntakeDeadlines deadlines;
    /** Polls done and polls skipped because another node held the lease (laurel.intake.polls). */
    private final Counter polled;
    private final Counter skipped;

    MailboxPoller(ImapSettings settings, IntakeProperties properties, ObjectProvider<EmbeddedMailServer> embedded,
            PollLease lease, MessageStore store, IntakeService intake, IntakeMessageRepository messages,
            IntakeDeadlines deadlines, MeterRegistry meters) {
        this.settings = settings;
        this.properties = properties;
        this.embedded = embedded;
        this.lease = lease;
        this.store = store;
        this.intake = intake;
        this.messages = messages;
        this.deadlines = deadlines;
        this.polled = Counter.builder("laurel.intake.polls").tag("result", "polled")
                .description("Intake mailbox polls done by this node").register(meters);
        this.skipped = Counter.builder("laurel.intake.polls").tag("result", "skipped")
                .description("Intake polls skipped: another node holds the lease").register(meters);
    }

    @Scheduled(fixedDelayString = "${laurel.intake.polling.interval:PT60S}",
            initialDelayString = "${laurel.intake.polling.initial-delay:PT15S}")
    void scheduledPoll() {
        if (!properties.polling().enabled()) {
            return;
        }
        try {
            pollOnce();
        } catch (RuntimeException e) {
            log.warn("Intake poll failed, next poll retries: {}", e.toString());
        }
    }

    /** One poll; answers what it did. Does nothing when another node holds the lease. */
    public synchronized PollReport pollOnce() {
        if (!lease.tryAcquire(LEASE, properties.polling().lease())) {
            skipped.increment();
            return new PollReport(false, 0, 0, 0);
        }
        polled.increment();
        int recovered = 0;
        for (IntakeMessage stranded : messages.findByStatusOrderById(IntakeMessage.Status.STORED)) {
            intake.dispatch(stranded.getId());
            recovered++;
        }
        int stored = 0;
        int dispatched = 0;
        ImapSettings imap = effectiveSettings();
        Properties props = new Properties();
        String protocol = imap.useSsl() ? "imaps" : "imap";
        props.put("mail.store.protocol", protocol);
        props.put("mail." + protocol + ".connectiontimeout", "10000");
        props.put("mail." + protocol + ".timeout", "60000");
        // large packages: fetch the message in 1 MB pieces, not the default 16 KB round trips
        props.put("mail." + protocol + ".fetchsize", String.valueOf(1024 * 1024));
        Session session = Session.getInstance(props);
        try (Store mailbox = session.getStore(protocol)) {
            mailbox.connect(imap.host(), imap.portOrDefault(), imap.user(), imap.password());
            Folder folder = mailbox.getFolder(imap.folder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    MimeMessage mime = (MimeMessage) message;
                    String id = mime.getMessageID() == null ? null : MessageStore.messageIdOf(mime, null);
                    IntakeMessage row = id == null ? null : messages.findByMessageId(id).orElse(null);
                    if (row == null) {
                        row = store.store(mime, id);
                        stored++;
                    }
                    if (row.getStatus() == IntakeMessage.Status.STORED) {
                        intake.dispatch(row.getId());
                        dispatched++;
                    }
                    message.setFlag(Flags.Flag.SEEN, true);
                }
            } finally {
                folder.close(false);
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot read the intake mailbox " + imap.user() + "@" + imap.host() + ":"
                    + imap.portOrDefault() + ": " + e.getMessage(), e);
        }
        deadlines.ensureStarted();
        return new PollReport(true, stored, dispatched, recovered);
    }

    ImapSettings effectiveSettings() {
        EmbeddedMailServer server = embedded.getIfAvailable();
        if (server == null) {
            return settings;
        }
        return settings.withDefaults(server.host(), server.imapPort(), server.mailbox(), server.mailboxPassword());
    }

    /** What a poll did: {@code recovered} counts messages stored by an earlier poll that never reached the process. */
    public record PollReport(boolean polled, int stored, int dispatched, int recovered) {
    }
}
