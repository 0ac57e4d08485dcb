package io.laurel.mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    /**
     * Its own bounded pool: a slow mail server must not hold up Camunda's job executor or web threads, and a
     * burst (thousands of vote codes) is sent by {@code laurel.mail.senders} connections in parallel.
     */
    @Bean
    MailLanes mailLanes(@Value("${laurel.mail.senders:8}") int senders,
            @Value("${laurel.mail.lane-queue-capacity:20000}") int queueCapacity) {
        return MailLanes.of(senders, queueCapacity);
    }
}
