package com.kyckeeper.security;

import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.audit.Outcome;
import com.kyckeeper.shared.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session (or refuses an API call) as soon as the user's stored state no longer matches it:
 * the user was disabled, removed, or given other roles. An account that must still replace its initial password
 * reaches only the password change (403 {@code password-change-required}, or the change page for the web UI). Runs on every authenticated request of both filter
 * chains, after authentication and before authorisation; the state comes from {@link AccountStates} (database,
 * briefly cached), so it holds on every node of a cluster without shared sessions.
 */
class ActiveAccountFilter extends OncePerRequestFilter {

    private final AccountStates states;
    private final AccessLog accessLog;
    private final AuthenticationEntryPoint entryPoint;
    private final ProblemResponses problems;

    ActiveAccountFilter(AccountStates states, AccessLog accessLog, ProblemResponses problems) {
        this.states = states;
        this.accessLog = accessLog;
        this.entryPoint = problems;
        this.problems = problems;
    }

    /** What an account that must replace its initial password may still reach: the change itself and sign-out. */
    private static boolean changingPassword(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api/v1/me/password") || path.equals("/me/password") || path.equals("/logout")
                || path.equals("/error") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        Optional<AccountStates.State> state = states.of(auth.getName());
        // Roles only: Spring Security also grants factor authorities (FACTOR_PASSWORD …) that are not stored.
        Set<String> held = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).collect(Collectors.toSet());
        String reason = state.isEmpty() ? "unknown user" : !state.get().enabled() ? "user disabled"
                : !roles(state.get().authorities()).equals(held) ? "roles changed" : null;
        if (reason == null) {
            if (state.get().mustChangePassword() && !changingPassword(request)) {
                problems.passwordChangeRequired(request, response);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        // Written while the context still names the user, so the log shows whose session ended.
        accessLog.appendIndependently(new AccessEvent("SESSION_ENDED", null, null, Outcome.REFUSED, reason));
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        if (Problems.wantsPage(request)) {
            response.sendRedirect(request.getContextPath() + "/login?ended");
        } else {
            entryPoint.commence(request, response, new DisabledException("The account is no longer active"));
        }
    }

    private static Set<String> roles(Set<String> authorities) {
        return authorities.stream().filter(a -> a.startsWith("ROLE_")).collect(Collectors.toSet());
    }
}
