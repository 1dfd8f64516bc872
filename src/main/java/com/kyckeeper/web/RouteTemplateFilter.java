package com.kyckeeper.web;

import com.kyckeeper.shared.Routes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Finds the route template MVC will match before Spring Security refuses anything, so that a refusal
 * of an anonymous request is logged under "GET /api/v1/customers/{id}", not under the typed path
 * (shared.Routes). The lookup runs on a wrapper that keeps MVC's attributes to itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RouteTemplateFilter extends OncePerRequestFilter {

    private final ObjectProvider<RequestMappingInfoHandlerMapping> mappings;

    RouteTemplateFilter(ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String route = find(request);
        if (route != null) {
            request.setAttribute(Routes.ROUTE_ATTRIBUTE, route);
        }
        chain.doFilter(request, response);
    }

    private String find(HttpServletRequest request) {
        List<RequestMappingInfoHandlerMapping> all = mappings.orderedStream().toList();
        for (RequestMappingInfoHandlerMapping mapping : all) {
            Isolated probe = new Isolated(request);
            try {
                ServletRequestPathUtils.parseAndCache(probe);
                if (mapping.getHandler(probe) != null
                        && probe.local.get(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String p) {
                    return p;
                }
            } catch (Exception e) {
                // wrong method or media type, bad path: no route to name
            }
        }
        return null;
    }

    /** Attributes set during the lookup stay here; reads fall through to the real request. */
    private static final class Isolated extends HttpServletRequestWrapper {
        private final Map<String, Object> local = new HashMap<>();

        Isolated(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            return local.containsKey(name) ? local.get(name) : super.getAttribute(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            local.put(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            local.put(name, null);
        }
    }
}
