package com.kyckeeper.retention;

import java.time.LocalDate;

/**
 * The outcome of the retention clocks for one customer on a date: status, the basis (which record
 * class and date decide), the date it becomes eligible, the deciding rule, and whether a hold applies.
 */
public record RetentionAssessment(RetentionStatus status, String basis, LocalDate clockStart, LocalDate eligibleFrom,
                                  String policy, boolean legalHold) {

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean due() {
        return status == RetentionStatus.DUE;
    }
}
