package com.kyckeeper.web;

import com.kyckeeper.shared.Problems;
import com.kyckeeper.shared.Unavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Outside the security filters: a connection-pool timeout raised by a filter (sign-in, account
 * check) is a 503 with Retry-After too, not Tomcat's 500 page. Controllers' failures are the
 * advices' (ApiProblems, the UI's), which answer the same.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class PoolExhaustion extends OncePerRequestFilter {

    private static final String PAGE = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
            + "<title>503</title></head><body><h1>服务繁忙，请稍后再试</h1><p>Service busy, please try again shortly.</p>"
            + "</body></html>";
    private final ObjectMapper json;

    PoolExhaustion(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!Unavailable.poolExhausted(e) || response.isCommitted()) {
                throw e;
            }
            write(request, response, json);
        }
    }

    static void write(HttpServletRequest request, HttpServletResponse response, ObjectMapper json) throws IOException {
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, Unavailable.RETRY_AFTER_SECONDS);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (Problems.wantsPage(request)) {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter().write(PAGE);
        } else {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), Unavailable.problem());
        }
    }
}
