package com.kyckeeper.customer;

import java.time.LocalDate;

/**
 * Suspension is derived from facts, never stored: an active record whose next document expiry lies more than
 * the grace period behind today counts as suspended.
 */
record Suspension(int gracePeriodDays) {

    CustomerStatus effective(CustomerStatus status, LocalDate nextDocumentExpiry, LocalDate today) {
        boolean active = status == CustomerStatus.PENDING_VERIFICATION || status == CustomerStatus.VERIFIED;
        if (active && nextDocumentExpiry != null && today.isAfter(nextDocumentExpiry.plusDays(gracePeriodDays))) {
            return CustomerStatus.SUSPENDED;
        }
        return status;
    }

    /** The first day on which a record with this document expiry counts as suspended. */
    LocalDate from(LocalDate expiry) {
        return expiry.plusDays(gracePeriodDays + 1L);
    }
}
