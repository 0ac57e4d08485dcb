package io.laurel.portal;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The public pages: no login, but CSRF protection on every form (the token lives in the visitor's session
 * and Thymeleaf puts it into each {@code th:action} form). Ordered after the API and actuator chains and
 * before the catch-all chain of {@code security/SecurityConfiguration}, which stays as it is for the
 * Camunda web apps and the engine REST API.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

    static final String CSRF_REFUSED = "表单已失效(缺少或过期的安全令牌),内容未提交。请返回页面刷新后重新填写提交。";
    static final String[] PATHS = {"/campaigns", "/campaigns/**", "/portal/**"};

    @Bean
    @Order(2)
    SecurityFilterChain portal(HttpSecurity http, ITemplateEngine templates) throws Exception {
        return http.securityMatcher(PATHS)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> {
                    // A form without (or with an expired) token: a Chinese page, not the container's 403.
                    response.setStatus(403);
                    response.setContentType("text/html;charset=UTF-8");
                    var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                            .buildExchange(request, response);
                    templates.process("portal/error", new WebContext(exchange, Locale.SIMPLIFIED_CHINESE, Map.of(
                            "status", 403, "message", denied instanceof CsrfException ? CSRF_REFUSED : "拒绝访问")),
                            response.getWriter());
                }))
                .headers(h -> h.frameOptions(f -> f.deny())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; form-action 'self'; "
                                        + "frame-ancestors 'none'")))
                .build();
    }
}
