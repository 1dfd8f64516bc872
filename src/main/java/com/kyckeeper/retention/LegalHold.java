package com.kyckeeper.retention;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/** A legal hold: keeps a customer's records past their period until released. */
public record LegalHold(String id, String customerId, String reason, String caseReference, String placedBy,
                        OffsetDateTime placedAt, String releasedBy, OffsetDateTime releasedAt) {

    @JsonIgnore
    public boolean active() {
        return releasedAt == null;
    }

    @JsonProperty("status")
    public String status() {
        return active() ? "ACTIVE" : "RELEASED";
    }
}
