package com.kyckeeper.retention;

import java.time.LocalDate;
import java.util.function.Consumer;

/** Per customer, the retention basis, eligibleFrom, hold and status on a date (for planning). */
public interface RetentionReport {

    /** Streams the rows (customers by id, then purged customers' tombstones); returns the row count. */
    long write(LocalDate asOf, Consumer<RetentionReportRow> sink);
}
