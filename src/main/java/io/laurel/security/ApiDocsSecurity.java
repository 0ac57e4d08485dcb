package io.laurel.security;

import static io.laurel.identity.LaurelGroups.ADMIN;
import static io.laurel.identity.LaurelGroups.ASSOCIATION_STAFF;
import static io.laurel.identity.LaurelGroups.COMMITTEE;
import static io.laurel.identity.LaurelGroups.DEPARTMENT_HEADS;
import static io.laurel.identity.LaurelGroups.HR;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API description ({@code /v3/api-docs}) and Swagger UI: for logged-in staff only (HTTP basic against
 * Camunda's users, so the browser asks for the same name and password as the Tasklist). Before the catch-all
 * chain of {@link SecurityConfiguration}, which lets everything through to the Camunda web apps.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain apiDocs(HttpSecurity http, JsonSecurityErrors errors,
            CamundaUserAuthenticationProvider users) throws Exception {
        return http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                .authenticationProvider(users)
                .authorizeHttpRequests(auth -> auth.anyRequest()
                        .hasAnyAuthority(HR, ASSOCIATION_STAFF, DEPARTMENT_HEADS, COMMITTEE, ADMIN))
                .httpBasic(basic -> basic.authenticationEntryPoint(errors.unauthenticated()))
                .exceptionHandling(e -> e.authenticationEntryPoint(errors.unauthenticated())
                        .accessDeniedHandler(errors.forbidden()))
                // Read-only pages; basic auth is sent with every request, so there is no session to protect.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
