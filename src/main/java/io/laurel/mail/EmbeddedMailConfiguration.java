package io.laurel.mail;

import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Starts the embedded mail server and points the mail sender at it (demo profile and tests). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "laurel.mail.embedded.enabled", havingValue = "true")
class EmbeddedMailConfiguration {

    @Bean(initMethod = "start", destroyMethod = "stop")
    EmbeddedMailServer embeddedMailServer(EmbeddedMailProperties properties) {
        return new EmbeddedMailServer(properties);
    }

    /** Replaces Spring Boot's sender so the port is the one the server actually bound (0 = any free port). */
    @Bean
    JavaMailSender javaMailSender(EmbeddedMailServer server) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(server.host());
        sender.setPort(server.smtpPort());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        return sender;
    }
}
