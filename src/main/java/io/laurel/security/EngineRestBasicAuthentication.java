package io.laurel.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * Camunda's HTTP basic provider for {@code /engine-rest}, answering a refused login with a Chinese reason in
 * the body (the stock provider sends an empty 401). Public with a no-argument constructor: Camunda's filter
 * instantiates it by class name.
 */
public class EngineRestBasicAuthentication extends HttpBasicAuthenticationProvider {

    static final String BODY = "{\"status\":401,\"error\":\"unauthorized\",\"message\":"
            + "\"需要登录:请使用 HTTP Basic 认证提供 Camunda 用户名和密码\"}";

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        super.augmentResponseByAuthenticationChallenge(response, engine);
        try {
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentType("application/json");
            response.getOutputStream().write(BODY.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
