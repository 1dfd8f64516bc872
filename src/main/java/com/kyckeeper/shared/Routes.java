package com.kyckeeper.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Set;
import org.springframework.web.servlet.HandlerMapping;

/**
 * What the access log and problem answers may say about a request: its route template ("GET
 * /api/v1/customers/{id}") or {@value #UNMATCHED}, never the raw path or query (an ID number typed
 * into a URL must not land in a ten-year log).
 */
public final class Routes {

    public static final String UNMATCHED = "UNMATCHED";
    /** Set by web.RouteTemplateFilter before security runs, when MVC would match the request. */
    public static final String ROUTE_ATTRIBUTE = Routes.class.getName() + ".route";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "TRACE");

    private Routes() {
    }

    /** The matched route template, or {@value #UNMATCHED}. */
    public static String template(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern == null) {
            pattern = request.getAttribute(ROUTE_ATTRIBUTE);
        }
        // "/**" is the static-resource fallback: it matches anything, so it names nothing
        return pattern instanceof String p && !p.isEmpty() && !p.equals("/**") ? p : UNMATCHED;
    }

    /** "METHOD template"; an unknown method token is "OTHER" (it is typed by the client too). */
    public static String action(HttpServletRequest request) {
        String method = request.getMethod();
        return (method != null && METHODS.contains(method) ? method : "OTHER") + " " + template(request);
    }

    /** A problem's instance: the request id it was logged under, never the path. */
    public static URI instance() {
        return URI.create("urn:kyc-keeper:request:" + FailureLog.requestId());
    }
}
