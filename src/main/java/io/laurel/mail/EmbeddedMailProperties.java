package io.laurel.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded GreenMail server of the demo profile. A port of 0 lets the operating system choose
 * (used by tests so they never collide with a running demo).
 */
@ConfigurationProperties("laurel.mail.embedded")
public record EmbeddedMailProperties(boolean enabled, String host, int smtpPort, int imapPort, String mailbox,
        String mailboxPassword) {

    public EmbeddedMailProperties {
        host = host == null ? "127.0.0.1" : host;
        mailbox = mailbox == null ? "awards@laurel.local" : mailbox;
        mailboxPassword = mailboxPassword == null ? "demo" : mailboxPassword;
    }
}
