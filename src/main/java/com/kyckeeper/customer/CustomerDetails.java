package com.kyckeeper.customer;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The full, revealed record: only returned with a recorded purpose. */
public record CustomerDetails(CustomerId id, CustomerStatus status, long version, CustomerProfile profile,
                              OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy,
                              OffsetDateTime verifiedAt, String verifiedBy, String verificationNote,
                              LocalDate closedOn) {
}
