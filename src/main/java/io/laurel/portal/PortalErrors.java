package io.laurel.portal;

import io.laurel.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Refusals on the public pages become a Chinese error page with the refusal's status (the API's JSON
 * answers stay for {@code /api}). Form pages catch their own refusals and show them next to the form.
 */
@ControllerAdvice(assignableTypes = {CampaignPageController.class, NominationPageController.class,
        VotePageController.class, NoticePageController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrors {

    @ExceptionHandler(ApiException.class)
    String refused(ApiException e, Model model, HttpServletResponse response) {
        response.setStatus(e.status().value());
        model.addAttribute("status", e.status().value());
        model.addAttribute("message", e.getMessage());
        return "portal/error";
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    String badRequest(Exception e, Model model, HttpServletResponse response) {
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("message", "请求不完整或格式不正确,请返回页面重新填写");
        return "portal/error";
    }
}
