package io.laurel.intake;

import io.laurel.files.FileStore;
import io.laurel.files.StoredFile;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps a received message before anything else happens to it: the raw .eml and every attachment go to
 * the file store (streamed through a temporary file, never whole in memory), then one
 * {@code intake_message} row and its {@code intake_file} rows are committed. The unique Message-ID makes
 * a second store of the same message return the first row.
 */
@Component
public class MessageStore {

    private static final int MAX_BODY_CHARS = 20_000;
    /** The MIME parser reads the stored .eml through this buffer (its default is 2 KB: a system call per 2 KB). */
    private static final int READ_BUFFER = 64 * 1024;

    private final FileStore files;
    private final IntakeMessageRepository messages;
    private final IntakeFileRepository intakeFiles;
    private final TransactionTemplate tx;
    private final Session session = Session.getInstance(new Properties());

    MessageStore(FileStore files, IntakeMessageRepository messages, IntakeFileRepository intakeFiles,
            TransactionTemplate tx) {
        this.files = files;
        this.messages = messages;
        this.intakeFiles = intakeFiles;
        this.tx = tx;
    }

    /**
     * Stores a message read from the mailbox; {@code messageId} as given by {@link #messageIdOf}. The raw
     * message goes straight from the IMAP stream into the file store, hashed on the way, and is parsed from
     * there: each byte is written once, with no temporary copy read back to store and hash it.
     */
    public IntakeMessage store(MimeMessage message, String messageId) throws IOException, MessagingException {
        return storeParsed(files.write(message::writeTo), messageId);
    }

    /** Stores a raw .eml file (also used by the benchmark and tests). */
    public IntakeMessage storeRaw(Path eml, String messageId) throws IOException, MessagingException {
        StoredFile raw;
        try (InputStream in = Files.newInputStream(eml)) {
            raw = files.store(in);
        }
        return storeParsed(raw, messageId);
    }

    private IntakeMessage storeParsed(StoredFile raw, String messageId) throws IOException, MessagingException {
        // parsed from the stored file: the parts are windows on it, never copies in the heap
        SharedFileInputStream shared = new SharedFileInputStream(files.path(raw.location()).toFile(), READ_BUFFER);
        try {
            MimeMessage parsed = new MimeMessage(session, shared);
            String id = messageId != null ? messageId : messageIdOf(parsed, raw.sha256());
            String sender = senderOf(parsed);
            String subject = parsed.getSubject();
            List<Attachment> attachments = new ArrayList<>();
            StringBuilder body = new StringBuilder();
            walk(parsed, attachments, body);
            Instant now = ClockUtil.getCurrentTime().toInstant();
            try {
                return tx.execute(status -> {
                    IntakeMessage saved = messages.saveAndFlush(new IntakeMessage(id, sender, truncate(subject, 1000),
                            truncate(body.toString(), MAX_BODY_CHARS), now, raw.sha256(), raw.location(),
                            raw.sizeBytes()));
                    for (Attachment a : attachments) {
                        intakeFiles.save(new IntakeFile(saved.getId(), IntakeFile.ATTACHMENT, a.name, a.contentType,
                                a.stored.sizeBytes(), a.stored.sha256(), a.stored.location()));
                    }
                    return saved;
                });
            } catch (DataIntegrityViolationException duplicate) {
                return messages.findByMessageId(id).orElseThrow(() -> duplicate);
            }
        } finally {
            shared.close();
        }
    }

    public static String messageIdOf(MimeMessage message, String fallbackSha256) throws MessagingException {
        String id = message.getMessageID();
        if (id == null || id.isBlank()) {
            return "<" + fallbackSha256 + "@no-message-id.laurel>";
        }
        id = id.strip();
        return id.length() > 500 ? id.substring(0, 500) : id;
    }

    private void walk(Part part, List<Attachment> attachments, StringBuilder body)
            throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), attachments, body);
            }
            return;
        }
        String fileName = part.getFileName();
        if (fileName != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            String name = decode(fileName == null ? "attachment" : fileName);
            StoredFile stored = storeContent(part);
            attachments.add(new Attachment(name, baseType(part.getContentType()), stored));
        } else if (part.isMimeType("text/plain") && body.length() < MAX_BODY_CHARS) {
            body.append(part.getContent()).append('\n');
        }
    }

    /** An attachment's decoded content into the file store; base64 through {@link Base64Attachments}. */
    private StoredFile storeContent(Part part) throws MessagingException, IOException {
        if (part instanceof MimeBodyPart body && "base64".equalsIgnoreCase(body.getEncoding())) {
            try {
                return files.write(out -> {
                    try (InputStream raw = body.getRawInputStream()) {
                        Base64Attachments.decode(raw, out);
                    }
                });
            } catch (IllegalArgumentException irregular) {
                // not plain base64: JavaMail's decoder, as before (the partial file is gone)
            }
        }
        try (InputStream in = part.getInputStream()) {
            return files.store(in);
        }
    }

    private static String decode(String name) {
        try {
            return MimeUtility.decodeText(name);
        } catch (UnsupportedEncodingException e) {
            return name;
        }
    }

    private static String baseType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        return truncate((semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT), 200);
    }

    private static String senderOf(MimeMessage message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null || from.length == 0) {
            return "unknown@unknown";
        }
        return from[0] instanceof InternetAddress address ? address.getAddress().toLowerCase(Locale.ROOT)
                : from[0].toString();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private record Attachment(String name, String contentType, StoredFile stored) {
    }
}
