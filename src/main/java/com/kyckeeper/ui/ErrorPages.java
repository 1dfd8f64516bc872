package com.kyckeeper.ui;

import com.kyckeeper.shared.FailureLog;
import com.kyckeeper.shared.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.ObjectMapper;

/**
 * The container's error page (/error, replacing Spring Boot's): whatever refused the request (Tomcat, a
 * filter, Spring Security's firewall, MVC), the answer is problem+json without the path, the value or the
 * exception text, or for a browser outside /api the HTML page of that status (a signed-in user's mistyped
 * URL gets the 404 page).
 */
@Controller
class ErrorPages implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);
    private final ObjectMapper json;

    ErrorPages(ObjectMapper json) {
        this.json = json;
    }

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = status(request);
        if (status.is5xxServerError() && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t) {
            FailureLog.unexpected(log, request, t);
        }
        if (wantsPage(request)) {
            String view = status == HttpStatus.NOT_FOUND ? "error/notfound"
                    : status == HttpStatus.FORBIDDEN ? "error/denied" : "error/problem";
            ModelAndView page = new ModelAndView(view, UiModel.commonAttributes(request), status);
            page.addObject("status", status.value());
            return page;
        }
        Problems.write(response, Problems.of(status, "http-" + status.value(), status.getReasonPhrase(),
                status.is5xxServerError() ? "The request failed; it has been logged under its request id"
                        : status.getReasonPhrase()), json);
        return null;
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable t && badRequest(t)) {
            return HttpStatus.BAD_REQUEST;
        }
        HttpStatus status = code instanceof Integer c ? HttpStatus.resolve(c) : null;
        return status == null || status.value() < 400 ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    /** The container's refusal of an unreadable query or form (Tomcat's InvalidParameterException) is the client's. */
    private static boolean badRequest(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("InvalidParameterException")
                    || t.getClass().getSimpleName().equals("RequestRejectedException")) {
                return true;
            }
        }
        return false;
    }

    /** A browser asking for HTML outside /api and /actuator (judged on the path that failed, not on /error). */
    private static boolean wantsPage(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String u ? u : "";
        String accept = request.getHeader("Accept");
        return !path.startsWith(request.getContextPath() + "/api/") && !path.startsWith(request.getContextPath() + "/actuator/")
                && accept != null && accept.contains("text/html");
    }
}
