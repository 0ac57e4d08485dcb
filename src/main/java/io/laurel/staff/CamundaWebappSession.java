package io.laurel.staff;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One login for the console and Camunda's web apps. Both live in the same servlet context, so they share the
 * HTTP session: a console login also writes Camunda's own session authentication (Tasklist, Cockpit and Admin
 * open without a second login), and a Camunda login is accepted by the console (this filter reads it).
 * Logging out of either invalidates the one session.
 */
@Component
class CamundaWebappSession {

    private final ProcessEngine engine;

    CamundaWebappSession(ProcessEngine engine) {
        this.engine = engine;
    }

    /** After a console login: the same user, with groups and app permissions, in Camunda's session entry. */
    void signIn(HttpServletRequest request, String userId) {
        HttpSession session = request.getSession();
        UserAuthentication authentication = AuthenticationUtil.createAuthentication(engine, userId);
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        authentications.addOrReplace(authentication);
        AuthenticationUtil.updateSession(session, authentications);
    }

    /** Accepts a login made in the Camunda web apps for the console's request. */
    OncePerRequestFilter bridge() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                var current = SecurityContextHolder.getContext().getAuthentication();
                if (session != null && (current == null || !current.isAuthenticated()
                        || "anonymousUser".equals(current.getName()))) {
                    Authentication camunda = AuthenticationUtil.getAuthsFromSession(session)
                            .getAuthenticationForProcessEngine(engine.getName());
                    if (camunda instanceof UserAuthentication user) {
                        List<SimpleGrantedAuthority> groups = user.getGroupIds() == null ? List.of()
                                : user.getGroupIds().stream().map(SimpleGrantedAuthority::new).toList();
                        var context = SecurityContextHolder.createEmptyContext();
                        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getName(),
                                null, groups));
                        SecurityContextHolder.setContext(context);
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }
}
