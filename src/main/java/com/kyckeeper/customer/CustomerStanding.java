package com.kyckeeper.customer;

import java.time.LocalDate;

/**
 * What other modules need to know about a customer without seeing personal data: its state,
 * whether identity is verified and documents valid on a date, and when the relationship ended.
 */
public record CustomerStanding(CustomerId id, CustomerType type, CustomerStatus status,
                               LocalDate nextDocumentExpiry, LocalDate closedOn) {

    public boolean verified() {
        return status == CustomerStatus.VERIFIED;
    }

    public boolean documentsValidOn(LocalDate date) {
        return nextDocumentExpiry == null || !nextDocumentExpiry.isBefore(date);
    }

    public boolean suspended() {
        return status == CustomerStatus.SUSPENDED;
    }
}
