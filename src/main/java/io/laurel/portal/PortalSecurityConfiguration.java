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
    static final String TOO_LARGE = "上传内容过大(每个文件不超过 60 MB,一次合计不超过 200 MB),表单未提交。请压缩文件后重新提交。";
    /** Set by Tomcat when it could not read the request's parameters (e.g. a body over the multipart limits). */
    static final String PARSE_FAILED = "org.apache.catalina.parameter_parse_failed";
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
                    String message = denied instanceof CsrfException ? CSRF_REFUSED : "拒绝访问";
                    // Tomcat gives up reading a multipart body over spring.servlet.multipart.* limits, so the
                    // token is missing then too: say what really happened.
                    if (request.getAttribute(PARSE_FAILED) != null) {
                        response.setStatus(413);
                        message = TOO_LARGE;
                    }
                    templates.process("portal/error", new WebContext(exchange, Locale.SIMPLIFIED_CHINESE, Map.of(
                            "status", response.getStatus(), "message", message)), response.getWriter());
                }))
                .headers(h -> h.frameOptions(f -> f.deny())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; form-action 'self'; "
                                        + "frame-ancestors 'none'")))
                .build();
    }
}
