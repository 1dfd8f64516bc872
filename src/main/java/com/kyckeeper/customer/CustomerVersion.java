package com.kyckeeper.customer;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One kept version of a customer, with a masked snapshot of the record as it was and the names (never the
 * values) of the profile fields that differ from the version before, e.g. {@code address},
 * {@code idDocument.expiresOn}; empty for the registration.
 */
public record CustomerVersion(long version, String changeKind, CustomerStatus status, OffsetDateTime changedAt,
                              String changedBy, MaskedCustomer snapshot, List<String> changedFields) {

    public CustomerVersion {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }
}
