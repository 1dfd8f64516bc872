package com.kyckeeper.audit;

import java.time.Instant;

/**
 * The access log's own retention (policies/audit.yml), independent of customer purges: events
 * older than {@code keepFrom} may be archived and removed by a DBA after offline verification;
 * the service itself never deletes events.
 */
public record AuditRetention(int retentionYears, Instant keepFrom, long eventsPastRetention) {
}
