package com.kyckeeper.audit;

import java.io.Writer;
import java.util.List;

/**
 * Append-only access log. There is no update or delete: events are written once, sealed into a
 * hash chain by the sealer and signed at checkpoints. Only {@code AUDITOR} reads it.
 */
public interface AccessLog {

    /** Appends in the caller's transaction: if the operation rolls back, so does its event. */
    void append(AccessEvent event);

    /**
     * {@link #append} for many events at once (one JDBC batch), in the caller's transaction: for bulk
     * operations such as a retention purge, which logs one event per customer.
     */
    void appendAll(List<AccessEvent> events);

    /** Appends in a transaction of its own: for refusals, whose operation never commits. */
    void appendIndependently(AccessEvent event);

    /** One page of events matching the query, newest first (AUDITOR only; the query is itself logged). */
    AccessPage query(AccessQuery query);

    /**
     * Writes every event matching the query (newest first, up to the configured maximum) as CSV
     * (AUDITOR only; the export is itself logged). Returns the number of rows written.
     */
    int exportCsv(AccessQuery query, Writer out);

    /** A page of the log: the events and the total number matching the query. */
    record AccessPage(List<AccessRecord> events, int page, int size, long total) {
    }
}
