package com.kyckeeper.web;

import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.audit.Outcome;
import com.kyckeeper.crypto.DecryptionFailedException;
import com.kyckeeper.shared.ConflictException;
import com.kyckeeper.shared.FailureLog;
import com.kyckeeper.shared.FieldViolation;
import com.kyckeeper.shared.GoneException;
import com.kyckeeper.shared.InvalidInputException;
import com.kyckeeper.shared.NotFoundException;
import com.kyckeeper.shared.PreconditionFailedException;
import com.kyckeeper.shared.PreconditionRequiredException;
import com.kyckeeper.shared.Problems;
import com.kyckeeper.shared.Unavailable;
import com.kyckeeper.shared.TooManyRequestsException;
import com.kyckeeper.shared.Routes;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.beans.factory.annotation.Value;
import java.beans.PropertyEditorSupport;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every error as application/problem+json: the field is named, the rejected value never echoed,
 * no stack trace, and a refused attempt is itself written to the access log.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    /** Dates in a query: ISO, and years a database stores and date arithmetic survives ({@code -999999999-01-01}). */
    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 9999;
    private final AccessLog accessLog;
    private final long maxBodyBytes;

    ApiProblems(AccessLog accessLog, @Value("${kyc.http.max-body-bytes:16777216}") long maxBodyBytes) {
        this.accessLog = accessLog;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Query and path dates (no bound object): bounded years, else a 400 naming the parameter. */
    @InitBinder
    void boundedDates(WebDataBinder binder) {
        if (binder.getTarget() != null) {
            return;
        }
        binder.registerCustomEditor(LocalDate.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (text == null || text.isBlank()) {
                    setValue(null);
                    return;
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(text.strip(), DateTimeFormatter.ISO_LOCAL_DATE);
                } catch (java.time.DateTimeException e) {
                    throw new IllegalArgumentException("not an ISO date");
                }
                if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
                    throw new IllegalArgumentException("year out of range");
                }
                setValue(date);
            }
        });
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        return answer(Problems.invalid(e.violations()));
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
        long seconds = Math.max(1, e.retryAfter().toSeconds() + (e.retryAfter().toNanosPart() > 0 ? 1 : 0));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", e.getMessage()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return answer(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        ProblemDetail p = Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
        if (e.field() != null) {
            p.setProperty("errors", List.of(new FieldViolation(e.field(), e.getMessage())));
        }
        return answer(p);
    }

    @ExceptionHandler(PreconditionFailedException.class)
    ResponseEntity<ProblemDetail> stale(PreconditionFailedException e) {
        return answer(Problems.of(HttpStatus.PRECONDITION_FAILED, "stale-version", "Version is not current", e.getMessage()));
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ResponseEntity<ProblemDetail> preconditionRequired(PreconditionRequiredException e) {
        return answer(Problems.of(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "If-Match required",
                e.getMessage()));
    }

    @ExceptionHandler(GoneException.class)
    ResponseEntity<ProblemDetail> gone(GoneException e) {
        ProblemDetail p = Problems.of(HttpStatus.GONE, "purged", "Purged", e.getMessage());
        p.setProperty("purgeRunId", e.purgeRunId());
        p.setProperty("policy", e.policy());
        return answer(p);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        accessLog.appendIndependently(new AccessEvent(action(request), customerId(request), null, Outcome.REFUSED,
                "403"));
        String detail = e.getMessage() == null || e.getMessage().startsWith("Access Denied")
                ? "Your role may not do this" : e.getMessage();
        return answer(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail));
    }

    @ExceptionHandler(AuthenticationCredentialsNotFoundException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationCredentialsNotFoundException e,
                                                  HttpServletRequest request) {
        accessLog.appendIndependently(new AccessEvent(action(request), customerId(request), null, Outcome.REFUSED,
                "401"));
        return answer(Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", "Authentication is required"));
    }

    @ExceptionHandler(DecryptionFailedException.class)
    ResponseEntity<ProblemDetail> decryption(DecryptionFailedException e, HttpServletRequest request) {
        // Worth an alert; logged like every failure: class names, route and request id, no message.
        FailureLog.failed(log, "Decryption failed", request, e);
        accessLog.appendIndependently(new AccessEvent("DECRYPTION_FAILED", customerId(request), null, Outcome.FAILED,
                action(request)));
        return answer(underRequestId(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "integrity",
                "Stored data failed its integrity check", "The record could not be decrypted; the incident was logged")));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (Unavailable.poolExhausted(e)) {
            // Overload, not a fault: no access event either (it would wait for a connection too).
            log.warn("No database connection within the pool's timeout: 503 for {}", action(request));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Unavailable.RETRY_AFTER_SECONDS)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Unavailable.problem());
        }
        if (BodyTooLarge.in(e)) {
            return answer(RequestSizeLimit.tooLarge(maxBodyBytes));
        }
        FailureLog.unexpected(log, request, e);
        return answer(underRequestId(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The request failed; it has been logged under its request id")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (BodyTooLarge.in(ex)) {
            return cast(answer(RequestSizeLimit.tooLarge(maxBodyBytes)));
        }
        return cast(answer(Problems.invalid(List.of(JsonProblems.violationOf(ex.getCause())))));
    }

    /** A browser's mistyped page address gets the HTML 404 page (through /error), an API client problem+json. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (request instanceof ServletWebRequest web && web.getResponse() != null && Problems.wantsPage(web.getRequest())) {
            try {
                web.getResponse().sendError(HttpStatus.NOT_FOUND.value());
                return null;
            } catch (java.io.IOException e) {
                // the client is gone; answer as for an API client
            }
        }
        return handleExceptionInternal(ex, null, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldViolation(f.getField(), message(f))).toList();
        return cast(answer(Problems.invalid(violations)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return cast(answer(Problems.invalid(List.of(new FieldViolation(ex.getParameterName(), "is required")))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return answer(Problems.invalid(List.of(new FieldViolation(e.getName(), "has an invalid value"))));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return answer(Problems.invalid(List.of(new FieldViolation(e.getHeaderName(), "header is required"))));
    }

    @ExceptionHandler(JacksonException.class)
    ResponseEntity<ProblemDetail> jackson(JacksonException e) {
        return answer(Problems.invalid(List.of(JsonProblems.violationOf(e))));
    }

    /** Whatever Spring answers itself (405, 406, 415 …) keeps its status but gets a fixed, value-free detail. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        String reason = status == null ? "Request failed" : status.getReasonPhrase();
        ProblemDetail p = Problems.of(status == null ? HttpStatus.BAD_REQUEST : status, "http-" + statusCode.value(),
                reason, ex instanceof HttpMediaTypeNotSupportedException ? "Send application/json" : reason);
        HttpHeaders safe = new HttpHeaders();
        if (headers != null && headers.getAllow() != null && !headers.getAllow().isEmpty()) {
            safe.setAllow(headers.getAllow());
        }
        return ResponseEntity.status(statusCode).headers(safe).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private static String message(FieldError f) {
        return f.getDefaultMessage() == null ? "is invalid" : f.getDefaultMessage();
    }

    static String action(HttpServletRequest request) {
        return Routes.action(request);
    }

    @SuppressWarnings("unchecked")
    static String customerId(HttpServletRequest request) {
        Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (vars instanceof Map<?, ?> m && m.get("id") instanceof String id && id.matches("[0-9a-fA-F-]{36}")
                && request.getRequestURI().contains("/customers/")) {
            return id;
        }
        return null;
    }

    /**
     * A failure's instance is the request id it was logged under (as X-Request-Id), not the request
     * path, which Spring would fill in and which may hold a value the failure was about.
     */
    private static ProblemDetail underRequestId(ProblemDetail p) {
        p.setInstance(URI.create("urn:kyc-keeper:request:" + FailureLog.requestId()));
        return p;
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> r) {
        return (ResponseEntity) r;
    }
}
