package io.laurel.intake;

import io.laurel.files.FileStore;
import io.laurel.files.StoredFile;
import io.laurel.mail.MailProperties;
import io.laurel.mail.MailService;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Poison mails: a message that cannot be read, or that fails each time it is handed to the process, is kept
 * as it came (its .eml is in the file store already), marked {@link IntakeMessage.Status#SET_ASIDE} with the
 * reason for staff, and answered where a sender can be read, all in one transaction, so the poll goes on with
 * the messages behind it. The sender is read from the raw header lines alone, since the MIME parser failed.
 */
@Component
class SetAsideMails {

    private static final Logger log = LoggerFactory.getLogger(SetAsideMails.class);
    /** Header bytes read to find a sender; From and Subject come first in practice, a huge header block after. */
    private static final int HEADER_BYTES = 64 * 1024;

    private final FileStore files;
    private final IntakeMessageRepository messages;
    private final MailService mail;
    private final TransactionTemplate tx;
    private final TransactionTemplate newTx;
    private final String ownAddress;
    private final Clock clock;

    SetAsideMails(FileStore files, IntakeMessageRepository messages, MailService mail, TransactionTemplate tx,
            MailProperties mailProperties, Clock clock) {
        this.files = files;
        this.messages = messages;
        this.mail = mail;
        this.tx = tx;
        this.newTx = new TransactionTemplate(tx.getTransactionManager());
        this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.ownAddress = addressOf(mailProperties.from()).orElse("");
        this.clock = clock;
    }

    /** Keeps an unreadable message: one row (or the row stored before under its Message-ID), answered once. */
    IntakeMessage setAside(StoredFile raw, String messageId, String reason, Throwable cause) {
        RawHeaders headers = RawHeaders.read(files, raw.location());
        String id = messageId != null ? messageId
                : headers.messageId() != null ? headers.messageId() : "<" + raw.sha256() + "@no-message-id.laurel>";
        log.warn("Intake message {} ({} bytes, sha256 {}) set aside: {} ({})", id, raw.sizeBytes(), raw.sha256(),
                reason, cause == null ? "no exception" : cause.toString());
        try {
            return tx.execute(status -> {
                IntakeMessage row = new IntakeMessage(id, headers.sender().orElse("(无法读取)"), headers.subject(),
                        null, clock.instant(), raw.sha256(), raw.location(), raw.sizeBytes());
                row.setAside(reason);
                IntakeMessage saved = messages.saveAndFlush(row);
                answer(headers, reason);
                return saved;
            });
        } catch (DataIntegrityViolationException duplicate) {
            return messages.findByMessageId(id).orElseThrow(() -> duplicate);
        }
    }

    /**
     * A dispatch failed (its transaction is rolled back): counted in a transaction of its own; the message
     * stays STORED for the next poll until the last try, then it is set aside and answered.
     */
    void dispatchFailed(Long rowId, RuntimeException error) {
        newTx.executeWithoutResult(status -> messages.findById(rowId).ifPresent(row -> {
            if (row.getStatus() != IntakeMessage.Status.STORED) {
                return;
            }
            boolean last = row.dispatchFailed();
            log.warn("Intake message {} could not be handed to the process (try {} of {}): {}", row.getMessageId(),
                    row.getDispatchAttempts(), IntakeMessage.MAX_DISPATCH_ATTEMPTS, error.toString());
            if (last) {
                String reason = "系统多次未能受理这封邮件（" + shorten(error.toString()) + "）";
                row.setAside(reason);
                answer(RawHeaders.read(files, row.getEmlLocation()), "系统暂时无法处理这封邮件");
            }
        }));
    }

    private void answer(RawHeaders headers, String reason) {
        Optional<String> sender = headers.sender();
        if (sender.isEmpty() || sender.get().equalsIgnoreCase(ownAddress) || headers.automatic()) {
            return; // nobody to answer, or an answer would loop (our own mail, a bounce or an auto-reply)
        }
        mail.queue(sender.get(), "intake-unreadable",
                Map.of("subject", headers.subject() == null ? "" : headers.subject(), "reason", reason));
    }

    private static String shorten(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300);
    }

    static Optional<String> addressOf(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            for (InternetAddress address : InternetAddress.parseHeader(header, false)) {
                String a = address.getAddress();
                if (a != null && a.indexOf('@') > 0 && a.indexOf('@') < a.length() - 1) {
                    new InternetAddress(a, true); // strict: a sender we can really answer
                    return Optional.of(a.toLowerCase(Locale.ROOT));
                }
            }
        } catch (AddressException | RuntimeException unreadable) {
            // no answerable address
        }
        return Optional.empty();
    }

    /** The header lines of a stored .eml that matter here, read without the MIME parser. */
    record RawHeaders(Optional<String> sender, String subject, String messageId, boolean automatic) {

        static RawHeaders read(FileStore files, String location) {
            try (InputStream in = files.open(location)) {
                InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(in.readNBytes(HEADER_BYTES)));
                Optional<String> sender = addressOf(headers.getHeader("From", ","));
                if (sender.isEmpty()) {
                    sender = addressOf(headers.getHeader("Reply-To", ","));
                }
                String subject = headers.getHeader("Subject", null);
                String messageId = headers.getHeader("Message-ID", null);
                String autoSubmitted = headers.getHeader("Auto-Submitted", null);
                boolean automatic = (autoSubmitted != null && !autoSubmitted.strip().equalsIgnoreCase("no"))
                        || sender.map(s -> s.startsWith("mailer-daemon@") || s.startsWith("postmaster@")).orElse(false);
                return new RawHeaders(sender, decoded(subject), messageId == null || messageId.isBlank() ? null
                        : shortId(messageId.strip()), automatic);
            } catch (Exception | StackOverflowError unreadable) {
                return new RawHeaders(Optional.empty(), null, null, false);
            }
        }

        private static String shortId(String id) {
            return id.length() > 500 ? id.substring(0, 500) : id;
        }

        private static String decoded(String subject) {
            if (subject == null) {
                return null;
            }
            String text;
            try {
                text = MimeUtility.decodeText(MimeUtility.unfold(subject));
            } catch (Exception undecodable) {
                text = subject;
            }
            return text.length() > 1000 ? text.substring(0, 1000) : text;
        }
    }
}
