package io.laurel.security;

import static io.laurel.identity.LaurelGroups.ADMIN;
import static io.laurel.identity.LaurelGroups.ASSOCIATION_STAFF;
import static io.laurel.identity.LaurelGroups.COMMITTEE;
import static io.laurel.identity.LaurelGroups.CONTEST_JUDGES;
import static io.laurel.identity.LaurelGroups.DEPARTMENT_HEADS;
import static io.laurel.identity.LaurelGroups.HR;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. Laurel's API ({@code /api}) is authenticated with HTTP basic against Camunda's users
 * and authorised by Camunda group. The engine REST API ({@code /engine-rest}) is protected by Camunda's
 * own basic-auth filter so that the engine's authorizations apply to the caller. The Camunda web apps
 * keep their own session login. Only health and (later) the public portal are open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, JsonSecurityErrors errors,
            CamundaUserAuthenticationProvider users) throws Exception {
        return http.securityMatcher("/api/**")
                .authenticationProvider(users)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/campaigns").hasAnyAuthority(HR, ASSOCIATION_STAFF, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/campaigns/*/launch").hasAnyAuthority(HR, ASSOCIATION_STAFF, ADMIN)
                        .requestMatchers("/api/campaigns/*/roster").hasAnyAuthority(HR, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/campaigns/*/exports/**").hasAnyAuthority(HR, ASSOCIATION_STAFF, ADMIN)
                        // Portal vote fraud signals name voters' emails and addresses: campaign staff only.
                        .requestMatchers(HttpMethod.GET, "/api/campaigns/*/votes/signals").hasAnyAuthority(HR, ASSOCIATION_STAFF, ADMIN)
                        // Set-aside intake mails name senders and hold what they sent: intake staff only. The mailbox
                        // is the associations' (company presets have no intakeMailbox), so not HR's.
                        .requestMatchers("/api/intake/**").hasAnyAuthority(ASSOCIATION_STAFF, ADMIN)
                        // The skills contest's judges read the contest they score, nothing else of the API.
                        .requestMatchers(HttpMethod.GET, "/api/campaigns/*/contest")
                        .hasAnyAuthority(HR, ASSOCIATION_STAFF, DEPARTMENT_HEADS, COMMITTEE, CONTEST_JUDGES, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasAnyAuthority(HR, ASSOCIATION_STAFF, DEPARTMENT_HEADS, COMMITTEE, ADMIN)
                        .anyRequest().hasAnyAuthority(HR, ASSOCIATION_STAFF, ADMIN))
                .httpBasic(basic -> basic.authenticationEntryPoint(errors.unauthenticated()))
                .exceptionHandling(e -> e.authenticationEntryPoint(errors.unauthenticated())
                        .accessDeniedHandler(errors.forbidden()))
                // Stateless basic-auth API: no session, so no CSRF token to protect.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuator(HttpSecurity http, JsonSecurityErrors errors,
            CamundaUserAuthenticationProvider users,
            @Value("${laurel.metrics.scrape-group:}") String scrapeGroup) throws Exception {
        // Prometheus may scrape as a member of laurel.metrics.scrape-group (a Camunda group); nothing else there.
        String[] scrapers = scrapeGroup.isBlank() ? new String[] {ADMIN} : new String[] {ADMIN, scrapeGroup.strip()};
        return http.securityMatcher("/actuator/**")
                .authenticationProvider(users)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/prometheus").hasAnyAuthority(scrapers)
                        .anyRequest().hasAuthority(ADMIN))
                .httpBasic(basic -> basic.authenticationEntryPoint(errors.unauthenticated()))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /**
     * Everything else: the Camunda web apps (own login and CSRF filter), the engine REST API (Camunda's
     * filter below) and static pages. Spring Security stays out of their way.
     */
    @Bean
    @Order(3)
    SecurityFilterChain rest(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .build();
    }

    /** Before every password check (Spring Security's chains, Camunda's REST filter and web app login). */
    @Bean
    FilterRegistrationBean<LoginThrottle> loginThrottle(Clock clock, ObjectMapper json,
            @Value("${laurel.security.login-throttle.max-failures:20}") int maxFailures,
            @Value("${laurel.security.login-throttle.window:PT15M}") Duration window) {
        FilterRegistrationBean<LoginThrottle> registration =
                new FilterRegistrationBean<>(new LoginThrottle(maxFailures, window, clock, json));
        registration.setName("laurel-login-throttle");
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/actuator/*", "/camunda/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new EngineRestAuthenticationFilter());
        registration.setName("camunda-auth");
        registration.addInitParameter("authentication-provider", EngineRestBasicAuthentication.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}
