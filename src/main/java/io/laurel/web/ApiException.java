package io.laurel.web;

import org.springframework.http.HttpStatus;

/** A request Laurel refuses, with the reason the caller gets back. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String field;

    public ApiException(HttpStatus status, String code, String message, String field) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "bad_request", message, field);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", message, null);
    }

    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, "conflict", message, null);
    }

    /**
     * 400 naming the field when a required text is missing, blank, longer than {@link InputRules#LONG} or holds
     * invisible direction controls; {@code label} says what it is in Chinese. See {@link InputRules}.
     */
    public static void requireText(String value, String field, String label) {
        InputRules.requireText(value, field, label, InputRules.LONG);
    }

    public HttpStatus status() {
        return status;
    }

    public ApiError toError() {
        return new ApiError(status.value(), code, getMessage(), field);
    }
}
