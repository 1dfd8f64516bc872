package com.kyckeeper.security;

import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.audit.Outcome;
import com.kyckeeper.shared.Problems;
import com.kyckeeper.shared.Unavailable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** 401 and 403 raised by the filter chain, as problem+json (or a page for the web UI), each written to the access log. */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final AccessLog accessLog;
    private final ObjectMapper json;

    ProblemResponses(AccessLog accessLog, ObjectMapper json) {
        this.accessLog = accessLog;
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (Unavailable.poolExhausted(e)) {
            // The user store had no connection: overload, not a wrong password (and nothing to log it with).
            response.setHeader("Retry-After", Unavailable.RETRY_AFTER_SECONDS);
            write(response, Unavailable.problem());
            return;
        }
        accessLog.appendIndependently(new AccessEvent(request.getMethod() + " " + request.getRequestURI(), null, null,
                Outcome.REFUSED, "401"));
        response.setHeader("WWW-Authenticate", "Basic realm=\"kyc-keeper\"");
        write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                "Valid credentials are required"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        accessLog.appendIndependently(new AccessEvent(request.getMethod() + " " + request.getRequestURI(), null, null,
                Outcome.REFUSED, e instanceof CsrfException ? "403 csrf" : "403"));
        if (Problems.wantsPage(request)) {
            // Web UI: a stale form (expired session, so no CSRF token) goes back to sign-in; else the 403 page.
            response.sendRedirect(request.getContextPath() + (e instanceof CsrfException ? "/login?expired" : "/denied"));
            return;
        }
        write(response, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role may not do this"));
    }

    /** A signed-in account that must first replace its initial password: the change page, or 403 problem+json. */
    void passwordChangeRequired(HttpServletRequest request, HttpServletResponse response) throws IOException {
        accessLog.appendIndependently(new AccessEvent("PASSWORD_CHANGE_REQUIRED", null, null, Outcome.REFUSED, "403"));
        if (Problems.wantsPage(request)) {
            response.sendRedirect(request.getContextPath() + "/me/password");
            return;
        }
        write(response, Problems.of(HttpStatus.FORBIDDEN, "password-change-required", "Password change required",
                "Change the initial password first: PUT /api/v1/me/password"));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
