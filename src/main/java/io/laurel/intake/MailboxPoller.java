package io.laurel.intake;

import io.laurel.mail.EmbeddedMailServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the intake mailbox over IMAP. For each unseen message: store the originals (once per
 * Message-ID), dispatch it to the process, then mark it seen. Several messages are fetched and stored at
 * once on connections of their own; dispatching and marking stay in mailbox order. A message stored but not dispatched
 * (the node stopped in between) is dispatched by the next poll, from the database, exactly once. A message
 * that cannot be read is stored and set aside ({@link SetAsideMails}); one that fails to fetch or to dispatch
 * fails alone, and the poll goes on with the others (docs/durability.md).
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
    private final SetAsideMails setAside;
    /** Polls done and polls skipped because another node held the lease (laurel.intake.polls). */
    private final Counter polled;
    private final Counter skipped;

    MailboxPoller(ImapSettings settings, IntakeProperties properties, ObjectProvider<EmbeddedMailServer> embedded,
            PollLease lease, MessageStore store, IntakeService intake, IntakeMessageRepository messages,
            IntakeDeadlines deadlines, SetAsideMails setAside, MeterRegistry meters) {
        this.setAside = setAside;
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

    /**
     * One poll; answers what it did. Does nothing when another node holds the lease.
     *
     * <p>The poll's own connection searches the unseen messages and, in mailbox order, dispatches each one
     * and only then marks it seen. Fetching and storing the originals (the slow part: the whole mail over
     * IMAP, the .eml and the attachments into the file store) runs on {@code laurel.intake.polling.connections}
     * connections of their own, ahead of the dispatching; a message is dispatched and marked only once its
     * original is stored. They fetch with BODY.PEEK, so the server never marks a message seen by itself.
     */
    public synchronized PollReport pollOnce() {
        if (!lease.tryAcquire(LEASE, properties.polling().lease())) {
            skipped.increment();
            return new PollReport(false, 0, 0, 0);
        }
        polled.increment();
        int recovered = 0;
        for (IntakeMessage stranded : messages.findByStatusOrderById(IntakeMessage.Status.STORED)) {
            if (dispatch(stranded.getId())) {
                recovered++;
            }
        }
        int stored = 0;
        int dispatched = 0;
        int failed = 0;
        ImapSettings imap = effectiveSettings();
        Session session = Session.getInstance(sessionProperties(imap));
        try (Store mailbox = connect(session, imap)) {
            Folder folder = mailbox.getFolder(imap.folder());
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                FetchProfile uids = new FetchProfile();
                uids.add(UIDFolder.FetchProfileItem.UID);
                folder.fetch(unseen, uids);
                long[] uid = new long[unseen.length];
                for (int i = 0; i < unseen.length; i++) {
                    uid[i] = ((UIDFolder) folder).getUID(unseen[i]);
                }
                Set<Long> storedRows = new HashSet<>();
                try (IntakeFetchers fetchers = new IntakeFetchers(session, imap, uid, properties.polling().connections(),
                        messages, store)) {
                    for (int i = 0; i < unseen.length; i++) {
                        IntakeFetchers.Stored result;
                        try {
                            result = fetchers.await(i);
                        } catch (MessagingException | IOException | RuntimeException notStored) {
                            failed++;
                            continue; // left unseen: the next poll fetches it again; the others go on
                        }
                        if (result == null) {
                            continue; // gone from the mailbox meanwhile
                        }
                        // two copies of one Message-ID stored side by side both end on the first one's row
                        if (result.newlyStored() && storedRows.add(result.rowId())) {
                            stored++;
                        }
                        IntakeMessage row = messages.findById(result.rowId()).orElseThrow();
                        if (row.getStatus() == IntakeMessage.Status.STORED && dispatch(row.getId())) {
                            dispatched++;
                        }
                        // stored and committed (dispatched, set aside, or STORED for the next poll's recovery):
                        // only now may the mailbox forget it
                        unseen[i].setFlag(Flags.Flag.SEEN, true);
                    }
                }
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            throw cannotRead(imap, e);
        }
        if (failed > 0) {
            log.warn("Intake poll: {} message(s) could not be stored and stay unseen for the next poll", failed);
        }
        deadlines.ensureStarted();
        return new PollReport(true, stored, dispatched, recovered);
    }

    /** Hands one stored message on; a failure is counted for that message alone and the poll goes on. */
    private boolean dispatch(Long rowId) {
        try {
            intake.dispatch(rowId);
            return true;
        } catch (RuntimeException e) {
            setAside.dispatchFailed(rowId, e);
            return false;
        }
    }

    /** IMAP session settings: timeouts, BODY.PEEK, the fetch size. */
    Properties sessionProperties(ImapSettings imap) {
        Properties props = new Properties();
        String protocol = protocol(imap);
        props.put("mail.store.protocol", protocol);
        props.put("mail." + protocol + ".connectiontimeout", "10000");
        props.put("mail." + protocol + ".timeout", "60000");
        // Fetching must not mark a message seen: only the poll does, after its original is stored.
        props.put("mail." + protocol + ".peek", "true");
        // One round trip per 8 MB rather than the default 16 KB (a 7 MB mail is 450 round trips otherwise);
        // larger pieces would sit in the heap for a 50 MB package.
        props.put("mail." + protocol + ".fetchsize", String.valueOf(properties.polling().fetchSize()));
        return props;
    }

    private static String protocol(ImapSettings imap) {
        return imap.useSsl() ? "imaps" : "imap";
    }

    static Store connect(Session session, ImapSettings imap) throws MessagingException {
        Store store = session.getStore(protocol(imap));
        store.connect(imap.host(), imap.portOrDefault(), imap.user(), imap.password());
        return store;
    }

    private static IllegalStateException cannotRead(ImapSettings imap, Exception e) {
        return new IllegalStateException("Cannot read the intake mailbox " + imap.user() + "@" + imap.host() + ":"
                + imap.portOrDefault() + ": " + e.getMessage(), e);
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
