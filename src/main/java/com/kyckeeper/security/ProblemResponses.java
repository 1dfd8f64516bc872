package com.kyckeeper.security;

import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.audit.Outcome;
import com.kyckeeper.audit.RefusedRequests;
import com.kyckeeper.shared.Problems;
import com.kyckeeper.shared.Unavailable;
import com.kyckeeper.shared.Routes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * 401 and 403 raised by the filter chain, as problem+json (or a page for the web UI). A 403 is written to the
 * access log; a 401 (no or wrong credentials: anyone's) only counted per source and minute (audit.RefusedRequests).
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final AccessLog accessLog;
    private final ObjectMapper json;
    private final RefusedRequests refused;

    ProblemResponses(AccessLog accessLog, ObjectMapper json, RefusedRequests refused) {
        this.accessLog = accessLog;
        this.json = json;
        this.refused = refused;
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
        // anyone can send these in any number: a count per source and minute, not a permanent row each
        refused.count(Routes.action(request));
        if (challenge(request)) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"kyc-keeper\"");
        }
        write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                "Valid credentials are required"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        accessLog.appendIndependently(new AccessEvent(Routes.action(request), null, null,
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
        Problems.write(response, problem, json);
    }

    /**
     * Whether to send the Basic challenge: only to a client that is clearly not a browser (no text/html in
     * Accept, none of the Sec-Fetch-* headers every current browser sends). A browser that is never challenged
     * never prompts, so never caches credentials that a forged cross-site request could replay.
     */
    static boolean challenge(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return (accept == null || !accept.toLowerCase(java.util.Locale.ROOT).contains("text/html"))
                && request.getHeader("Sec-Fetch-Mode") == null && request.getHeader("Sec-Fetch-Dest") == null
                && request.getHeader("Sec-Fetch-Site") == null;
    }
}
