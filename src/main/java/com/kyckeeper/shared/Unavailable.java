package com.kyckeeper.shared;

import java.sql.SQLTransientConnectionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * The database pool had no connection within its (short) timeout: a temporary overload, answered
 * 503 with Retry-After by every layer instead of a 500 or a hang.
 */
public final class Unavailable {

    /** Seconds a client should wait before trying again (the Retry-After header). */
    public static final String RETRY_AFTER_SECONDS = "5";

    private Unavailable() {
    }

    /** Whether the failure, or anything it wraps, is the pool giving up on a connection. */
    public static boolean poolExhausted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof CannotGetJdbcConnectionException) {
                return true;
            }
        }
        return false;
    }

    public static ProblemDetail problem() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
                "The service is overloaded; try again after " + RETRY_AFTER_SECONDS + " seconds");
    }
}
