package com.kyckeeper.web;

import com.kyckeeper.shared.FieldViolation;
import com.kyckeeper.shared.HeaderText;
import com.kyckeeper.shared.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Two refusals before anything reads a request. A query that is not UTF-8 percent-encoding (GBK from a legacy
 * client: {@code ?actor=%D5%C5%C8%FD}) is a 400 naming "query", not the container's failure to decode it later.
 * A state-changing API call with a content type a cross-site HTML form can send without a CORS preflight
 * (form-urlencoded, multipart, text/plain) is a 415: a browser that still holds credentials cannot be made to
 * post to the API (no API endpoint takes multipart yet; one that does must be listed here).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UnsafeRequestGate extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final List<MediaType> FORM_TYPES = List.of(MediaType.APPLICATION_FORM_URLENCODED,
            MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN);
    private final ObjectMapper json;

    UnsafeRequestGate(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && HeaderText.percentDecoded(query.replace('+', ' ')) == null) {
            ProblemDetail p = Problems.invalid(List.of(new FieldViolation("query",
                    "must be UTF-8 percent-encoded")));
            Problems.write(response, p, json);
            return;
        }
        if (query != null && !parameterParses(request)) {
            // e.g. an empty name (?=x): Tomcat refuses to parse it later, from inside whatever asks first
            Problems.write(response, Problems.invalid(List.of(new FieldViolation("query",
                    "must be name=value pairs"))), json);
            return;
        }
        if (isApi(request) && WRITES.contains(request.getMethod()) && formLike(request.getContentType())) {
            Problems.write(response, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "http-415",
                    "Unsupported Media Type", "Send application/json"), json);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean parameterParses(HttpServletRequest request) {
        try {
            request.getParameterMap();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static boolean formLike(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return FORM_TYPES.stream().anyMatch(t -> t.equalsTypeAndSubtype(type)) || type.getType().equals("multipart");
        } catch (InvalidMediaTypeException e) {
            return true;
        }
    }
}
