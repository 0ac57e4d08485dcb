package io.laurel.intake;

import io.laurel.files.FileStore;
import io.laurel.files.StoredFile;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps a received message before anything else happens to it: the raw .eml and every attachment go to
 * the file store (streamed through a temporary file, never whole in memory), then one
 * {@code intake_message} row and its {@code intake_file} rows are committed. The unique Message-ID, and the
 * content hash of the .eml, make a second store of the same message return the first row. A message the MIME
 * parser cannot read (or without a sender to answer) is kept as it came and set aside ({@link SetAsideMails}).
 */
@Component
public class MessageStore {

    private static final int MAX_BODY_CHARS = 20_000;
    /** The MIME parser reads the stored .eml through this buffer (its default is 2 KB: a system call per 2 KB). */
    private static final int READ_BUFFER = 64 * 1024;

    /** Header bytes before the first empty line; more is no mail a client writes (and would all sit in the heap). */
    static final int MAX_HEADER_BYTES = 256 * 1024;
    /** Multipart levels: real clients nest 3–4 (mixed, alternative, related); more is a loop or an attack. */
    static final int MAX_DEPTH = 12;

    private final FileStore files;
    private final IntakeMessageRepository messages;
    private final IntakeFileRepository intakeFiles;
    private final TransactionTemplate tx;
    private final SetAsideMails setAside;
    private final Clock clock;
    private final Session session = Session.getInstance(strictParsing());

    MessageStore(FileStore files, IntakeMessageRepository messages, IntakeFileRepository intakeFiles,
            TransactionTemplate tx, SetAsideMails setAside, Clock clock) {
        this.files = files;
        this.messages = messages;
        this.intakeFiles = intakeFiles;
        this.tx = tx;
        this.setAside = setAside;
        this.clock = clock;
    }

    /** A multipart without its closing boundary is a truncated mail: read as unreadable, not as complete. */
    private static Properties strictParsing() {
        Properties props = new Properties();
        props.put("mail.mime.multipart.ignoremissingendboundary", "false");
        return props;
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

    private IntakeMessage storeParsed(StoredFile raw, String messageId) throws IOException {
        Optional<IntakeMessage> sameBytes = messages.findFirstByEmlSha256OrderById(raw.sha256());
        if (sameBytes.isPresent()) {
            return sameBytes.get(); // fetched again after a crash, or sent twice without a Message-ID
        }
        Parsed parsed;
        try {
            parsed = parse(raw, messageId);
        } catch (Exception | StackOverflowError unreadable) {
            return setAside.setAside(raw, messageId, Unreadable.reasonOf(unreadable), unreadable);
        }
        Instant now = clock.instant();
        try {
            return tx.execute(status -> {
                IntakeMessage saved = messages.saveAndFlush(new IntakeMessage(parsed.id, parsed.sender,
                        truncate(parsed.subject, 1000), truncate(parsed.body, MAX_BODY_CHARS), now, raw.sha256(),
                        raw.location(), raw.sizeBytes()));
                for (Attachment a : parsed.attachments) {
                    intakeFiles.save(new IntakeFile(saved.getId(), IntakeFile.ATTACHMENT, a.name, a.contentType,
                            a.stored.sizeBytes(), a.stored.sha256(), a.stored.location()));
                }
                return saved;
            });
        } catch (DataIntegrityViolationException duplicate) {
            return messages.findByMessageId(parsed.id).orElseThrow(() -> duplicate);
        }
    }

    /** Reads the stored .eml: sender, subject, body text, and every attachment into the file store. */
    private Parsed parse(StoredFile raw, String messageId) throws IOException, MessagingException {
        checkHeaderSize(raw);
        // parsed from the stored file: the parts are windows on it, never copies in the heap
        SharedFileInputStream shared = new SharedFileInputStream(files.path(raw.location()).toFile(), READ_BUFFER);
        try {
            MimeMessage parsed = new MimeMessage(session, shared);
            String id = messageId != null ? messageId : messageIdOf(parsed, raw.sha256());
            String sender = senderOf(parsed);
            String subject = parsed.getSubject();
            List<Attachment> attachments = new ArrayList<>();
            StringBuilder body = new StringBuilder();
            walk(parsed, attachments, body, 0);
            return new Parsed(id, sender, subject, body.toString(), attachments);
        } finally {
            shared.close();
        }
    }

    private void checkHeaderSize(StoredFile raw) throws IOException, Unreadable {
        try (InputStream in = files.open(raw.location())) {
            byte[] head = in.readNBytes(MAX_HEADER_BYTES);
            if (head.length == MAX_HEADER_BYTES && !containsBlankLine(head)) {
                throw new Unreadable("邮件头超过 " + MAX_HEADER_BYTES / 1024 + " KB 或邮件正文缺失");
            }
        }
    }

    private static boolean containsBlankLine(byte[] head) {
        for (int i = 0; i + 1 < head.length; i++) {
            if (head[i] == '\n' && (head[i + 1] == '\n' || (head[i + 1] == '\r' && i + 2 < head.length
                    && head[i + 2] == '\n'))) {
                return true;
            }
        }
        return false;
    }

    public static String messageIdOf(MimeMessage message, String fallbackSha256) throws MessagingException {
        String id = message.getMessageID();
        if (id == null || id.isBlank()) {
            return "<" + fallbackSha256 + "@no-message-id.laurel>";
        }
        id = id.strip();
        return id.length() > 500 ? id.substring(0, 500) : id;
    }

    private void walk(Part part, List<Attachment> attachments, StringBuilder body, int depth)
            throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            throw new Unreadable("邮件嵌套超过 " + MAX_DEPTH + " 层");
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), attachments, body, depth + 1);
            }
            return;
        }
        String fileName = part.getFileName();
        if (fileName != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            String name = decode(fileName == null ? "attachment" : fileName);
            StoredFile stored;
            try (InputStream in = part.getInputStream()) {
                stored = files.store(in);
            }
            attachments.add(new Attachment(name, baseType(part.getContentType()), stored));
        } else if (part.isMimeType("text/plain") && body.length() < MAX_BODY_CHARS) {
            body.append(part.getContent()).append('\n');
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

    /** The address to answer; a mail without one is set aside (a receipt to nobody helps nobody). */
    private static String senderOf(MimeMessage message) throws MessagingException {
        return SetAsideMails.addressOf(message.getHeader("From", ",")).orElseThrow(
                () -> new Unreadable("邮件没有可读的发件人地址（From）"));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private record Attachment(String name, String contentType, StoredFile stored) {
    }

    private record Parsed(String id, String sender, String subject, String body, List<Attachment> attachments) {
    }
}
