package com.kyckeeper.retention;

import java.time.LocalDate;
import java.util.Set;
import java.util.function.Consumer;

/** Per customer, the retention basis, eligibleFrom, hold and status on a date (for planning). */
public interface RetentionReport {

    /** Streams the rows (customers by id, then purged customers' tombstones); returns the row count. */
    long write(LocalDate asOf, Consumer<RetentionReportRow> sink);

    /**
     * Streams only the rows of these statuses (empty or null: all), in the same order. Asking only for
     * DUE and/or HELD (and PURGED) lets the database narrow the customers to the purge's candidates.
     */
    long write(LocalDate asOf, Set<RetentionStatus> statuses, Consumer<RetentionReportRow> sink);
}
