package com.kyckeeper.ui;

import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.audit.Outcome;
import com.kyckeeper.security.Actor;
import com.kyckeeper.security.CurrentActor;
import com.kyckeeper.shared.ConflictException;
import com.kyckeeper.shared.FailureLog;
import com.kyckeeper.shared.InvalidInputException;
import com.kyckeeper.shared.NotFoundException;
import com.kyckeeper.shared.PreconditionFailedException;
import com.kyckeeper.shared.Unavailable;
import com.kyckeeper.shared.Routes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every UI page needs (signed-in actor, role menu, language switch target) and friendly error
 * pages for UI paths; ordered before the API's problem+json advice, which stays for /api.
 */
@ControllerAdvice(basePackageClasses = UiModel.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class UiModel {

    private static final Logger log = LoggerFactory.getLogger(UiModel.class);
    private final AccessLog accessLog;

    UiModel(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @ModelAttribute
    void common(org.springframework.ui.Model model, HttpServletRequest request) {
        model.addAllAttributes(commonAttributes(request));
    }

    static Map<String, Object> commonAttributes(HttpServletRequest request) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        Actor actor = signedIn ? CurrentActor.get() : null;
        Map<String, Object> attributes = new java.util.HashMap<>();
        attributes.put("actor", actor);
        attributes.put("menu", actor == null ? List.of() : Menu.of(actor));
        // Switching language re-opens the page; after a POST that would repeat it, so go home instead.
        attributes.put("langPath", "GET".equals(request.getMethod()) ? request.getRequestURI() : "/");
        return attributes;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(HttpServletRequest request, HttpServletResponse response) {
        accessLog.appendIndependently(new AccessEvent(action(request), customerId(request), null, Outcome.REFUSED,
                "403"));
        return page("error/denied", request, response, 403);
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) {
        return page("error/notfound", request, response, 404);
    }

    @ExceptionHandler({InvalidInputException.class, ConflictException.class, PreconditionFailedException.class,
            org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class,
            org.springframework.web.bind.MissingServletRequestParameterException.class})
    ModelAndView badRequest(HttpServletRequest request, HttpServletResponse response) {
        return page("error/problem", request, response, 400);
    }

    @ExceptionHandler(com.kyckeeper.shared.TooManyRequestsException.class)
    ModelAndView tooMany(com.kyckeeper.shared.TooManyRequestsException e, HttpServletRequest request,
                         HttpServletResponse response) {
        response.setHeader("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        return page("error/problem", request, response, 429);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        if (Unavailable.poolExhausted(e)) {
            log.warn("No database connection within the pool's timeout: 503 for {}", action(request));
            response.setHeader("Retry-After", Unavailable.RETRY_AFTER_SECONDS);
            return page("error/problem", request, response, 503);
        }
        FailureLog.unexpected(log, request, e);
        return page("error/problem", request, response, 500);
    }

    private ModelAndView page(String view, HttpServletRequest request, HttpServletResponse response, int status) {
        response.setStatus(status);
        ModelAndView mav = new ModelAndView(view);
        mav.addAllObjects(commonAttributes(request));
        mav.setStatus(org.springframework.http.HttpStatus.valueOf(status));
        mav.addObject("status", status);
        return mav;
    }

    private static String action(HttpServletRequest request) {
        return Routes.action(request);
    }

    private static String customerId(HttpServletRequest request) {
        Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (vars instanceof Map<?, ?> m && m.get("id") instanceof String id && id.matches("[0-9a-fA-F-]{36}")) {
            return id;
        }
        return null;
    }
}
