package com.kyckeeper.audit;

import java.time.OffsetDateTime;

/** One logged access as auditors see it: ids and codes only, never personal data. */
public record AccessRecord(long seq, OffsetDateTime at, String actor, String role, String action,
                           String customerId, String purpose, Outcome outcome, String clientAddress) {
}
