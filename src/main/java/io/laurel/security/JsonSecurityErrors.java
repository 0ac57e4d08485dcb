package io.laurel.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.laurel.web.ApiError;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 401 and 403 of the API as JSON with a reason, like every other refusal. */
@Component
class JsonSecurityErrors {

    private final ObjectMapper json;

    JsonSecurityErrors(ObjectMapper json) {
        this.json = json;
    }

    AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"laurel\"");
            write(response, ApiError.of(401, "unauthorized", "需要登录:请使用 HTTP Basic 认证提供用户名和密码"));
        };
    }

    AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response,
                ApiError.of(403, "forbidden", "无权访问:当前用户所在的组不能执行此操作"));
    }

    private void write(HttpServletResponse response, ApiError error) throws IOException {
        response.setStatus(error.status());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), error);
    }
}
