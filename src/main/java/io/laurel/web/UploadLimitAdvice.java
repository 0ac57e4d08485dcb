package io.laurel.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * 413 of the API for uploads over Spring's multipart limits. The limit is hit while the request is parsed,
 * before any controller is chosen, so {@link ApiExceptionHandler} (limited to Laurel's controllers) never
 * sees it; Spring's fallback sends the request to {@code /error}, which parses the same oversized multipart
 * body again and fails, and the client got a 413 with an empty body. Answered here, for {@code /api} only (the
 * portal answers its pages itself).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request)
            throws MaxUploadSizeExceededException {
        if (!request.getRequestURI().startsWith("/api/")) {
            throw e; // not ours: the next resolver answers as before
        }
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(ApiError.of(413, "payload_too_large", ChineseErrorAttributes.message(413)));
    }
}
