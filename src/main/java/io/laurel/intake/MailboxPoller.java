package io.laurel.intake;

import io.laurel.mail.EmbeddedMailServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the intake mailbox over IMAP. For each unseen message: store the originals (once per
 * Message-ID), dispatch it to the process, then mark it seen. Several messages are fetched and stored at
 * once on connections of their own; dispatching and marking stay in mailbox order. A message stored but not dispatched
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
            intake.dispatch(stranded.getId());
            recovered++;
        }
        int stored = 0;
        int dispatched = 0;
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
                try (Fetchers fetchers = new Fetchers(session, imap, uid)) {
                    for (int i = 0; i < unseen.length; i++) {
                        Stored result = fetchers.await(i);
                        if (result == null) {
                            continue; // gone from the mailbox meanwhile
                        }
                        // two copies of one Message-ID stored side by side both end on the first one's row
                        if (result.newlyStored() && storedRows.add(result.rowId())) {
                            stored++;
                        }
                        IntakeMessage row = messages.findById(result.rowId()).orElseThrow();
                        if (row.getStatus() == IntakeMessage.Status.STORED) {
                            intake.dispatch(row.getId());
                            dispatched++;
                        }
                        unseen[i].setFlag(Flags.Flag.SEEN, true);
                    }
                }
            } finally {
                folder.close(false);
            }
        } catch (MessagingException | IOException e) {
            throw cannotRead(imap, e);
        }
        deadlines.ensureStarted();
        return new PollReport(true, stored, dispatched, recovered);
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

    private static Store connect(Session session, ImapSettings imap) throws MessagingException {
        Store store = session.getStore(protocol(imap));
        store.connect(imap.host(), imap.portOrDefault(), imap.user(), imap.password());
        return store;
    }

    private static IllegalStateException cannotRead(ImapSettings imap, Exception e) {
        return new IllegalStateException("Cannot read the intake mailbox " + imap.user() + "@" + imap.host() + ":"
                + imap.portOrDefault() + ": " + e.getMessage(), e);
    }

    /** A message's original is stored: its row, and whether this poll stored it (false: stored before). */
    private record Stored(long rowId, boolean newlyStored) {
    }

    /**
     * Fetches and stores the messages with the given UIDs on connections of their own, each taking the next
     * message not yet taken; {@link #await} hands the results back in mailbox order. Closing stops them after
     * the message each is on (a message stored but not dispatched is dispatched by the next poll).
     */
    private final class Fetchers implements AutoCloseable {
        private final long[] uids;
        private final List<CompletableFuture<Stored>> results = new ArrayList<>();
        private static final int RECONNECTS = 3;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger running = new AtomicInteger();
        private final ExecutorService pool;
        private volatile boolean stopped;

        Fetchers(Session session, ImapSettings imap, long[] uids) {
            this.uids = uids;
            for (int i = 0; i < uids.length; i++) {
                results.add(new CompletableFuture<>());
            }
            int threads = Math.min(properties.polling().connections(), uids.length);
            running.set(threads);
            AtomicInteger number = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(Math.max(threads, 1), task -> {
                Thread thread = new Thread(task, "intake-fetch-" + number.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            for (int t = 0; t < threads; t++) {
                pool.execute(() -> fetchAll(session, imap));
            }
        }

        private void fetchAll(Session session, ImapSettings imap) {
            try {
                fetchOnOwnConnection(session, imap);
            } finally {
                if (running.decrementAndGet() == 0) {
                    // every fetcher has stopped: nothing will complete what is left, so the poll must not wait
                    IllegalStateException stoppedEarly = new IllegalStateException("Intake fetchers stopped");
                    results.forEach(r -> r.completeExceptionally(stoppedEarly));
                }
            }
        }

        /**
         * Takes the next message until none is left. A connection the server drops is opened again and the
         * message it was on fetched again (its partial file is gone; nothing was marked), up to
         * {@link #RECONNECTS} times per fetcher: one dropped connection should not fail a poll of 200 mails.
         */
        private void fetchOnOwnConnection(Session session, ImapSettings imap) {
            int reconnects = 0;
            int current = -1;
            while (!stopped) {
                try (Store connection = connect(session, imap)) {
                    Folder folder = connection.getFolder(imap.folder());
                    folder.open(Folder.READ_ONLY);
                    try {
                        while (!stopped) {
                            if (current < 0 && (current = next.getAndIncrement()) >= uids.length) {
                                return;
                            }
                            try {
                                results.get(current).complete(fetch((UIDFolder) folder, uids[current]));
                            } catch (Exception | Error e) {
                                if (dropped(e) && ++reconnects <= RECONNECTS) {
                                    log.info("Intake IMAP connection dropped ({}); fetching message {} again on a new "
                                            + "connection", e.toString(), uids[current]);
                                    break;
                                }
                                results.get(current).completeExceptionally(e);
                                stopped = true;
                                return;
                            }
                            current = -1;
                        }
                    } finally {
                        closeQuietly(folder);
                    }
                } catch (Exception | Error e) {
                    stopped = true;
                    results.forEach(r -> r.completeExceptionally(e)); // no effect on results already there
                    return;
                }
            }
        }

        /** The connection is gone: directly, or inside the IOException of the IMAP stream that the store wraps. */
        private static boolean dropped(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof FolderClosedException || t instanceof StoreClosedException) {
                    return true;
                }
            }
            return false;
        }

        private static void closeQuietly(Folder folder) {
            try {
                if (folder.isOpen()) {
                    folder.close(false);
                }
            } catch (MessagingException | RuntimeException closed) {
                // the connection is gone already; closing the store ends it
            }
        }

        private Stored fetch(UIDFolder folder, long uid) throws MessagingException, IOException {
            MimeMessage mime = (MimeMessage) folder.getMessageByUID(uid);
            if (mime == null) {
                return null;
            }
            String id = mime.getMessageID() == null ? null : MessageStore.messageIdOf(mime, null);
            IntakeMessage row = id == null ? null : messages.findByMessageId(id).orElse(null);
            if (row != null) {
                return new Stored(row.getId(), false);
            }
            return new Stored(store.store(mime, id).getId(), true);
        }

        Stored await(int i) throws MessagingException, IOException {
            try {
                return results.get(i).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MessagingException("Interrupted while storing an intake message", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof MessagingException m) {
                    throw m;
                }
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new MessagingException("Cannot store an intake message", e);
            }
        }

        @Override
        public void close() {
            stopped = true;
            pool.shutdown();
            try {
                if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
                    log.warn("Intake fetchers still busy after 2 minutes");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
