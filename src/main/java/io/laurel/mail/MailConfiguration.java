package io.laurel.mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    /**
     * Its own bounded pool: a slow mail server must not hold up Camunda's job executor or web threads, and a
     * burst (thousands of vote codes) is sent by {@code laurel.mail.senders} connections in parallel.
     */
    @Bean
    MailLanes mailLanes(@Value("${laurel.mail.senders:8}") int senders,
            @Value("${laurel.mail.lane-queue-capacity:20000}") int queueCapacity) {
        nameStreamProvider();
        return MailLanes.of(senders, queueCapacity);
    }

    /**
     * Jakarta Mail API 2.1 looks up its {@code StreamProvider} with a ServiceLoader on every call (every encoded
     * subject word, every personal name of an address, every body encoding; jakartaee/mail-api#861): a scan of
     * every jar on the class path, a third of a mail lane's CPU in benchmark P6's profile. Naming the provider
     * (Angus Mail's, the implementation Spring Boot brings) in the system property the API reads first turns
     * that into a class lookup. Left alone if someone set it.
     */
    static void nameStreamProvider() {
        if (System.getProperty(STREAM_PROVIDER) == null
                && ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, MailConfiguration.class.getClassLoader())) {
            System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        }
    }
}
