package io.laurel.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code laurel.mail.imap.*}: the intake mailbox (profile mysql reads them from LAUREL_IMAP_*). Unset
 * values fall back to the embedded mail server when it runs ({@code laurel.mail.embedded.enabled=true}).
 */
@ConfigurationProperties("laurel.mail.imap")
public record ImapSettings(String host, Integer port, String user, String password, String folder, Boolean ssl) {

    public ImapSettings {
        folder = folder == null || folder.isBlank() ? "INBOX" : folder;
    }

    public ImapSettings withDefaults(String defaultHost, int defaultPort, String defaultUser, String defaultPassword) {
        return new ImapSettings(host == null || host.isBlank() ? defaultHost : host, port == null ? defaultPort : port,
                user == null || user.isBlank() ? defaultUser : user,
                password == null ? defaultPassword : password, folder, ssl == null ? Boolean.FALSE : ssl);
    }

    public boolean useSsl() {
        return ssl != null && ssl;
    }

    public int portOrDefault() {
        return port != null ? port : useSsl() ? 993 : 143;
    }
}
