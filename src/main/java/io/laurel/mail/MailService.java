package io.laurel.mail;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Queues mails. Each mail has its own template, {@code templates/mail/<template>.html} (zh-CN; the subject is
 * the template's {@code <title>}; greeting, action button and footer from {@code mail/layout}; links through
 * {@code links}, a {@link Links}), and is written to the outbox in the caller's transaction; it is handed
 * to the sender only after that transaction commits, so a rollback sends nothing and a mail server
 * outage loses nothing.
 */
@Service
public class MailService {

    static final Locale ZH_CN = Locale.SIMPLIFIED_CHINESE;
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);

    private final ITemplateEngine templates;
    private final OutboxRepository outbox;
    private final OutboxSender sender;
    private final Clock clock;
    private final Links links;

    MailService(ITemplateEngine templates, OutboxRepository outbox, OutboxSender sender, Clock clock, Links links) {
        this.links = links;
        this.templates = templates;
        this.outbox = outbox;
        this.sender = sender;
        this.clock = clock;
    }

    @Transactional
    public OutboxMail queue(String recipient, String template, Map<String, Object> model) {
        if (recipient == null || recipient.isBlank()) {
            throw new IllegalArgumentException("A mail needs a recipient (template " + template + ")");
        }
        String body = render(template, model);
        OutboxMail mail = outbox.save(new OutboxMail(recipient.trim(), subjectOf(body, template), template, body,
                clock.instant()));
        Long id = mail.getId();
        String to = mail.getRecipient();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sender.deliverSoon(id, to);
            }
        });
        return mail;
    }

    /**
     * For process service tasks (async, retried by the job executor): records and sends the mail now,
     * inside the job's transaction. A failure propagates so the job retries and, in the end, raises an
     * incident in Cockpit; a rollback after sending may send the mail again (at least once, never lost).
     */
    @Transactional
    public OutboxMail sendNow(String recipient, String template, Map<String, Object> model) {
        if (recipient == null || recipient.isBlank()) {
            throw new IllegalArgumentException("A mail needs a recipient (template " + template + ")");
        }
        String body = render(template, model);
        OutboxMail mail = outbox.save(new OutboxMail(recipient.trim(), subjectOf(body, template), template, body,
                clock.instant()));
        sender.sendNow(mail);
        return mail;
    }

    private String render(String template, Map<String, Object> model) {
        Context context = new Context(ZH_CN, model);
        context.setVariable("links", links);
        return templates.process("mail/" + template, context);
    }

    static String subjectOf(String html, String template) {
        Matcher m = TITLE.matcher(html);
        if (!m.find() || m.group(1).isBlank()) {
            throw new IllegalStateException("Mail template " + template + " has no <title> to use as subject");
        }
        return HtmlUtils.htmlUnescape(m.group(1).strip());
    }
}
