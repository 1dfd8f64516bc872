package com.kyckeeper.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * Logs a failure without the values it may carry: exception messages (a JDBC driver quotes the
 * rejected value, which may be personal data) and stack traces (their messages again) are never
 * written. A line names the action (method and matched route, never the raw path), the request id
 * and the exception class chain, plus the first frame in our own code, which is enough to find the
 * failing line; the request id ties it to the access log and to the problem+json answer.
 */
public final class FailureLog {

    /** The logging MDC key of the current request id (X-Request-Id), set by the audit module's request filter. */
    public static final String REQUEST_ID = "requestId";
    private static final int MAX_CHAIN = 16;
    private static final String OUR_CODE = "com.kyckeeper.";

    private FailureLog() {
    }

    /** The current request's id, or "none" outside a request. */
    public static String requestId() {
        String id = MDC.get(REQUEST_ID);
        return id != null ? id : "none";
    }

    /** "GET /api/v1/customers/{id}": the matched route only, so no value in the path reaches the log. */
    public static String action(HttpServletRequest request) {
        return Routes.action(request);
    }

    /** Class names of the exception and its causes, outermost first: "a.B <- c.D". Never a message. */
    public static String classChain(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t) && seen.size() <= MAX_CHAIN; t = t.getCause()) {
            if (!chain.isEmpty()) {
                chain.append(" <- ");
            }
            chain.append(t.getClass().getName());
        }
        return chain.toString();
    }

    /** Where in our own code the exception was thrown or passed through (class, method, line), or "-". */
    static String origin(Throwable failure) {
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().startsWith(OUR_CODE)) {
                return frame.getClassName() + "." + frame.getMethodName() + ":" + frame.getLineNumber();
            }
        }
        return "-";
    }

    /** An unexpected failure of a request, logged at ERROR without values. */
    public static void unexpected(Logger log, HttpServletRequest request, Throwable failure) {
        failed(log, "Unexpected failure", request, failure);
    }

    /** {@code what} failed for the request, logged at ERROR without values. */
    public static void failed(Logger log, String what, HttpServletRequest request, Throwable failure) {
        log.error("{} in {} [request {}]: {} at {}", what, action(request), requestId(), classChain(failure),
                origin(failure));
    }
}
