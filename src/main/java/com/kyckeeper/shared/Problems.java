package com.kyckeeper.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.ObjectMapper;

/** Builds the RFC 9457 bodies every module answers with. Details never carry the rejected values. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("urn:kyc-keeper:problem:" + slug));
        p.setTitle(title);
        // never the request path (Spring's default), which may hold a value typed into the URL
        p.setInstance(Routes.instance());
        return p;
    }

    /**
     * Whether a refusal should answer with a web page (redirect) rather than problem+json: a browser
     * asking for HTML outside the API and actuator paths.
     */
    public static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                && !request.getRequestURI().startsWith(request.getContextPath() + "/actuator/")
                && accept != null && accept.contains("text/html");
    }

    public static ProblemDetail invalid(List<FieldViolation> violations) {
        ProblemDetail p = of(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                "The request has invalid fields: " + String.join(", ", violations.stream().map(FieldViolation::field).toList()));
        p.setProperty("errors", violations);
        return p;
    }

    /** Writes a problem as the whole answer, for filters and handlers that run outside MVC. */
    public static void write(HttpServletResponse response, ProblemDetail problem, ObjectMapper json) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
