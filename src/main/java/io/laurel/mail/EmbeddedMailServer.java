package io.laurel.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real SMTP + IMAP server inside the application (GreenMail), so the demo's whole mail loop works on
 * one machine with no set-up. Mail to any address is accepted and kept in that address's mailbox, in memory
 * only: a stop or crash loses what intake has not taken yet, which start-up says in a warning (see
 * docs/durability.md for why Laurel does not make it durable).
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
        log.warn("The embedded mail server is for trying Laurel only: it keeps mail in memory, so mail that intake "
                + "has not yet taken (within one poll interval) is lost if Laurel stops or crashes. For real packages "
                + "use a real mail server (laurel.mail.imap.*, spring.mail.*); see docs/durability.md.");
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
