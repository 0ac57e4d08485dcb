package io.laurel.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real SMTP + IMAP server inside the application (GreenMail), so the demo's whole mail loop works on
 * one machine with no set-up. Mail to any address is accepted and kept in that address's mailbox.
 */
public class EmbeddedMailServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

    private final EmbeddedMailProperties properties;
    private GreenMail greenMail;

    EmbeddedMailServer(EmbeddedMailProperties properties) {
        this.properties = properties;
    }

    void start() {
        ServerSetup smtp = setup(properties.smtpPort(), ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = setup(properties.imapPort(), ServerSetup.PROTOCOL_IMAP);
        greenMail = new GreenMail(new ServerSetup[] {smtp, imap});
        greenMail.start();
        greenMail.setUser(properties.mailbox(), properties.mailbox(), properties.mailboxPassword());
        log.info("Embedded mail server: SMTP {}:{}, IMAP {}:{}, mailbox {}", properties.host(), smtpPort(),
                properties.host(), imapPort(), properties.mailbox());
    }

    private ServerSetup setup(int port, String protocol) {
        ServerSetup setup = new ServerSetup(port, properties.host(), protocol);
        return port == 0 ? setup.dynamicPort() : setup;
    }

    void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    public String host() {
        return properties.host();
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    public String mailbox() {
        return properties.mailbox();
    }

    public String mailboxPassword() {
        return properties.mailboxPassword();
    }
}
