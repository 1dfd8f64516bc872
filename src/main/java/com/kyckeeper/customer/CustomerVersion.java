package com.kyckeeper.customer;

import java.time.OffsetDateTime;

/** One kept version of a customer, with a masked snapshot of the record as it was. */
public record CustomerVersion(long version, String changeKind, CustomerStatus status, OffsetDateTime changedAt,
                              String changedBy, MaskedCustomer snapshot) {
}
