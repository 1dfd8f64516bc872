package com.kyckeeper.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An account creation or role change waiting for (or decided by) a second security administrator. Never the
 * password or its hash.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserChange(String id, Status status, String username, List<String> roles, Kind kind,
                         String requestedBy, OffsetDateTime requestedAt, String decidedBy, OffsetDateTime decidedAt) {

    public enum Kind { CREATE, ROLES }

    public enum Status { PENDING_APPROVAL, APPROVED, REJECTED }

    public UserChange {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
