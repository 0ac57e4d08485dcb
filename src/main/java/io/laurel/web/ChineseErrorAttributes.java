package io.laurel.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * The body of every error that reaches Spring Boot's {@code /error} (refusals the API's handlers never see:
 * Tomcat's size limits, unknown paths, methods and content types) in the app's error schema
 * ({@link ApiError}: status, error, message) with a Chinese message, instead of Spring's English
 * {@code timestamp/error/path}.
 */
@Component
class ChineseErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> spring = super.getErrorAttributes(request, ErrorAttributeOptions.defaults());
        int status = spring.get("status") instanceof Integer s ? s : 500;
        HttpStatus known = HttpStatus.resolve(status);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", known == null ? "error" : known.name().toLowerCase(Locale.ROOT));
        body.put("message", message(status));
        return body;
    }

    static String message(int status) {
        return switch (status) {
            case 400 -> "请求不合法,请检查提交的内容";
            case 401 -> "需要登录:请使用 HTTP Basic 认证提供用户名和密码";
            case 403 -> "无权访问:当前用户所在的组不能执行此操作";
            case 404 -> "请求的地址不存在";
            case 405 -> "此地址不支持该请求方法";
            case 406 -> "无法按请求的格式(Accept)回答,本接口返回 JSON";
            case 413 -> "上传内容过大:每个文件不超过 60 MB,每次请求不超过 200 MB";
            case 415 -> "不支持的请求内容类型:JSON 接口请用 application/json,上传文件请用 multipart/form-data";
            case 429 -> "请求过于频繁,请稍后再试";
            default -> status >= 500 ? "服务器内部错误,请稍后再试;如果一再发生,请联系系统管理员" : "请求未能完成";
        };
    }
}
