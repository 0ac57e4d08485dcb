package io.laurel.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of every error answer of {@code /api}: a stable machine code, a Chinese message for
 * people, and the request field at fault when there is one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String error, String message, String field) {

    public static ApiError of(int status, String error, String message) {
        return new ApiError(status, error, message, null);
    }
}
