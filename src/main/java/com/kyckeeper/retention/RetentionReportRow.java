package com.kyckeeper.retention;

import java.time.LocalDate;

/** One customer in the retention report: ids and dates only. */
public record RetentionReportRow(String customerId, RetentionStatus status, String basis, LocalDate clockStart,
                                 LocalDate eligibleFrom, boolean legalHold, String policy, String purgeRunId) {
}
