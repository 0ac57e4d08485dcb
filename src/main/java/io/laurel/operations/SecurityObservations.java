package io.laurel.operations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security observes each request's filter chain by default: a Micrometer observation around the chain
 * with an event before and after each of its ~12 filters. Nothing reads those (no tracing; Prometheus only
 * gets {@code spring_security_filterchains_*} timers that duplicate {@code http_server_requests}), but on the
 * public vote it was 8 % of the request threads' CPU (async-profiler, benchmark P6 on H2: Micrometer's
 * {@code SimpleObservation.event/start/stop} under {@code ObservationFilterChainDecorator}, ~0.14 ms per vote).
 * Authentications and authorizations are still observed, and {@code http.server.requests} is untouched.
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservations {

    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build();
    }
}
