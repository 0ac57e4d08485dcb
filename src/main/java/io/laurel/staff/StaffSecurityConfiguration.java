package io.laurel.staff;

import static io.laurel.identity.LaurelGroups.ADMIN;
import static io.laurel.identity.LaurelGroups.ASSOCIATION_STAFF;
import static io.laurel.identity.LaurelGroups.HR;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The console's own chain: a session with a form login against Camunda's users (the same provider as the API),
 * CSRF tokens on every form, a Chinese 403 page. Staff pages are for hr, association-staff and camunda-admin;
 * the task-material pages under {@code /staff/tasks} and {@code /staff/nominations} are for any logged-in user
 * and authorised per task by their controllers.
 */
@Configuration(proxyBeanMethods = false)
class StaffSecurityConfiguration {

    static final String[] PATHS = {"/staff", "/staff/**"};

    @Bean
    @Order(2)
    SecurityFilterChain staff(HttpSecurity http, AuthenticationProvider camundaUsers, CamundaWebappSession camunda,
            ITemplateEngine templates) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler toPage = new SavedRequestAwareAuthenticationSuccessHandler();
        toPage.setDefaultTargetUrl("/staff");
        return http.securityMatcher(PATHS)
                .authenticationProvider(camundaUsers)
                .addFilterAfter(camunda.bridge(), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/staff/login", "/staff/invitation", "/staff/assets/**").permitAll()
                        .requestMatchers("/staff/tasks/**", "/staff/nominations/**").authenticated()
                        .anyRequest().hasAnyAuthority(HR, ASSOCIATION_STAFF, ADMIN))
                .formLogin(form -> form.loginPage("/staff/login").loginProcessingUrl("/staff/login")
                        .failureUrl("/staff/login?error")
                        .successHandler((request, response, authentication) -> {
                            camunda.signIn(request, authentication.getName());
                            toPage.onAuthenticationSuccess(request, response, authentication);
                        }))
                .logout(logout -> logout.logoutUrl("/staff/logout").logoutSuccessUrl("/staff/login?logout")
                        .invalidateHttpSession(true))
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> {
                    response.setStatus(403);
                    response.setContentType("text/html;charset=UTF-8");
                    var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                            .buildExchange(request, response);
                    String user = request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName();
                    templates.process("staff/forbidden", new WebContext(exchange, Locale.SIMPLIFIED_CHINESE,
                            Map.of("user", user == null ? "" : user, "currentUser", user == null ? "" : user,
                                    "isAdmin", false, "isStaff", false, "isHead", false,
                                    "reason", denied instanceof CampaignOperatorGuard.NotTheOperator
                                            ? denied.getMessage() : "",
                                    // Rendered outside Spring MVC: th:action adds no token here, the page does.
                                    "manualCsrf", true)), response.getWriter());
                }))
                .headers(h -> h.frameOptions(f -> f.deny())
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self' 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")))
                .build();
    }
}
