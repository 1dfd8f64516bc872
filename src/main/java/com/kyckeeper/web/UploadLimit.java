package com.kyckeeper.web;

import com.kyckeeper.shared.FieldViolation;
import com.kyckeeper.shared.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import tools.jackson.databind.ObjectMapper;

/**
 * A multipart upload over the container's limits ({@code spring.servlet.multipart.*}) fails while the body is
 * parsed, which the first reader (Spring Security's CSRF check) would turn into the container's error page. This
 * filter parses multipart bodies first and answers such a failure itself, naming the field: on {@code /api}
 * 413 problem+json with {@code errors[{field, message}]}; for a browser page a redirect back to the form (same
 * origin Referer, else "/") with flash attributes {@code uploadRefused} (the field, or "" when the container did
 * not say) and {@code uploadLimit} ("1 MB"), which the page shows at its file field. Nothing of the body is kept.
 */
@Component
// after the request id (audit) and UnsafeRequestGate, which refuses multipart on the API unread
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class UploadLimit extends OncePerRequestFilter {

    static final String MESSAGE = "is larger than the upload limit";
    private static final Pattern FIELD = Pattern.compile("field ([A-Za-z0-9_.\\[\\]-]{1,100}) exceeds");
    private final long maxRequestBytes;
    private final DataSize maxFileSize;
    private final ObjectMapper json;
    private final SessionFlashMapManager flash = new SessionFlashMapManager();

    UploadLimit(@Value("${kyc.http.max-body-bytes:16777216}") long maxRequestBytes,
                @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize, ObjectMapper json) {
        this.maxRequestBytes = maxRequestBytes;
        this.maxFileSize = maxFileSize;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxRequestBytes) {
            // Not read at all; the connection is closed after the answer.
            response.setHeader("Connection", "close");
            refuse(request, response, "");
            return;
        }
        try {
            request.getParts();
        } catch (IllegalStateException | ServletException | IOException e) {
            String field = tooLarge(e);
            if (field != null) {
                // Read (and drop) the rest, at most max-body-bytes, so the browser gets the answer, not a reset.
                drain(request);
                refuse(request, response, field);
                return;
            }
            // Not a size problem (e.g. a malformed body): later readers report it as before.
        }
        chain.doFilter(request, response);
    }

    private void drain(HttpServletRequest request) {
        try (var in = request.getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while (total <= maxRequestBytes && (n = in.read(buffer)) >= 0) {
                total += n;
            }
        } catch (IOException | IllegalStateException e) {
            // Nothing more to read here; the container closes the connection if it must.
        }
    }

    /** The field named by a size failure ("" if the container named none), or null if it was not about size. */
    private static String tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (m.contains("exceeds") && m.contains("size") || t.getClass().getSimpleName().contains("SizeLimitExceeded")) {
                Matcher field = FIELD.matcher(m);
                return field.find() ? field.group(1) : "";
            }
        }
        return null;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String field) throws IOException {
        String limit = human(maxFileSize);
        if (Problems.wantsPage(request)) {
            FlashMap attributes = new FlashMap();
            attributes.put("uploadRefused", field);
            attributes.put("uploadLimit", limit);
            String back = sameOriginReferer(request);
            attributes.setTargetRequestPath(request.getContextPath()
                    + (back.contains("?") ? back.substring(0, back.indexOf('?')) : back));
            flash.saveOutputFlashMap(attributes, request, response);
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + back);
            return;
        }
        ProblemDetail p = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Upload too large",
                "An uploaded file may be at most " + limit);
        p.setProperty("errors", List.of(new FieldViolation(field.isEmpty() ? "body" : field, MESSAGE + " (" + limit + ")")));
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), p);
    }

    private static String human(DataSize size) {
        long bytes = size.toBytes();
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    /** The path (and query) of the page that posted the form, if it is ours; else the start page. */
    private static String sameOriginReferer(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return "/";
        }
        try {
            URI uri = URI.create(referer);
            boolean sameHost = request.getServerName().equalsIgnoreCase(uri.getHost())
                    && request.getServerPort() == (uri.getPort() == -1 ? ("https".equals(uri.getScheme()) ? 443 : 80) : uri.getPort());
            String path = uri.getRawPath();
            if (!sameHost || path == null || !path.startsWith(request.getContextPath() + "/") || path.startsWith("//")) {
                return "/";
            }
            String local = path.substring(request.getContextPath().length());
            return uri.getRawQuery() == null ? local : local + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
