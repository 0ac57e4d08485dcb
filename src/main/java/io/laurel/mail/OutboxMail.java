package io.laurel.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/** A rendered mail waiting to be delivered, and afterwards the record that it was. */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 500)
    private String recipient;

    @Column(nullable = false, length = 500)
    private String subject;

    @Column(nullable = false, length = 100)
    private String template;

    @Lob
    @Column(nullable = false, length = Integer.MAX_VALUE)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OutboxStatus status = OutboxStatus.PENDING;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    /** Optimistic lock: two nodes may both see a due mail, only one claim wins. */
    @Version
    private long version;

    protected OutboxMail() {
    }

    OutboxMail(String recipient, String subject, String template, String body, Instant now) {
        this.recipient = recipient;
        this.subject = subject;
        this.template = template;
        this.body = body;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    void claim(Instant now, Duration lease) {
        status = OutboxStatus.SENDING;
        attempts++;
        nextAttemptAt = now.plus(lease);
    }

    void sent(Instant now) {
        status = OutboxStatus.SENT;
        sentAt = now;
        lastError = null;
    }

    void failed(String error, Instant retryAt) {
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
        if (retryAt == null) {
            status = OutboxStatus.FAILED;
        } else {
            status = OutboxStatus.PENDING;
            nextAttemptAt = retryAt;
        }
    }

    public Long getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getTemplate() {
        return template;
    }

    public String getBody() {
        return body;
    }

    public OutboxStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
