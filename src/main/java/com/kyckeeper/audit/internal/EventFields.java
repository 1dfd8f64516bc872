package com.kyckeeper.audit.internal;

import java.time.Instant;

/** One stored access event, every column as written. {@code at} has microsecond precision. */
public record EventFields(long seq, Instant at, String actor, String role, String action, String customerId,
                          String purpose, String outcome, String clientAddress, String requestId, String detail,
                          String eventId, String mac) {
}
