package io.laurel.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A message received in the intake mailbox. It is written (with its raw .eml and attachments already in
 * the file store) before any process starts; {@code messageId} is unique, so it is handled once.
 */
@Entity
@Table(name = "intake_message")
public class IntakeMessage {

    public enum Status {
        /** Originals stored; no process has seen it yet (a crash here is recovered by the next poll). */
        STORED,
        /** Started a package-intake instance or was correlated to a waiting one. */
        DISPATCHED,
        /**
         * Cannot be read (broken MIME, no sender, ...) or could not be handed on after {@link #MAX_DISPATCH_ATTEMPTS}
         * tries: kept as it came, answered where a sender can be read, listed for staff (GET /api/intake/set-aside).
         */
        SET_ASIDE
    }

    /** Dispatch tries before a message is set aside: one that fails each time must not be tried on every poll. */
    static final int MAX_DISPATCH_ATTEMPTS = 3;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "message_id", nullable = false, length = 500)
    private String messageId;

    @Column(name = "package_id")
    private Long packageId;

    @Column(nullable = false, length = 320)
    private String sender;

    @Column(length = 1000)
    private String subject;

    @Lob
    @Column(name = "body_text", length = Integer.MAX_VALUE)
    private String bodyText;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "eml_sha256", nullable = false, length = 64)
    private String emlSha256;

    @Column(name = "eml_location", nullable = false, length = 500)
    private String emlLocation;

    @Column(name = "eml_size", nullable = false)
    private long emlSize;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status = Status.STORED;

    /** Why the message was set aside (Chinese, for staff and the sender's answer). */
    @Column(length = 2000)
    private String problem;

    @Column(name = "dispatch_attempts", nullable = false)
    private int dispatchAttempts;

    protected IntakeMessage() {
    }

    public IntakeMessage(String messageId, String sender, String subject, String bodyText, Instant receivedAt,
            String emlSha256, String emlLocation, long emlSize) {
        this.messageId = messageId;
        this.sender = sender;
        this.subject = subject;
        this.bodyText = bodyText;
        this.receivedAt = receivedAt;
        this.emlSha256 = emlSha256;
        this.emlLocation = emlLocation;
        this.emlSize = emlSize;
    }

    public void dispatched(Long packageId) {
        this.packageId = packageId;
        this.status = Status.DISPATCHED;
    }

    /** Kept as it came but not handed to the process: staff look at it. */
    public void setAside(String reason) {
        this.status = Status.SET_ASIDE;
        this.problem = reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 2000);
    }

    /** One more failed dispatch; true when it was the last one allowed. */
    boolean dispatchFailed() {
        dispatchAttempts++;
        return dispatchAttempts >= MAX_DISPATCH_ATTEMPTS;
    }

    public String getProblem() {
        return problem;
    }

    public int getDispatchAttempts() {
        return dispatchAttempts;
    }

    public Long getId() {
        return id;
    }

    public String getMessageId() {
        return messageId;
    }

    public Long getPackageId() {
        return packageId;
    }

    public String getSender() {
        return sender;
    }

    public String getSubject() {
        return subject;
    }

    public String getBodyText() {
        return bodyText;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public String getEmlSha256() {
        return emlSha256;
    }

    public String getEmlLocation() {
        return emlLocation;
    }

    public long getEmlSize() {
        return emlSize;
    }

    public Status getStatus() {
        return status;
    }
}
