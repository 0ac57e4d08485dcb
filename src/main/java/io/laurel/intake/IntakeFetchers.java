package io.laurel.intake;

import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches and stores the messages with the given UIDs on connections of their own, each taking the next
 * message not yet taken; {@link #await} hands the results back in mailbox order. Closing stops them after
 * the message each is on (a message stored but not dispatched is dispatched by the next poll). A message that
 * fails fails alone: the fetcher goes on with the next one.
 */
final class IntakeFetchers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IntakeFetchers.class);
    private static final int RECONNECTS = 3;

    /** A message's original is stored: its row, and whether this poll stored it (false: stored before). */
    record Stored(long rowId, boolean newlyStored) {
    }

    private final long[] uids;
    private final IntakeMessageRepository messages;
    private final MessageStore store;
    private final List<CompletableFuture<Stored>> results = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final ExecutorService pool;
    private volatile boolean stopped;

    IntakeFetchers(Session session, ImapSettings imap, long[] uids, int connections,
            IntakeMessageRepository messages, MessageStore store) {
        this.uids = uids;
        this.messages = messages;
        this.store = store;
        for (int i = 0; i < uids.length; i++) {
            results.add(new CompletableFuture<>());
        }
        int threads = Math.min(connections, uids.length);
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
            try (Store connection = MailboxPoller.connect(session, imap)) {
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
                            // this message only: the poll leaves it unseen for the next one and goes on with the rest
                            log.warn("Intake message {} could not be fetched and stored, left for the next poll: {}",
                                    uids[current], e.toString());
                            results.get(current).completeExceptionally(e);
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
        String id = messageIdOrNull(mime);
        IntakeMessage row = id == null ? null : messages.findByMessageId(id).orElse(null);
        if (row != null) {
            return new Stored(row.getId(), false);
        }
        return new Stored(store.store(mime, id).getId(), true);
    }

    /** From the server's envelope; null when it has none or cannot give one (the stored copy is read then). */
    private static String messageIdOrNull(MimeMessage mime) {
        try {
            return mime.getMessageID() == null ? null : MessageStore.messageIdOf(mime, null);
        } catch (MessagingException | RuntimeException serverCannotParse) {
            return null;
        }
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
