package io.laurel.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers outbox mails: right after the queuing transaction commits, and again from a periodic sweep
 * for mails whose earlier attempt failed or whose sending node died. Sending runs on {@link MailLanes} (parallel,
 * in order per recipient). A mail is claimed with an optimistic lock before it is sent, so in a cluster, and
 * when the sweep meets a mail still waiting in a lane, each mail goes out once.
 *
 * <p>A lane sends over one SMTP connection for as long as it has mails queued (a burst of 10,000 code mails is
 * not 10,000 connects, greetings and QUITs) and closes it when its queue runs empty. A mail whose send fails on a
 * connection kept from an earlier mail (the server may have dropped it) is tried once more on a fresh one.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int SWEEP_BATCH = 100;

    private final OutboxRepository outbox;
    private final JavaMailSender mailSender;
    private final TransactionTemplate tx;
    private final MailLanes lanes;
    private final MailProperties properties;
    private final Clock clock;

    OutboxSender(OutboxRepository outbox, JavaMailSender mailSender, TransactionTemplate tx,
            MailLanes lanes, MailProperties properties, Clock clock) {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.tx = tx;
        this.lanes = lanes;
        this.properties = properties;
        this.clock = clock;
        lanes.onIdle(OutboxSender::closeLaneConnection);
    }

    /** The SMTP connection a lane keeps while it has mails queued (lane threads only). */
    private static final ThreadLocal<Transport> LANE_CONNECTION = new ThreadLocal<>();

    /** Sends the mail on its recipient's lane (in order with the recipient's other mails). */
    void deliverSoon(Long id, String recipient) {
        lanes.execute(recipient, () -> deliver(id));
    }

    /** Sends every due mail; returns how many were sent. Runs on a schedule and may be called directly. */
    @Scheduled(fixedDelayString = "${laurel.mail.retry.poll-interval:PT30S}", initialDelayString = "PT10S")
    public int deliverDue() {
        var due = outbox.findDueIds(EnumSet.of(OutboxStatus.PENDING, OutboxStatus.SENDING), clock.instant(),
                PageRequest.of(0, SWEEP_BATCH));
        int sent = 0;
        for (Long id : due) {
            if (deliver(id)) {
                sent++;
            }
        }
        return sent;
    }

    /** Claims, sends and records one mail; false when another node has it or it failed this time. */
    boolean deliver(Long id) {
        Optional<OutboxMail> claimed = claim(id);
        if (claimed.isEmpty()) {
            return false;
        }
        OutboxMail mail = claimed.get();
        try {
            send(toMime(mail));
            tx.executeWithoutResult(s -> outbox.findById(id).ifPresent(m -> m.sent(clock.instant())));
            log.info("Mail {} '{}' sent to {}", id, mail.getSubject(), mail.getRecipient());
            return true;
        } catch (Exception e) {
            Instant retryAt = mail.getAttempts() >= properties.retry().maxAttempts() ? null
                    : clock.instant().plus(properties.retry().backoff(mail.getAttempts()));
            tx.executeWithoutResult(s -> outbox.findById(id).ifPresent(m -> m.failed(e.toString(), retryAt)));
            log.warn("Mail {} to {} failed (attempt {}), {}: {}", id, mail.getRecipient(), mail.getAttempts(),
                    retryAt == null ? "giving up" : "retry at " + retryAt, e.toString());
            return false;
        }
    }

    /** Sends a mail of the caller's transaction right away; exceptions go to the caller. */
    void sendNow(OutboxMail mail) {
        try {
            mailSender.send(toMime(mail));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Mail to " + mail.getRecipient() + " could not be built", e);
        }
        mail.claim(clock.instant(), properties.retry().lease());
        mail.sent(clock.instant());
        log.info("Mail {} '{}' sent to {}", mail.getId(), mail.getSubject(), mail.getRecipient());
    }

    /** On a lane: over the lane's kept connection (opened if there is none); elsewhere: one connection per mail. */
    private void send(MimeMessage message) throws MessagingException {
        if (!(mailSender instanceof JavaMailSenderImpl impl) || !MailLanes.onLane()) {
            mailSender.send(message);
            return;
        }
        // What JavaMailSenderImpl.send does before sending, keeping our Message-ID (saveChanges replaces it).
        if (message.getSentDate() == null) {
            message.setSentDate(Date.from(clock.instant()));
        }
        String messageId = message.getMessageID();
        message.saveChanges();
        if (messageId != null) {
            message.setHeader("Message-ID", messageId);
        }
        Transport kept = LANE_CONNECTION.get();
        if (kept != null) {
            try {
                kept.sendMessage(message, message.getAllRecipients());
                return;
            } catch (MessagingException staleOrRefused) {
                // Dropped by the server since the last mail, or refused: once more on a fresh connection.
                closeLaneConnection();
            }
        }
        Transport fresh = impl.getSession().getTransport(impl.getProtocol() == null ? "smtp" : impl.getProtocol());
        // As JavaMailSenderImpl does: an empty user name means "no authentication", not an empty login.
        String user = impl.getUsername() == null || impl.getUsername().isEmpty() ? null : impl.getUsername();
        String password = user == null && (impl.getPassword() == null || impl.getPassword().isEmpty()) ? null
                : impl.getPassword();
        fresh.connect(impl.getHost(), impl.getPort(), user, password);
        LANE_CONNECTION.set(fresh);
        try {
            fresh.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            closeLaneConnection();
            throw e;
        }
    }

    /** Closes the calling lane's kept connection (its queue ran empty, or the connection failed). */
    static void closeLaneConnection() {
        Transport kept = LANE_CONNECTION.get();
        LANE_CONNECTION.remove();
        if (kept != null) {
            try {
                kept.close();
            } catch (MessagingException e) {
                log.debug("Closing a lane's SMTP connection: {}", e.toString());
            }
        }
    }

    private Optional<OutboxMail> claim(Long id) {
        try {
            return Optional.ofNullable(tx.execute(s -> {
                OutboxMail mail = outbox.findById(id).orElse(null);
                Instant now = clock.instant();
                if (mail == null || mail.getStatus() == OutboxStatus.SENT || mail.getStatus() == OutboxStatus.FAILED
                        || mail.getNextAttemptAt().isAfter(now)) {
                    return null;
                }
                mail.claim(now, properties.retry().lease());
                outbox.flush();
                return mail;
            }));
        } catch (ObjectOptimisticLockingFailureException e) {
            return Optional.empty();
        }
    }

    private MimeMessage toMime(OutboxMail mail) throws Exception {
        MimeMessage message = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(mail.getRecipient());
        helper.setSubject(mail.getSubject());
        helper.setText(mail.getBody(), true);
        // Sending and recording "sent" cannot be one transaction: a crash in between sends the mail again on the
        // next sweep. Every attempt of one outbox row carries the same Message-ID, so a client can drop the copy.
        message.setHeader("Message-ID", messageId(mail, properties.from()));
        return message;
    }

    /** The idempotency key of an outbox mail: its row id and creation time, at the sender's domain. */
    static String messageId(OutboxMail mail, String from) {
        String domain = "laurel.local";
        try {
            String address = new InternetAddress(from).getAddress();
            if (address != null && address.indexOf('@') > 0) {
                domain = address.substring(address.indexOf('@') + 1);
            }
        } catch (AddressException malformed) {
            // the default domain still makes a unique id
        }
        long created = mail.getCreatedAt() == null ? 0 : mail.getCreatedAt().getEpochSecond();
        return "<outbox-" + mail.getId() + "." + created + "@" + domain + ">";
    }
}
