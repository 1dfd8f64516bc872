package com.kyckeeper.retention;

import java.time.OffsetDateTime;

/** A legal hold: keeps a customer's records past their period until released. */
public record LegalHold(String id, String customerId, String reason, String caseReference, String placedBy,
                        OffsetDateTime placedAt, String releasedBy, OffsetDateTime releasedAt) {

    public boolean active() {
        return releasedAt == null;
    }

    public String status() {
        return active() ? "ACTIVE" : "RELEASED";
    }
}
