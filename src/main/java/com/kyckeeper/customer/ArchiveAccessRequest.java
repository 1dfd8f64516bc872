package com.kyckeeper.customer;

import java.time.OffsetDateTime;

/** A request to read an archived customer and its decision. {@code validUntil} is set on approval. */
public record ArchiveAccessRequest(String id, String customerId, String requestedBy, String purpose, Status status,
                                   OffsetDateTime requestedAt, String decidedBy, OffsetDateTime decidedAt,
                                   OffsetDateTime validUntil) {

    /** EXPIRED is APPROVED past {@code validUntil}: derived, never stored. */
    public enum Status { PENDING, APPROVED, REJECTED, EXPIRED }
}
