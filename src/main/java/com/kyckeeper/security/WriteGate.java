package com.kyckeeper.security;

import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * A coarse check of state-changing API calls before anything reads their body (the services' own
 * {@code @PreAuthorize} stays the rule; this only refuses, with 403, a caller who can never be allowed): a
 * user holding only roles that change no business data (AUDITOR, SECURITY_ADMIN) may write under
 * /api/v1/admin (SECURITY_ADMIN) and /api/v1/me, nowhere else. So such a caller cannot make the service
 * read (and parse) a large body.
 */
final class WriteGate implements AuthorizationManager<RequestAuthorizationContext> {

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();
    private static final Set<String> NON_BUSINESS = Set.of("ROLE_" + Roles.AUDITOR, "ROLE_" + Roles.SECURITY_ADMIN);

    @Override
    public AuthorizationDecision authorize(Supplier<? extends Authentication> authentication,
                                           RequestAuthorizationContext context) {
        Authentication auth = authentication.get();
        // an anonymous caller also holds a ROLE_ (ANONYMOUS): refused here, so it gets the entry point's 401
        boolean business = auth != null && auth.isAuthenticated() && !TRUST.isAnonymous(auth)
                && auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(a -> a.startsWith("ROLE_") && !NON_BUSINESS.contains(a));
        return new AuthorizationDecision(business);
    }
}
